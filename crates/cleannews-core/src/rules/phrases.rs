//! TODO: port of src/cleannews/rules/phrases.py (see the module table in lib.rs).
