//! TODO: port of src/cleannews/unicode.py (see the module table in lib.rs).
