//! The whole pipeline from Python: one document (`Engine.extract`) or a batch run on a
//! thread pool with the GIL released (`Engine.extract_many`, `Engine.clean_many`).
//!
//! A document's result crosses into Python once, compactly ([`Extracted`]): the title and
//! the paragraphs as strings, the metadata fields, one rule code a line as `bytes`, the
//! lines kept in part, the flags and the language; the page's line texts stay in Rust
//! ([`LineTexts`], a sequence that makes each `str` when read), so that `Article.lines`
//! is lazy over both.
//!
//! The mojibake repair is ftfy's, in Python: a document that carries its signature is
//! cut into its lines here ([`repaired_lines`]), and each line is normalised by the core,
//! unless it (or its normalised form) carries the signature itself: that line alone goes
//! to `cleannews.repair.repaired_line` (with the GIL held). What that gives is what
//! `cleannews.repair.repaired_lines` gives (a line without the signature comes out of
//! ftfy's path as its normalised form), but the document is never copied into a Python
//! string, a list of Python lines and a list of Rust lines: the lines go into the core's
//! [`Lines`] one at a time. A panic in the core never reaches Python as a
//! `PanicException` (a `BaseException`): it is caught and raised as [`CoreError`].

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cleannews_core::config::Config;
use cleannews_core::lexicon::Lexicon;
use cleannews_core::normalize;
use cleannews_core::pipeline::{self, Extracted as CoreExtracted, Lines, Profile};
use cleannews_core::rules::Rule;
use pyo3::exceptions::{PyIndexError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

pyo3::create_exception!(
    _core,
    CoreError,
    PyRuntimeError,
    "The native core failed on a document (a bug: report it with the document)."
);

/// The Python module that repairs mojibake (ftfy) for the core.
const REPAIR_MODULE: &str = "cleannews.repair";
/// Its function: one raw line -> the line repaired and normalised.
const REPAIR_FUNCTION: &str = "repaired_line";

/// A page's line texts, held by the core: `texts[i]` is line i + 1 ("" for a blank line).
#[pyclass(module = "cleannews._core", frozen, sequence)]
pub struct LineTexts {
    lines: Arc<pipeline::LineTexts>,
}

#[pymethods]
impl LineTexts {
    fn __len__(&self) -> usize {
        self.lines.len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyString>> {
        let n = self.lines.len() as isize;
        let i = if index < 0 { index + n } else { index };
        if !(0..n).contains(&i) {
            return Err(PyIndexError::new_err("line index out of range"));
        }
        Ok(PyString::new(py, self.lines.text(i as usize)))
    }

    fn __iter__(slf: PyRef<'_, Self>) -> LineTextsIter {
        LineTextsIter {
            lines: Arc::clone(&slf.lines),
            next: AtomicUsize::new(0),
        }
    }
}

/// An iterator over a [`LineTexts`].
#[pyclass(module = "cleannews._core", frozen)]
pub struct LineTextsIter {
    lines: Arc<pipeline::LineTexts>,
    next: AtomicUsize,
}

#[pymethods]
impl LineTextsIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        (i < self.lines.len()).then(|| PyString::new(py, self.lines.text(i)))
    }
}

/// One document's result, as Python values (see the module docs).
#[pyclass(module = "cleannews._core", frozen, get_all)]
pub struct Extracted {
    /// The headline, or None.
    title: Option<Py<PyString>>,
    /// The body paragraphs.
    paragraphs: Py<PyTuple>,
    /// The ISO date, or None.
    published: Option<Py<PyString>>,
    /// The authors.
    authors: Py<PyTuple>,
    /// The source URL, or None.
    source_url: Option<Py<PyString>>,
    /// The news agency, or None.
    agency: Option<Py<PyString>>,
    /// The captions.
    captions: Py<PyTuple>,
    /// The language code, or None.
    language: Option<Py<PyString>>,
    /// Warnings ("loss_guard").
    flags: Py<PyTuple>,
    /// Each line's text.
    texts: Py<LineTexts>,
    /// Each line's rule code (its place in `cleannews.RULES`).
    rules: Py<PyBytes>,
    /// Lines kept in part: 0-based index -> (the kept part, the rule that cut the rest).
    cuts: Py<PyDict>,
    /// `Article.text`: the title, then the paragraphs.
    text: Py<PyString>,
}

