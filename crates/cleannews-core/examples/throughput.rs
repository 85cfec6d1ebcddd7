//! The core on a file of documents, for profiling (callgrind, perf) without Python.
//!
//! `cargo run --release --example throughput -- DOCS [PASSES]`: `DOCS` is UTF-8 text with
//! the documents separated by NUL bytes; every document is cleaned `PASSES` times (1 by
//! default, after an untimed warm-up pass) with the packaged language data and jusText's stop lists of the checkout's
//! `.venv` (or `CLEANNEWS_STOPLISTS`). Prints the documents, bytes, seconds and MB/s.
//! Under callgrind, the instruction count of one pass over a fixed file is the repeatable
//! figure:
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=throughput::timed`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use cleannews_core::config::Config;
use cleannews_core::lexicon::{LangData, Lexicon};
use cleannews_core::pipeline::run;

fn main() {
    let mut args = std::env::args().skip(1);
    let docs = args.next().expect("usage: throughput DOCS [PASSES]");
    let passes: usize = args
        .next()
        .map_or(1, |p| p.parse().expect("PASSES is a number"));
    let text = std::fs::read_to_string(&docs).expect("DOCS reads as UTF-8");
    let docs: Vec<&str> = text.split('\0').collect();

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let stoplists = std::env::var_os("CLEANNEWS_STOPLISTS")
        .map(PathBuf::from)
        .or_else(|| venv_stoplists(&root));
    let data = LangData::read(&root.join("src/cleannews/langdata"), stoplists.as_deref())
        .expect("the language data reads");
    let lexicon = Lexicon::build(&data.sources()).expect("the language data parses");
    let config = Config::default();

    for doc in &docs {
        run(doc, &config, &lexicon, None); // warm-up: the patterns compile on first use
    }
    let start = Instant::now();
    let kept = timed(&docs, passes, &config, &lexicon);
    let seconds = start.elapsed().as_secs_f64();
    let bytes = text.len() * passes;
    println!(
        "{} documents x {passes}, {bytes} bytes, {seconds:.3} s, {:.2} MB/s ({kept} paragraphs)",
        docs.len(),
        bytes as f64 / 1e6 / seconds
    );
}

/// The timed passes: the paragraphs kept. Its own function, so that callgrind can count
/// it alone (`--toggle-collect=throughput::timed`), after the warm-up.
#[inline(never)]
fn timed(docs: &[&str], passes: usize, config: &Config, lexicon: &Lexicon) -> usize {
    let mut kept = 0;
    for _ in 0..passes {
        for doc in docs {
            if let Some(out) = run(doc, config, lexicon, None) {
                kept += out.paragraphs.len();
            }
        }
    }
    kept
}

/// `.venv/lib/python3.*/site-packages/justext/stoplists` of the checkout.
fn venv_stoplists(root: &Path) -> Option<PathBuf> {
    let lib = root.join(".venv/lib");
    std::fs::read_dir(lib).ok()?.flatten().find_map(|e| {
        let d = e.path().join("site-packages/justext/stoplists");
        d.is_dir().then_some(d)
    })
}
