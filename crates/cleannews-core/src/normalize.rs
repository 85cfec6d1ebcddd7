//! TODO: port of src/cleannews/normalize.py (see the module table in lib.rs).
