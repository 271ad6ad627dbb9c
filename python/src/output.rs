//! Annotation → Python dict, built straight from the serde schema by `pythonize`. This runs
//! under the GIL, the serial part of `annotate_many`, so it had to be the cheaper way: on the
//! seed article (54 entities, 9 quotes) pythonize took 0.15–0.20 ms per Annotation against
//! 0.38–0.49 ms for serde_json + CPython's `json.loads` (0.03 ms of it serialising, which could
//! run without the GIL), against about 4 ms to annotate it.

use crate::input::Article;
use crate::interrupt::Stop;
use pyo3::prelude::*;

/// Annotates `article` unless `stop` asks to stop first (`None` then); the reader's warnings
/// (lone surrogates, encodings) come first. The reader refused what the annotator would.
pub(crate) fn annotate(article: &Article, stop: &Stop) -> Option<lede::Annotation> {
    if stop.asked() {
        return None;
    }
    let mut annotation =
        lede::try_annotate_until(&article.text, &article.options, &|| stop.asked()).ok()?;
    let read = article.warnings.iter().cloned();
    annotation.warnings.splice(0..0, read);
    Some(annotation)
}

/// The Python dict of an Annotation (lists, ints, strs and None inside).
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    annotation: &lede::Annotation,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, annotation)?)
}
