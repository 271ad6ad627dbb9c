//! The Python binding: `import lede`, then `lede.annotate(text, date=None)`,
//! `lede.annotate_many(texts, dates=None, threads=None)` and `lede.sources(texts, ids=None,
//! outlets=None)`. Offsets are code points, so
//! `text[start:end]` in Python is exact. The stubs are in `lede.pyi` beside pyproject.toml.
//!
//! Each call reads its Python arguments into owned [`input::Article`]s, annotates them with the
//! GIL released (other Python threads run meanwhile; Ctrl-C raises `KeyboardInterrupt` at once,
//! see [`interrupt`]), then builds the dicts under the GIL.

mod input;
mod interrupt;
mod output;
mod pool;

use pyo3::prelude::*;

#[pymodule(name = "lede")]
mod lede_module {
    use super::{input, interrupt, output, pool};
    use pyo3::prelude::*;
    use pyo3::types::PyDict;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }

    /// The longest text annotated, in bytes of UTF-8 (16 MiB).
    #[pymodule_export]
    const MAX_TEXT_BYTES: usize = lede::MAX_TEXT_BYTES;

    /// Annotates one article: a dict with date, paragraphs, sentences, entities, clusters,
    /// quotes (and warnings when there are any). Offsets are code points: text[start:end].
    /// `date` (YYYY-MM-DD) resolves relative dates when the text has no `date` marker;
    /// `attributions=True` adds the attributions that are not statements (beliefs, plans,
    /// findings, …) under "attributions".
    #[pyfunction]
    #[pyo3(signature = (text, date=None, attributions=false))]
    fn annotate<'py>(
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        attributions: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut article = input::Article::read(text, date, None)?;
        article.options.attributions = attributions;
        let annotation = interrupt::run(py, move |stop| output::annotate(&article, stop))?;
        output::to_python(py, &annotation.expect("stopped only by an interrupt"))
    }

    /// Annotates many articles on `threads` threads (default: every core) with the GIL
    /// released; one dict per text, in order. `dates`: None, or one date (or None) per text.
    #[pyfunction]
    #[pyo3(signature = (texts, dates=None, threads=None, attributions=false))]
    fn annotate_many<'py>(
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
        threads: Option<&Bound<'py, PyAny>>,
        attributions: bool,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let mut articles = input::read_many(texts, dates)?;
        for a in &mut articles {
            a.options.attributions = attributions;
        }
        let threads = input::thread_count(threads)?;
        let annotations = interrupt::run(py, move |stop| {
            pool::map_ordered(&articles, threads, |a| output::annotate(a, stop))
        })??;
        annotations
            .iter()
            .map(|a| output::to_python(py, a.as_ref().expect("stopped only by an interrupt")))
            .collect()
    }

    /// Who gets quoted: one dict per (article, source) — id, outlet, name, type, group, named,
    /// gender, gender_evidence (the strongest kind; "first name" is a guess), quotes, words —
    /// in article order, each article's in the Sources panel's order. `ids` and `outlets`: None
    /// or one per text (ids default to the text's index). `pandas.DataFrame(lede.sources(...))`
    /// loads them as they are. `first_names=False` leaves genders the article does not give
    /// unknown instead of guessing from the first name.
    #[pyfunction]
    #[pyo3(signature = (texts, ids=None, outlets=None, dates=None, threads=None, first_names=true))]
    fn sources<'py>(
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        outlets: Option<&Bound<'py, PyAny>>,
        dates: Option<&Bound<'py, PyAny>>,
        threads: Option<&Bound<'py, PyAny>>,
        first_names: bool,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let mut articles = input::read_many(texts, dates)?;
        let ids = input::per_text(ids, "ids", articles.len())?;
        let outlets = input::per_text(outlets, "outlets", articles.len())?;
        for a in &mut articles {
            a.options.first_names = first_names;
        }
        let threads = input::thread_count(threads)?;
        let annotations = interrupt::run(py, move |stop| {
            pool::map_ordered(&articles, threads, |a| output::annotate(a, stop))
        })??;
        let mut rows = Vec::new();
        for (i, a) in annotations.iter().enumerate() {
            let a = a.as_ref().expect("stopped only by an interrupt");
            for row in lede::corpus::rows(a) {
                let dict = PyDict::new(py);
                match &ids {
                    Some(ids) => dict.set_item("id", &ids[i])?,
                    None => dict.set_item("id", i)?,
                }
                match &outlets {
                    Some(outlets) => dict.set_item("outlet", &outlets[i])?,
                    None => dict.set_item("outlet", py.None())?,
                }
                dict.update(pythonize::pythonize(py, &row)?.cast::<pyo3::types::PyMapping>()?)?;
                rows.push(dict.into_any());
            }
        }
        Ok(rows)
    }
}
