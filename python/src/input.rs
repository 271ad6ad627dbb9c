//! Python arguments → owned articles, checked: a text that is neither a `str` nor `bytes` is a
//! `TypeError`; binary data or a text over `lede::MAX_TEXT_BYTES` a `ValueError`, each naming
//! the argument (`texts[3]`). `bytes` are decoded by `lede::decode` (UTF-8, UTF-16 with a
//! byte-order mark, Windows-1252), with a warning for every decoding but plain UTF-8.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyInt, PyString};

/// One text to annotate, copied out of Python so it can be annotated without the GIL.
pub(crate) struct Article {
    pub text: String,
    pub options: lede::Options,
    /// Notes about the input found while reading it (lone surrogates).
    pub warnings: Vec<String>,
}

impl Article {
    /// Reads `text` and `date`; `index` is the position in `annotate_many`'s arguments, which
    /// error messages name (`texts[3]`, `dates[3]`).
    pub fn read(
        text: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        index: Option<usize>,
    ) -> PyResult<Article> {
        let (what, date_what) = match index {
            None => ("text".to_string(), "date".to_string()),
            Some(i) => (format!("texts[{i}]"), format!("dates[{i}]")),
        };
        let (text, warnings) = read_text(text, &what)?;
        // Refused as lede::try_annotate refuses, but here, as a ValueError naming the item.
        let refusal = if lede::looks_binary(&text) {
            Some(lede::Refusal::Binary)
        } else if text.len() > lede::MAX_TEXT_BYTES {
            Some(lede::Refusal::TooLarge { bytes: text.len() })
        } else {
            None
        };
        if let Some(refusal) = refusal {
            return Err(PyValueError::new_err(format!("{what}: {refusal}")));
        }
        let date = match date {
            None => None,
            Some(d) if d.is_none() => None,
            Some(d) => Some(
                d.cast::<PyString>()
                    .map_err(|_| {
                        PyTypeError::new_err(format!(
                            "{date_what} must be a 'YYYY-MM-DD' str or None, not {}",
                            type_name(d)
                        ))
                    })?
                    .to_cow()?
                    .into_owned(),
            ),
        };
        Ok(Article {
            text,
            options: lede::Options {
                date,
                ..Default::default()
            },
            warnings,
        })
    }
}

/// The text of a `str`, `bytes` or `bytearray` and the warnings of reading it (a lone
/// surrogate, an encoding other than UTF-8).
fn read_text(text: &Bound<'_, PyAny>, what: &str) -> PyResult<(String, Vec<String>)> {
    if let Ok(s) = text.cast::<PyString>() {
        return Ok(match s.to_cow() {
            Ok(t) => (t.into_owned(), Vec::new()),
            Err(_) => (
                replace_lone_surrogates(s)?,
                vec![lede::LONE_SURROGATE_WARNING.to_string()],
            ),
        });
    }
    let decoded = |bytes: &[u8]| {
        let d = lede::decode::decode(bytes);
        (d.text.into_owned(), d.warning.into_iter().collect())
    };
    if let Ok(b) = text.cast::<PyBytes>() {
        return Ok(decoded(b.as_bytes()));
    }
    if let Ok(b) = text.cast::<PyByteArray>() {
        return Ok(decoded(&b.to_vec()));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a str or bytes, not {}",
        type_name(text)
    )))
}

/// The articles of `annotate_many`: `texts` is any iterable of `str` (not a `str` itself),
/// `dates` None or an iterable of the same length.
pub(crate) fn read_many(
    texts: &Bound<'_, PyAny>,
    dates: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Article>> {
    let texts = items(texts, "texts")?;
    let dates = match dates.filter(|d| !d.is_none()) {
        None => None,
        Some(d) => Some(items(d, "dates")?),
    };
    if let Some(dates) = &dates {
        if dates.len() != texts.len() {
            return Err(PyValueError::new_err(format!(
                "dates has {} items for {} texts: give one date (or None) per text",
                dates.len(),
                texts.len()
            )));
        }
    }
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::read(t, dates.as_ref().map(|d| &d[i]), Some(i)))
        .collect()
}

/// The items of an iterable argument; a lone `str` or `bytes` is refused (it would iterate
/// characters or ints).
fn items<'py>(arg: &Bound<'py, PyAny>, name: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let refuse = || {
        PyTypeError::new_err(format!(
            "{name} must be a list (or other iterable) of str, not {}",
            type_name(arg)
        ))
    };
    if arg.is_instance_of::<PyString>() || arg.is_instance_of::<PyBytes>() {
        return Err(refuse());
    }
    arg.try_iter().map_err(|_| refuse())?.collect()
}

/// An optional per-text argument (`ids`, `outlets`): None, or one item per text.
pub(crate) fn per_text<'py>(
    arg: Option<&Bound<'py, PyAny>>,
    name: &str,
    texts: usize,
) -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
    let Some(arg) = arg.filter(|a| !a.is_none()) else {
        return Ok(None);
    };
    let values = items(arg, name)?;
    if values.len() != texts {
        return Err(PyValueError::new_err(format!(
            "{name} has {} items for {texts} texts: give one per text",
            values.len()
        )));
    }
    Ok(Some(values))
}

/// `threads`: None for every core, else an int ≥ 1.
pub(crate) fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(t) = threads.filter(|t| !t.is_none()) else {
        return Ok(std::thread::available_parallelism().map_or(1, |n| n.get()));
    };
    if !t.is_instance_of::<PyInt>() || t.is_instance_of::<pyo3::types::PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "threads must be an int or None, not {}",
            type_name(t)
        )));
    }
    match t.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(n as usize),
        _ => Err(PyValueError::new_err(format!(
            "threads must be at least 1, not {t}"
        ))),
    }
}

/// A `str` holding lone surrogates (which UTF-8 cannot carry) with each one replaced by
/// U+FFFD: one code point for one, so every offset still indexes the caller's `str`.
fn replace_lone_surrogates(text: &Bound<'_, PyString>) -> PyResult<String> {
    // UTF-32 keeps one unit per Python code point, surrogates included.
    let units = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes: &[u8] = units.extract()?;
    Ok(bytes
        .chunks_exact(4)
        .map(|u| char::from_u32(u32::from_le_bytes([u[0], u[1], u[2], u[3]])).unwrap_or('\u{FFFD}'))
        .collect())
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "an object".to_string(), |n| n.to_string())
}
