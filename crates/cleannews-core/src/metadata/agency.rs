//! TODO: port of src/cleannews/metadata/agency.py (see the module table in lib.rs).
