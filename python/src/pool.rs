//! A parallel map that keeps the input order, on a pool of the requested size.

use pyo3::exceptions::PyRuntimeError;
use pyo3::PyResult;
use rayon::prelude::*;

/// `f` over `items` on `threads` threads; results in the order of `items`.
pub(crate) fn map_ordered<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    if threads <= 1 || items.len() <= 1 {
        return Ok(items.iter().map(f).collect());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| {
            PyRuntimeError::new_err(format!("lede: cannot start {threads} threads: {e}"))
        })?;
    // One article per task: articles vary a lot in length, so small tasks balance the load.
    Ok(pool.install(|| items.par_iter().with_max_len(1).map(f).collect()))
}
