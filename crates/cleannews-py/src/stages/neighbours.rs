//! The neighbour passes (`rules/{blocks,threads,repeats}`, `body`, `metadata/title`) for
//! `tests/parity/test_neighbours.py`: a page's lines are built once from the features the
//! Python computed (`Line::new`), and each pass is called on them with the inputs the
//! Python pipeline handed its own function (recorded by the test).

use std::ops::Range;

use cleannews_core::body;
use cleannews_core::config::Config;
use cleannews_core::features::{Features, Line};
use cleannews_core::lexicon::Lexicon;
use cleannews_core::metadata::title;
use cleannews_core::rules::threads::{self, DateSpans, FindDates};
use cleannews_core::rules::{blocks, repeats, Mark, Rule};
use cleannews_core::Map;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::engine::Engine;

/// A Python `Line`'s text, key and features: (text, key, n_words, n_stop, ends_sentence,
/// ends_ellipsis, is_prose).
type LineTuple = (String, String, u32, u32, bool, bool, bool);
/// A mark as Python compares it: (rule, opens_block, weak, in_block).
type MarkTuple = (String, bool, bool, bool);
/// A span as Python's `Span`: (start, end, prose_words).
type SpanTuple = (usize, usize, u64);
/// The dates of each distinct text: (text, [(start, end) in code points]).
type TextDates = Vec<(String, Vec<(usize, usize)>)>;

/// The dates the Python's `find_dates` found, by text, as byte ranges.
struct GivenDates(Map<String, Vec<Range<usize>>>);

impl DateSpans for GivenDates {
    fn date_spans(&self, text: &str, _lexicon: &Lexicon) -> Vec<Range<usize>> {
        self.0.get(text).cloned().unwrap_or_default()
    }
}

/// The byte offset of each code point offset of `text` (and of its end).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}

fn rule_of(name: &str) -> PyResult<Rule> {
    Rule::from_name(name).ok_or_else(|| PyValueError::new_err(format!("no rule {name:?}")))
}

fn marks_of(marks: Vec<Option<MarkTuple>>) -> PyResult<Vec<Option<Mark>>> {
    marks
        .into_iter()
        .map(|m| {
            m.map(|(rule, opens_block, weak, in_block)| {
                Ok(Mark {
                    rule: rule_of(&rule)?,
                    opens_block,
                    weak,
                    in_block,
                })
            })
            .transpose()
        })
        .collect()
}

fn mark_tuples(marks: &[Option<Mark>]) -> Vec<Option<MarkTuple>> {
    marks
        .iter()
        .map(|m| m.map(|m| (m.rule.name().to_owned(), m.opens_block, m.weak, m.in_block)))
        .collect()
}

fn rules_of(rules: Vec<Option<String>>) -> PyResult<Vec<Option<Rule>>> {
    rules
        .into_iter()
        .map(|r| r.map(|r| rule_of(&r)).transpose())
        .collect()
}

/// One page's lines, built once, and the neighbour passes over them.
#[pyclass(frozen, module = "cleannews._core._stages")]
struct NeighbourPage {
    lines: Vec<Line>,
    /// The Python's dates by text; `None`: the core's own (`FindDates`).
    dates: Option<GivenDates>,
    engine: Py<Engine>,
}

impl NeighbourPage {
    fn lexicon(&self) -> &Lexicon {
        &self.engine.get().lexicon
    }

    fn spread(&self, marks: &[Option<Mark>]) -> Vec<Option<Mark>> {
        let config = Config::default();
        match &self.dates {
            Some(given) => {
                blocks::spread_blocks_with(&self.lines, marks, &config, self.lexicon(), given)
            }
            None => blocks::spread_blocks(&self.lines, marks, &config, self.lexicon()),
        }
    }
}

#[pymethods]
impl NeighbourPage {
    /// A page of `lines`; `dates`: each distinct text's dates as the Python's `find_dates`
    /// gives them (code point offsets), or `None` for the core's own.
    #[new]
    #[pyo3(signature = (engine, lines, dates=None))]
    fn new(
        engine: Py<Engine>,
        lines: Vec<LineTuple>,
        dates: Option<TextDates>,
    ) -> PyResult<NeighbourPage> {
        let lines = lines
            .into_iter()
            .map(
                |(text, key, n_words, n_stop, ends_sentence, ends_ellipsis, is_prose)| {
                    Line::new(
                        text,
                        key,
                        Features {
                            n_words,
                            n_stop,
                            ends_sentence,
                            ends_ellipsis,
                            is_prose,
                        },
                    )
                },
            )
            .collect();
        let dates = dates
            .map(|dates| {
                let mut by_text = Map::default();
                for (text, spans) in dates {
                    let offsets = byte_offsets(&text);
                    let at = |k: usize| {
                        offsets
                            .get(k)
                            .copied()
                            .ok_or_else(|| PyValueError::new_err("a date past the text's end"))
                    };
                    let spans = spans
                        .into_iter()
                        .map(|(s, e)| Ok(at(s)?..at(e)?))
                        .collect::<PyResult<Vec<_>>>()?;
                    by_text.insert(text, spans);
                }
                Ok::<_, PyErr>(GivenDates(by_text))
            })
            .transpose()?;
        Ok(NeighbourPage {
            lines,
            dates,
            engine,
        })
    }

