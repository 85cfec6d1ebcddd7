//! TODO: port of src/cleannews/rules/inline.py (see the module table in lib.rs).
