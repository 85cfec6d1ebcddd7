//! Metadata read from the text (`src/cleannews/metadata/`): date lines and the dates in
//! them ([`dates`]), bylines, captions and credits, source lines, datelines and sponsored
//! markers ([`fields`]), agency datelines at the start of the lead ([`agency`]), and the
//! title ([`title`]).

pub mod agency;
pub mod dates;
pub mod fields;
pub mod title;