fn opt_str(py: Python<'_>, s: Option<&str>) -> Option<Py<PyString>> {
    s.map(|s| PyString::new(py, s).unbind())
}

fn str_tuple(py: Python<'_>, items: &[String]) -> PyResult<Py<PyTuple>> {
    Ok(PyTuple::new(py, items.iter().map(String::as_str))?.unbind())
}

impl Extracted {
    fn from_core(py: Python<'_>, out: CoreExtracted) -> PyResult<Extracted> {
        let cuts = PyDict::new(py);
        for (i, (kept, rule)) in &out.cuts {
            cuts.set_item(i, (kept.as_str(), rule.name()))?;
        }
        let flags: Vec<&str> = if out.loss_guard {
            vec!["loss_guard"]
        } else {
            vec![]
        };
        let text = out.text();
        Ok(Extracted {
            title: opt_str(py, out.title.as_deref()),
            paragraphs: str_tuple(py, &out.paragraphs)?,
            published: opt_str(py, out.published.as_deref()),
            authors: str_tuple(py, &out.authors)?,
            source_url: opt_str(py, out.source_url.as_deref()),
            agency: opt_str(py, out.agency.as_deref()),
            captions: str_tuple(py, &out.captions)?,
            language: opt_str(py, out.language.as_deref()),
            flags: PyTuple::new(py, flags)?.unbind(),
            rules: PyBytes::new(py, &out.rules).unbind(),
            cuts: cuts.unbind(),
            text: PyString::new(py, &text).unbind(),
            texts: Py::new(
                py,
                LineTexts {
                    lines: Arc::new(out.lines),
                },
            )?,
        })
    }
}

/// The core's `Config` from a `cleannews.Config` (field by field; same names).
pub fn config_from_py(obj: &Bound<'_, PyAny>) -> PyResult<Config> {
    let get = |name: &str| obj.getattr(name);
    let barrier: Vec<String> = get("barrier_families")?.extract()?;
    let barrier_families = barrier
        .iter()
        .map(|name| {
            Rule::from_name(name).ok_or_else(|| {
                PyValueError::new_err(format!("unknown rule {name:?} in barrier_families"))
            })
        })
        .collect::<PyResult<Vec<Rule>>>()?;
    Ok(Config {
        romanian_comma_letters: get("romanian_comma_letters")?.extract()?,
        fix_mojibake: get("fix_mojibake")?.extract()?,
        prose_min_words: get("prose_min_words")?.extract()?,
        prose_min_words_unpunctuated: get("prose_min_words_unpunctuated")?.extract()?,
        prose_min_stopword_ratio: get("prose_min_stopword_ratio")?.extract()?,
        prose_unpunctuated_min_stopword_ratio: get("prose_unpunctuated_min_stopword_ratio")?
            .extract()?,
        non_prose_line_cost: get("non_prose_line_cost")?.extract()?,
        isolated_prose_min_run: get("isolated_prose_min_run")?.extract()?,
        isolated_prose_weight: get("isolated_prose_weight")?.extract()?,
        clutter_line_cost: get("clutter_line_cost")?.extract()?,
        block_heading_cost: get("block_heading_cost")?.extract()?,
        barrier_families,
        min_body_words: get("min_body_words")?.extract()?,
        block_resume_prose_lines: get("block_resume_prose_lines")?.extract()?,
        block_resume_long_words: get("block_resume_long_words")?.extract()?,
        max_prose_loss: get("max_prose_loss")?.extract()?,
    })
}

/// A site profile (`LineSet`): its keys, read by iterating it (a `Profile`, a set of keys).
pub fn profile_from_py(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Profile>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(
            "the native core reads a profile's keys: it must be iterable (a Profile or a set)",
        )
    })?;
    let mut keys = Profile::default();
    for key in iter {
        let key = key?;
        keys.insert(key.extract::<&str>()?.into());
    }
    Ok(Some(keys))
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with no message".to_owned()
    }
}

