//! Ctrl-C (SIGINT): exit with status 130 without cutting a record in two. Writers put each
//! record's write (and flush) inside [`whole`]; the handler takes the same lock, so it waits
//! for a record being written, then exits: the output ends with the last whole record.

use std::sync::Mutex;

static WRITING: Mutex<()> = Mutex::new(());

/// Installs the handler (once, at start).
pub fn install() {
    let handler = || {
        // A writer that panicked holding the lock left nothing half written that matters now.
        let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        eprintln!("lede: interrupted");
        std::process::exit(130);
    };
    if let Err(e) = ctrlc::set_handler(handler) {
        eprintln!("lede: cannot handle Ctrl-C ({e}); it will stop lede at once");
    }
}

/// Runs `write` (one whole record, written and flushed) so that Ctrl-C waits for its end.
pub fn whole<R>(write: impl FnOnce() -> R) -> R {
    let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    write()
}
