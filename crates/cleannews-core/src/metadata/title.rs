//! TODO: port of src/cleannews/metadata/title.py (see the module table in lib.rs).
