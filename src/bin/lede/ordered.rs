//! An ordered parallel map over the lines of a stream: a reader thread numbers the lines,
//! `threads` workers map them, and the calling thread receives the results in input order.
//!
//! At most `window` lines are in flight (read but not yet handed to the sink), so memory
//! follows the window, not the input, and results come out while the input is still arriving
//! (`tail -f corpus.jsonl | lede annotate --jsonl` works).

use crossbeam_channel::{bounded, unbounded};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

/// Maps `f(line_number, line)` (1-based, line without its `\n`) over every line of `input` on
/// `threads` workers and hands each result to `sink` in input order.
///
/// Returns the sink's first error at once (the threads stop by themselves: their channels
/// close); `Ok(Some(e))` when reading failed after the lines before the failure were handled.
pub fn map_lines<T, E>(
    input: Box<dyn BufRead + Send>,
    threads: usize,
    window: usize,
    f: impl Fn(usize, Vec<u8>) -> T + Send + Sync + 'static,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<Option<std::io::Error>, E>
where
    T: Send + 'static,
{
    let window = window.max(1);
    let (job_tx, job_rx) = unbounded::<(usize, Vec<u8>)>();
    let (done_tx, done_rx) = unbounded::<(usize, std::thread::Result<T>)>();
    // One credit per line in flight: the reader takes one before reading a line, the sink
    // returns it once the line's result is written. Bounds the reorder buffer too, even when
    // one slow line holds back thousands of fast ones.
    let (credit_tx, credit_rx) = bounded::<()>(window);
    for _ in 0..window {
        credit_tx
            .send(())
            .expect("the credit channel holds a window");
    }
    // Detached threads: when the sink fails (stdout closed) this returns at once, even if the
    // reader waits on a terminal; the process exit ends them.
    let reader = std::thread::spawn(move || read_lines(input, &credit_rx, &job_tx));
    let f = Arc::new(f);
    for _ in 0..threads.max(1) {
        let (jobs, done, f) = (job_rx.clone(), done_tx.clone(), Arc::clone(&f));
        std::thread::spawn(move || {
            for (n, line) in jobs {
                // A panic travels to the sink's thread in the line's place (see below).
                let result = std::panic::catch_unwind(AssertUnwindSafe(|| f(n, line)));
                if done.send((n, result)).is_err() {
                    break;
                }
            }
        });
    }
    drop((job_rx, done_tx));
    let mut pending = BTreeMap::new();
    let mut next = 1;
    // Ends when every worker has ended, that is when the reader has sent its last line.
    for (n, result) in done_rx {
        pending.insert(n, result);
        while let Some(result) = pending.remove(&next) {
            // A line whose map panicked (unwinding builds) fails the run at its place: the
            // lines after it are never silently missing, and the credits cannot run dry.
            let result = result.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            sink(result)?;
            let _ = credit_tx.send(());
            next += 1;
        }
    }
    Ok(reader.join().expect("the line reader does not panic").err())
}

/// Sends each line of `input`, numbered from 1, once a credit allows it.
fn read_lines(
    mut input: Box<dyn BufRead + Send>,
    credits: &crossbeam_channel::Receiver<()>,
    jobs: &crossbeam_channel::Sender<(usize, Vec<u8>)>,
) -> std::io::Result<()> {
    for n in 1.. {
        if credits.recv().is_err() {
            break; // the sink stopped
        }
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if jobs.send((n, line)).is_err() {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, threads: usize, window: usize) -> Vec<(usize, String)> {
        let mut got = Vec::new();
        let input: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(input.to_string()));
        let f = |n, line: Vec<u8>| {
            // Later lines finish first: the sink must still see them in order.
            std::thread::sleep(std::time::Duration::from_micros(
                ((50 - n % 50) * 20) as u64,
            ));
            (n, String::from_utf8(line).unwrap())
        };
        map_lines(input, threads, window, f, |r| {
            got.push(r);
            Ok::<(), ()>(())
        })
        .unwrap();
        got
    }

    #[test]
    fn results_come_in_input_order() {
        let input: String = (0..300).map(|i| format!("line {i}\n")).collect();
        let want: Vec<(usize, String)> = (0..300).map(|i| (i + 1, format!("line {i}"))).collect();
        for (threads, window) in [(1, 1), (2, 3), (4, 64)] {
            assert_eq!(run(&input, threads, window), want, "{threads} threads");
        }
    }

    #[test]
    fn a_last_line_without_newline_and_blank_lines_are_lines() {
        let got = run("a\n\nb", 2, 4);
        assert_eq!(got, [(1, "a".into()), (2, "".into()), (3, "b".into())]);
        assert!(run("", 2, 4).is_empty());
    }

    /// However fast the workers, no more than `window` lines are read ahead of the sink.
    #[test]
    fn at_most_a_window_of_lines_is_in_flight() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let input: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new("x\n".repeat(2000)));
        let mapped = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&mapped);
        let f = move |_, _| counter.fetch_add(1, Ordering::SeqCst);
        let (window, mut sunk, mut most) = (8, 0, 0);
        map_lines(input, 3, window, f, |_| {
            sunk += 1;
            // Slow sink: the workers would run far ahead if nothing held them back.
            std::thread::sleep(std::time::Duration::from_micros(200));
            most = most.max(mapped.load(Ordering::SeqCst) - sunk);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(sunk, 2000);
        assert!(most < window, "{most} lines mapped ahead of the sink");
    }

    #[test]
    #[should_panic(expected = "line 7")]
    fn a_worker_panic_is_not_a_short_output() {
        let input: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new("x\n".repeat(50)));
        let f = |n, _| assert_ne!(n, 7, "line 7");
        let _ = map_lines(input, 2, 4, f, |_| Ok::<(), ()>(()));
    }

    #[test]
    fn a_sink_error_stops_the_map() {
        let input: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new("x\n".repeat(1000)));
        let mut seen = 0;
        let r = map_lines(
            input,
            2,
            8,
            |n, _| n,
            |n| {
                seen += 1;
                if n == 10 {
                    Err("closed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r.unwrap_err(), "closed");
        assert_eq!(seen, 10);
    }
}
