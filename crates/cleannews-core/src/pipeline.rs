//! TODO: port of src/cleannews/pipeline.py (see the module table in lib.rs).
