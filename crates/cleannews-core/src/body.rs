//! TODO: port of src/cleannews/body.py (see the module table in lib.rs).
