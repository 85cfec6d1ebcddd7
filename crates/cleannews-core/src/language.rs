//! TODO: port of src/cleannews/language.py (see the module table in lib.rs).
