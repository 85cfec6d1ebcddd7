//! TODO: port of src/cleannews/rules/site.py (see the module table in lib.rs).
