//! SHIM until the `core-read` branch lands its Python-exact tables (generated from
//! Python 3.11's Unicode 14.0): these use Rust's own, newer tables and differ on the
//! characters assigned or re-classified since. Same names as core-read's.

/// Python's `str.isalnum` of one character (shim: Rust's alphabetic or numeric).
pub fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

/// Python's `str.isdigit` of one character (shim: numeric values 0-9 that Rust knows).
pub fn is_digit(c: char) -> bool {
    crate::regex_classes::contains(crate::regex_classes::DIGIT, c) || is_digit_like(c)
}

fn is_digit_like(c: char) -> bool {
    // Superscripts and circled digits are Numeric_Type=Digit in Python.
    matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2460}'..='\u{2468}')
}

/// Python's `str.isspace` of one character (exact: the set has not changed since 14.0).
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Python's `str.islower` flag of one character: the Lowercase property (shim).
pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// Python's `str.isupper` flag of one character: the Uppercase property (shim).
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// Python's `str.istitle` flag of one character: category Lt (exact list).
pub fn is_title(c: char) -> bool {
    matches!(
        c,
        '\u{1c5}' | '\u{1c8}' | '\u{1cb}' | '\u{1f2}' | '\u{1f88}'..='\u{1f8f}'
            | '\u{1f98}'..='\u{1f9f}' | '\u{1fa8}'..='\u{1faf}' | '\u{1fbc}' | '\u{1fcc}' | '\u{1ffc}'
    )
}
