//! The Unicode script of a letter: which writing system a word is written in (the stop
//! lists' own scripts, [`crate::lexicon`]).
//!
//! The ranges come from the `regex` crate's Unicode tables (through `regex-syntax`, its
//! parser: `\p{sc=NAME}` for each name of [`NAMES`]), read once per process.

use std::sync::LazyLock;

/// Unicode 16's scripts (`regex-syntax`'s `\p{sc=...}` names), Latin first (the ASCII
/// letters' script, [`LATIN`]), then in name order; but Common and Inherited: a letter of
/// those (the modifier letter 'ʻ', shared by many languages) is of no one script, so it
/// tells no script apart.
#[rustfmt::skip] // a table: names in rows
pub const NAMES: &[&str] = &[
    "Latin",
    "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese",
    "Bamum", "Bassa_Vah", "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille",
    "Buginese", "Buhid", "Canadian_Aboriginal", "Carian", "Caucasian_Albanian", "Chakma",
    "Cham", "Cherokee", "Chorasmian", "Coptic", "Cuneiform", "Cypriot", "Cypro_Minoan",
    "Cyrillic", "Deseret", "Devanagari", "Dives_Akuru", "Dogra", "Duployan",
    "Egyptian_Hieroglyphs", "Elbasan", "Elymaic", "Ethiopic", "Garay", "Georgian", "Glagolitic",
    "Gothic", "Grantha", "Greek", "Gujarati", "Gunjala_Gondi", "Gurmukhi", "Gurung_Khema",
    "Han", "Hangul", "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew", "Hiragana",
    "Imperial_Aramaic", "Inscriptional_Pahlavi", "Inscriptional_Parthian", "Javanese", "Kaithi",
    "Kannada", "Katakana", "Kawi", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer",
    "Khojki", "Khudawadi", "Kirat_Rai", "Lao", "Lepcha", "Limbu", "Linear_A", "Linear_B",
    "Lisu", "Lycian", "Lydian", "Mahajani", "Makasar", "Malayalam", "Mandaic", "Manichaean",
    "Marchen", "Masaram_Gondi", "Medefaidrin", "Meetei_Mayek", "Mende_Kikakui",
    "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Modi", "Mongolian", "Mro", "Multani",
    "Myanmar", "Nabataean", "Nag_Mundari", "Nandinagari", "New_Tai_Lue", "Newa", "Nko", "Nushu",
    "Nyiakeng_Puachue_Hmong", "Ogham", "Ol_Chiki", "Ol_Onal", "Old_Hungarian", "Old_Italic",
    "Old_North_Arabian", "Old_Permic", "Old_Persian", "Old_Sogdian", "Old_South_Arabian",
    "Old_Turkic", "Old_Uyghur", "Oriya", "Osage", "Osmanya", "Pahawh_Hmong", "Palmyrene",
    "Pau_Cin_Hau", "Phags_Pa", "Phoenician", "Psalter_Pahlavi", "Rejang", "Runic", "Samaritan",
    "Saurashtra", "Sharada", "Shavian", "Siddham", "SignWriting", "Sinhala", "Sogdian",
    "Sora_Sompeng", "Soyombo", "Sundanese", "Sunuwar", "Syloti_Nagri", "Syriac", "Tagalog",
    "Tagbanwa", "Tai_Le", "Tai_Tham", "Tai_Viet", "Takri", "Tamil", "Tangsa", "Tangut",
    "Telugu", "Thaana", "Thai", "Tibetan", "Tifinagh", "Tirhuta", "Todhri", "Toto",
    "Tulu_Tigalari", "Ugaritic", "Vai", "Vithkuqi", "Wancho", "Warang_Citi", "Yezidi", "Yi",
    "Zanabazar_Square",
];

/// A script: its index in [`NAMES`].
pub type Script = u8;

/// Every script's code point ranges, sorted by their start (the scripts never overlap).
static RANGES: LazyLock<Vec<(char, char, Script)>> = LazyLock::new(|| {
    let mut ranges = Vec::new();
    for (i, name) in NAMES.iter().enumerate() {
        let Ok(script) = Script::try_from(i) else {
            break; // more than 256 scripts: Unicode 16 has 170 (168 of them here)
        };
        let hir = regex_syntax::parse(&format!("\\p{{sc={name}}}"))
            .expect("a script name that regex-syntax knows");
        if let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) =
            hir.kind()
        {
            ranges.extend(class.ranges().iter().map(|r| (r.start(), r.end(), script)));
        }
    }
    ranges.sort_unstable();
    ranges
});

/// The script of `c`, or `None` (Common, Inherited, unassigned).
pub fn script_of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(LATIN);
    }
    script_range(c).map(|(_, _, script)| script)
}

/// The range of code points around `c` that is one script's (`(start, end, script)`), or
/// `None` (Common, Inherited, unassigned): a reader of many characters checks the last
/// range before it searches again (the letters of a word share a script).
pub fn script_range(c: char) -> Option<(char, char, Script)> {
    let ranges = &*RANGES;
    let i = ranges.partition_point(|&(start, _, _)| start <= c);
    let &(start, end, script) = ranges.get(i.checked_sub(1)?)?;
    (start <= c && c <= end).then_some((start, end, script))
}

/// The index of Latin in [`NAMES`] (the ASCII letters' script, answered without a search).
pub const LATIN: Script = 0;

/// The name of a script ([`NAMES`]).
pub fn name(script: Script) -> &'static str {
    NAMES[usize::from(script)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_letters() {
        let of = |c| script_of(c).map(name);
        assert_eq!(of('a'), Some("Latin"));
        assert_eq!(of('ă'), Some("Latin"));
        assert_eq!(of('ж'), Some("Cyrillic"));
        assert_eq!(of('म'), Some("Devanagari"));
        assert_eq!(of('ি'), Some("Bengali")); // a vowel sign: its script, not Inherited
        assert_eq!(of('한'), Some("Hangul"));
        assert_eq!(of('漢'), Some("Han"));
        assert_eq!(of('ʻ'), None); // Common
        assert_eq!(of('1'), None);
        assert_eq!(of('\u{0301}'), None); // a combining accent: Inherited
    }
}
