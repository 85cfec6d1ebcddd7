//! The whole pipeline on page-like input: no panic; the same result twice; every kept
//! paragraph and the title are drawn from the page's lines (a line, or the part of one
//! that a tail cut keeps, after normalising and the Romanian letter fix); and cleaning the
//! output again gives it back (idempotence).
//!
//! Input: the fuzz bytes as text, one line per input line, where a line that starts with
//! a byte below 0x20 is replaced by one of [`LINES`] (real boilerplate, metadata and
//! prose lines in several languages), so that the fuzzer builds pages out of the shapes
//! the rules read, not only noise.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use cleannews_core::config::Config;
use cleannews_core::lexicon::{LangData, Lexicon};
use cleannews_core::pipeline::{run, Extracted};
use libfuzzer_sys::fuzz_target;

/// Lines the fuzz input can pick by number: the clutter, metadata and prose of news pages.
const LINES: [&str; 32] = [
    "Citește și: Guvernul a aprobat bugetul pe 2026",
    "Top Citite",
    "Publicat: 12 martie 2025, 14:30",
    "de Ion Popescu",
    "Foto: Lucian Alecu / Profimedia",
    "Guvernul a aprobat miercuri proiectul de buget, care urmează să fie dezbătut în Parlament.",
    "Kommentar (0)",
    "Die Regierung hat am Mittwoch den Haushalt beschlossen, der nun im Bundestag beraten wird.",
    "Lesen Sie auch: Neue Regeln für Mieter",
    "Von Anna Schmidt | 3. März 2025",
    "Read more: Another budget story",
    "By John Smith, May 19, 2024",
    "The government approved the budget on Wednesday, and parliament will debate it next week.",
    "Share on Facebook",
    "Follow us on Google News",
    "© 2025 Example Media. All rights reserved.",
    "Home » News » Politics",
    "image_2024_05_19.jpg",
    "Leggi anche: Il governo approva la manovra",
    "Il governo ha approvato mercoledì la manovra, che ora passa al vaglio del Parlamento.",
    "Chính phủ đã phê duyệt ngân sách vào thứ Tư, và quốc hội sẽ thảo luận vào tuần tới.",
    "Ngày 12 tháng 3 năm 2025",
    "BUCUREȘTI, 12 mar (Agerpres) - Guvernul a aprobat bugetul.",
    "Comments",
    "John says:",
    "March 3, 2025 at 10:15 am",
    "Reply",
    "1",
    "Advertisement",
    "",
    "Editor's picks",
    "Most read",
];

/// The engine: the language data of `src/cleannews/langdata`, and jusText's stop lists
/// when a virtual environment of the project holds them (`CLEANNEWS_STOPLISTS` names
/// another directory). Built once.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let stoplists = std::env::var_os("CLEANNEWS_STOPLISTS")
        .map(PathBuf::from)
        .or_else(|| venv_stoplists(&root));
    let data = LangData::read(&root.join("src/cleannews/langdata"), stoplists.as_deref())
        .expect("the language data reads");
    Lexicon::build(&data.sources()).expect("the packaged language data parses")
});

/// `.venv/lib/python3.*/site-packages/justext/stoplists` of the checkout.
fn venv_stoplists(root: &Path) -> Option<PathBuf> {
    let lib = root.join(".venv/lib");
    std::fs::read_dir(lib).ok()?.flatten().find_map(|e| {
        let d = e.path().join("site-packages/justext/stoplists");
        d.is_dir().then_some(d)
    })
}

/// The page the fuzz bytes spell (see the module docs).
fn page(text: &str) -> String {
    text.split('\n')
        .map(|line| match line.bytes().next() {
            Some(b) if b < 0x20 => LINES[usize::from(b) % LINES.len()],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn clean(text: &str) -> Option<Extracted> {
    run(text, &Config::default(), &LEXICON, None)
}

fuzz_target!(|data: &str| {
    let text = page(data);
    let Some(out) = clean(&text) else {
        return; // the mojibake repair is Python's (ftfy)
    };
    assert_eq!(clean(&text).as_ref(), Some(&out), "not deterministic");
    let lines = out.lines.distinct();
    let drawn = |part: &str| lines.iter().any(|l| l.contains(part));
    for part in out.title.iter().chain(&out.paragraphs) {
        assert!(drawn(part), "{part:?} is not drawn from a line of the page");
    }
    let cleaned = out.text();
    if let Some(again) = clean(&cleaned) {
        assert_eq!(
            again.text(),
            cleaned,
            "cleaning the output again changed it"
        );
    }
});
