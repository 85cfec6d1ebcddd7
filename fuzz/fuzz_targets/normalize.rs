//! Reading any text: no panic; normalising is idempotent; every folded token is a
//! non-empty run without white space; a line's fold is the fold of its normalised form.
#![no_main]

use cleannews_core::normalize::{fold, fold_tokens, normalize_line, normalize_lines};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lines = normalize_lines(text);
    for line in &lines {
        assert_eq!(&normalize_line(line), line, "normalising is not idempotent");
        for token in fold_tokens(line) {
            assert!(!token.is_empty() && !token.chars().any(char::is_whitespace));
        }
        assert_eq!(fold(&normalize_line(line)), fold(line));
    }
});
