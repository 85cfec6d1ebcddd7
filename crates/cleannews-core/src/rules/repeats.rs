//! TODO: port of src/cleannews/rules/repeats.py (see the module table in lib.rs).
