//! TODO: port of src/cleannews/rules/shapes.py (see the module table in lib.rs).
