//! SHIM until the `core-read` branch lands the port of `src/cleannews/normalize.py`:
//! `fold` and `fold_tokens` only, with Rust's Unicode tables (see `unicode`).

use unicode_normalization::UnicodeNormalization;

fn folded(text: &str) -> String {
    let low = text.to_lowercase();
    if low.is_ascii() {
        return low;
    }
    let mut extra = String::with_capacity(low.len());
    for c in low.chars() {
        match c {
            'ß' => extra.push_str("ss"),
            'đ' | 'Đ' | 'ð' => extra.push('d'),
            'ł' | 'Ł' => extra.push('l'),
            'ø' | 'Ø' => extra.push('o'),
            'æ' => extra.push_str("ae"),
            'œ' => extra.push_str("oe"),
            'ı' => extra.push('i'),
            'þ' => extra.push_str("th"),
            c => extra.push(c),
        }
    }
    extra
        .nfkd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c) || c.is_alphanumeric())
        .collect()
}

/// The folded word tokens of `text` (Python `fold_tokens`).
pub fn fold_tokens(text: &str) -> Vec<String> {
    folded(text)
        .split(|c: char| !crate::unicode::is_alnum(c))
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The matching key: lower case, no diacritics, word tokens joined by one space.
pub fn fold(text: &str) -> String {
    fold_tokens(text).join(" ")
}