/// What the core made of one document, without Python: its result (shaped for the caller:
/// the whole result, or only its text), `None` when it needs the mojibake repair, or the
/// message of a panic.
type Outcome<R = CoreExtracted> = Result<Option<R>, String>;

/// `f()`, or the message of its panic.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_message(&*p))
}

/// `pipeline::run` of `text`, its result shaped by `shape`, a panic caught.
fn run_guarded<R>(
    text: &str,
    config: &Config,
    lexicon: &Lexicon,
    profile: Option<&Profile>,
    shape: impl FnOnce(CoreExtracted) -> R,
) -> Outcome<R> {
    guarded(|| pipeline::run(text, config, lexicon, profile).map(shape))
}

/// `pipeline::run_lines` of repaired lines, its result shaped by `shape`, a panic caught.
fn run_lines_guarded<R>(
    lines: Lines,
    config: &Config,
    lexicon: &Lexicon,
    profile: Option<&Profile>,
    shape: impl FnOnce(CoreExtracted) -> R,
) -> Result<R, String> {
    guarded(|| shape(pipeline::run_lines(lines, config, lexicon, profile)))
}

/// The lines of `text` as `cleannews.repair.repaired_lines` gives them, read into the
/// core's [`Lines`] one at a time (see the module docs): cut at LF, CRLF and CR, each
/// normalised, and those with the signature of mojibake (before or after normalising)
/// repaired by `repaired_line`, ftfy's path. Equal to it line for line: `repaired_line`
/// of a line without the signature is `normalize_line` of it, twice over (its
/// `repair_text` returns its input), and normalising is idempotent on such a line.
fn repaired_lines(py: Python<'_>, text: &str) -> PyResult<Lines> {
    let repair = py.import(REPAIR_MODULE)?.getattr(REPAIR_FUNCTION)?;
    let mut failed = None;
    let lines = normalize::line_slices(text).map_while(|raw| {
        let line = normalize::normalize_line(raw);
        if !normalize::has_mojibake_hint(raw) && !normalize::has_mojibake_hint(&line) {
            return Some(line);
        }
        match repair
            .call1((raw,))
            .and_then(|fixed| fixed.extract::<String>())
        {
            Ok(fixed) => Some(fixed),
            Err(e) => {
                failed = Some(e);
                None
            }
        }
    });
    let lines = Lines::from_lines(lines);
    match failed {
        Some(e) => Err(e),
        None => Ok(lines),
    }
}

/// The Python exception for a panic of the core.
pub fn core_error(message: String) -> PyErr {
    CoreError::new_err(format!("the native core panicked: {message}"))
}

/// A document's outcome finished with the GIL held: a document that needs the mojibake
/// repair is repaired in Python, and its lines cleaned by the core.
fn finish<R: Send>(
    py: Python<'_>,
    text: &str,
    outcome: Outcome<R>,
    config: &Config,
    lexicon: &Lexicon,
    profile: Option<&Profile>,
    shape: impl FnOnce(CoreExtracted) -> R + Send,
) -> PyResult<R> {
    match outcome.map_err(core_error)? {
        Some(out) => Ok(out),
        None => {
            let lines = repaired_lines(py, text)?;
            py.detach(|| run_lines_guarded(lines, config, lexicon, profile, shape))
                .map_err(core_error)
        }
    }
}

/// Clean one document (the GIL released while the core runs).
pub fn extract_one(
    py: Python<'_>,
    lexicon: &Lexicon,
    text: PyBackedStr,
    config: &Bound<'_, PyAny>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Extracted> {
    let config = config_from_py(config)?;
    let profile = profile_from_py(profile)?;
    let outcome = py.detach(|| run_guarded(&text, &config, lexicon, profile.as_ref(), whole));
    let out = finish(
        py,
        &text,
        outcome,
        &config,
        lexicon,
        profile.as_ref(),
        whole,
    )?;
    Extracted::from_core(py, out)
}

