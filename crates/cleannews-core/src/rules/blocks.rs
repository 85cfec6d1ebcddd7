//! TODO: port of src/cleannews/rules/blocks.py (see the module table in lib.rs).
