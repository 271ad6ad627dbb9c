//! Ctrl-C during a call: the work runs on a thread of its own while the calling thread, without
//! the GIL, asks Python for pending signals every [`POLL`]. A signal handler that raises
//! (SIGINT's `KeyboardInterrupt`) tells the work to stop and is raised at once; the work
//! notices at its next check (between articles, between the pipeline's stages) and ends
//! unseen. Signals reach only the main thread, so a call from another thread cannot be
//! interrupted, as with any Python code.

use pyo3::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// How long Ctrl-C may wait to be seen: short to a person, rare to the processor.
const POLL: Duration = Duration::from_millis(50);

/// Whether the work should stop, shared with it.
#[derive(Clone, Default)]
pub(crate) struct Stop(Arc<AtomicBool>);

impl Stop {
    pub fn asked(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Runs `work` with the GIL released, raising what a signal handler raises (KeyboardInterrupt)
/// as soon as it does. A panic in `work` is resumed here (a Python exception, as before).
pub(crate) fn run<R: Send + 'static>(
    py: Python<'_>,
    work: impl FnOnce(&Stop) -> R + Send + 'static,
) -> PyResult<R> {
    let stop = Stop::default();
    let (done, result) = channel();
    let flag = stop.clone();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&flag)));
        let _ = done.send(outcome); // the caller is gone when it was interrupted
    });
    let outcome = py.detach(move || loop {
        match result.recv_timeout(POLL) {
            Ok(outcome) => return Ok(outcome),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = Python::attach(|py| py.check_signals()) {
                    stop.0.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
            Err(RecvTimeoutError::Disconnected) => unreachable!("the work sends before it ends"),
        }
    })?;
    Ok(outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
}