    /// `blocks.spread_blocks(lines, marks, DEFAULT, lexicon)`.
    fn spread_blocks(&self, marks: Vec<Option<MarkTuple>>) -> PyResult<Vec<Option<MarkTuple>>> {
        Ok(mark_tuples(&self.spread(&marks_of(marks)?)))
    }

    /// For each line: (`threads.is_attribution(line, lexicon, next line)`,
    /// `threads.is_stamp(line, lexicon)`).
    fn thread_flags(&self) -> Vec<(bool, bool)> {
        let lexicon = self.lexicon();
        let given = self.dates.as_ref();
        (0..self.lines.len())
            .map(|i| {
                let line = &self.lines[i];
                let after = self.lines.get(i + 1);
                match given {
                    Some(d) => (
                        threads::is_attribution_with(line, lexicon, after, d),
                        threads::is_stamp_with(line, lexicon, d),
                    ),
                    None => (
                        threads::is_attribution_with(line, lexicon, after, &FindDates),
                        threads::is_stamp(line, lexicon),
                    ),
                }
            })
            .collect()
    }

    /// `blocks.list_items(lines, marks)`.
    fn list_items(&self, marks: Vec<Option<MarkTuple>>) -> PyResult<Vec<bool>> {
        Ok(blocks::list_items(&self.lines, &marks_of(marks)?))
    }

    /// `body.scored_span(lines, marks, metadata, items, DEFAULT)`: (isolated, items, span).
    fn scored_span(
        &self,
        marks: Vec<Option<MarkTuple>>,
        metadata: Vec<bool>,
        items: Vec<bool>,
    ) -> PyResult<(Vec<bool>, Vec<bool>, Option<SpanTuple>)> {
        let marks = marks_of(marks)?;
        let (isolated, items, span) =
            body::scored_span(&self.lines, &marks, &metadata, items, &Config::default());
        Ok((
            isolated,
            items,
            span.map(|s| (s.start, s.end, s.prose_words)),
        ))
    }

    /// `body.cut_off_last(lines, end, marks, DEFAULT)`.
    fn cut_off_last(&self, end: usize, marks: Vec<Option<MarkTuple>>) -> PyResult<bool> {
        let marks = marks_of(marks)?;
        Ok(body::cut_off_last(
            &self.lines,
            end,
            &marks,
            &Config::default(),
        ))
    }

    /// `title.choose_title(lines, free, is_meta, body_start, copies, claimed)`, on
    /// borrowed lines (`&[&Line]`, as a pipeline holding one `Line` a distinct text
    /// passes them).
    #[pyo3(signature = (free, is_meta, body_start, copies=None, claimed=None))]
    fn choose_title(
        &self,
        free: Vec<bool>,
        is_meta: Vec<bool>,
        body_start: usize,
        copies: Option<Vec<bool>>,
        claimed: Option<Vec<bool>>,
    ) -> Option<usize> {
        let refs: Vec<&Line> = self.lines.iter().collect();
        title::choose_title(
            &refs,
            &free,
            &is_meta,
            body_start,
            copies.as_deref().unwrap_or_default(),
            claimed.as_deref().unwrap_or_default(),
        )
    }

    /// For each line: (`title.is_headline(line)`, `title.opens_with_headline(line)`).
    fn headlines(&self) -> Vec<(bool, bool)> {
        self.lines
            .iter()
            .map(|ln| {
                (
                    title::is_headline(ln, title::TITLE_MAX_WORDS),
                    title::opens_with_headline(ln),
                )
            })
            .collect()
    }

    /// `repeats.body_copies(lines, rules, marks)`.
    fn body_copies(
        &self,
        rules: Vec<Option<String>>,
        marks: Vec<Option<MarkTuple>>,
    ) -> PyResult<Vec<usize>> {
        Ok(repeats::body_copies(
            &self.lines,
            &rules_of(rules)?,
            &marks_of(marks)?,
        ))
    }

    /// `repeats.body_repeats(lines, rules)`.
    fn body_repeats(&self, rules: Vec<Option<String>>) -> PyResult<Vec<usize>> {
        Ok(repeats::body_repeats(&self.lines, &rules_of(rules)?))
    }

    /// `list(repeats.title_repeats(lines, rules, title_index))`.
    fn title_repeats(
        &self,
        rules: Vec<Option<String>>,
        title_index: usize,
    ) -> PyResult<Vec<usize>> {
        Ok(repeats::title_repeats(
            &self.lines,
            &rules_of(rules)?,
            title_index,
        ))
    }
}

/// Whether the thread passes read the core's own dates (`metadata::dates::find_dates`,
/// from the `core-meta` branch) rather than a stand-in that finds none.
#[pyfunction]
fn neighbour_dates_ported() -> bool {
    threads::DATES_PORTED
}

/// Adds the neighbour passes to `_core._stages`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NeighbourPage>()?;
    m.add_function(wrap_pyfunction!(neighbour_dates_ported, m)?)?;
    Ok(())
}
