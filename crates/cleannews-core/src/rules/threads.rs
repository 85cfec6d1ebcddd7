//! TODO: port of src/cleannews/rules/threads.py (see the module table in lib.rs).
