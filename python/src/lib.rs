//! The Python binding: `import lede`, then `lede.annotate(text, date=None)` and
//! `lede.annotate_many(texts, dates=None, threads=None)`. Offsets are code points, so
//! `text[start:end]` in Python is exact. The stubs are in `lede.pyi` beside pyproject.toml.
//!
//! Each call reads its Python arguments into owned [`input::Article`]s, annotates them with the
//! GIL released (other Python threads run meanwhile), then builds the dicts under the GIL.

mod input;
mod output;
mod pool;

use pyo3::prelude::*;

#[pymodule(name = "lede")]
mod lede_module {
    use super::{input, output, pool};
    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }

    /// The longest text annotated, in bytes of UTF-8 (16 MiB).
    #[pymodule_export]
    const MAX_TEXT_BYTES: usize = lede::MAX_TEXT_BYTES;

    /// Annotates one article: a dict with date, paragraphs, sentences, entities, clusters,
    /// quotes (and warnings when there are any). Offsets are code points: text[start:end].
    /// `date` (YYYY-MM-DD) resolves relative dates when the text has no `date` marker.
    #[pyfunction]
    #[pyo3(signature = (text, date=None))]
    fn annotate<'py>(
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let article = input::Article::read(text, date, None)?;
        let annotation = py.detach(|| output::annotate(&article));
        output::to_python(py, &annotation)
    }

    /// Annotates many articles on `threads` threads (default: every core) with the GIL
    /// released; one dict per text, in order. `dates`: None, or one date (or None) per text.
    #[pyfunction]
    #[pyo3(signature = (texts, dates=None, threads=None))]
    fn annotate_many<'py>(
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let articles = input::read_many(texts, dates)?;
        let threads = input::thread_count(threads)?;
        let annotations = py.detach(|| pool::map_ordered(&articles, threads, output::annotate))?;
        annotations
            .iter()
            .map(|a| output::to_python(py, a))
            .collect()
    }
}