/// Run every document on `workers` threads with the GIL released, each result shaped by
/// `shape` in the thread that made it; the outcomes in order. The threads take the
/// documents largest first, so that a long document taken last does not leave the other
/// threads idle at the end of the batch.
fn run_batch<R: Send>(
    py: Python<'_>,
    lexicon: &Lexicon,
    texts: &[PyBackedStr],
    config: &Config,
    profile: Option<&Profile>,
    workers: usize,
    shape: impl Fn(CoreExtracted) -> R + Sync,
) -> Vec<Outcome<R>> {
    let workers = workers.clamp(1, texts.len().max(1));
    let run = |text: &str| run_guarded(text, config, lexicon, profile, &shape);
    py.detach(|| {
        if workers == 1 {
            return texts.iter().map(|t| run(t)).collect();
        }
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(texts[i].len()));
        let next = AtomicUsize::new(0);
        let done: Vec<Vec<(usize, Outcome<R>)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                            mine.push((i, run(&texts[i])));
                        }
                        mine
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut slots: Vec<Option<Outcome<R>>> = (0..texts.len()).map(|_| None).collect();
        for (i, outcome) in done.into_iter().flatten() {
            slots[i] = Some(outcome);
        }
        slots
            .into_iter()
            .map(|s| s.unwrap_or_else(|| Err("a worker thread stopped".to_owned())))
            .collect()
    })
}

/// The arguments of a batch call, read from Python.
fn batch_inputs(
    texts: &Bound<'_, PyAny>,
    config: &Bound<'_, PyAny>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Vec<PyBackedStr>, Config, Option<Profile>)> {
    let texts: Vec<PyBackedStr> = texts
        .try_iter()?
        .map(|t| t.and_then(|t| t.extract::<PyBackedStr>()))
        .collect::<PyResult<_>>()?;
    Ok((texts, config_from_py(config)?, profile_from_py(profile)?))
}

/// What a batch returns of each document: the shape its result takes in the worker
/// thread, without Python, and the Python value made of that, with the GIL held.
pub struct BatchResult<'py, R, T> {
    /// A core result to what the worker hands back (the whole result, or its text).
    shape: fn(CoreExtracted) -> R,
    /// That, to the Python value of the list.
    each: fn(Python<'py>, R) -> PyResult<T>,
}

/// `extract_many`: each document's whole result, an `Extracted` in Python.
pub fn extracted<'py>() -> BatchResult<'py, CoreExtracted, Extracted> {
    BatchResult {
        shape: whole,
        each: Extracted::from_core,
    }
}

/// `clean_many`: each document's text, joined in the worker thread.
pub fn cleaned<'py>() -> BatchResult<'py, String, String> {
    BatchResult {
        shape: |out| out.text(),
        each: |_, text| Ok(text),
    }
}

/// A core result as it is (the shape of a call that needs all of it).
fn whole(out: CoreExtracted) -> CoreExtracted {
    out
}

/// Every document of `texts` cleaned on `workers` threads, each result shaped in its
/// thread and turned into a Python value (with the GIL held, in order) as `result` says.
pub fn batch<'py, R: Send, T: IntoPyObject<'py>>(
    py: Python<'py>,
    lexicon: &Lexicon,
    (texts, config, profile): (
        &Bound<'py, PyAny>,
        &Bound<'py, PyAny>,
        Option<&Bound<'py, PyAny>>,
    ),
    workers: usize,
    result: BatchResult<'py, R, T>,
) -> PyResult<Bound<'py, PyList>> {
    let (texts, config, profile) = batch_inputs(texts, config, profile)?;
    let shape = result.shape;
    let outcomes = run_batch(
        py,
        lexicon,
        &texts,
        &config,
        profile.as_ref(),
        workers,
        shape,
    );
    let out = PyList::empty(py);
    for (text, outcome) in texts.iter().zip(outcomes) {
        let done = finish(py, text, outcome, &config, lexicon, profile.as_ref(), shape)?;
        out.append((result.each)(py, done)?)?;
    }
    Ok(out)
}

/// Adds the pipeline's classes and its exception to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extracted>()?;
    m.add_class::<LineTexts>()?;
    m.add("CoreError", m.py().get_type::<CoreError>())?;
    Ok(())
}
