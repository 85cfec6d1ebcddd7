//! TODO: port of src/cleannews/metadata/dates.py (see the module table in lib.rs).
