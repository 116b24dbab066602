//! A progress line on standard error for long runs ("loading 1200/10000
//! documents…"), redrawn every 100 ms once a run has lasted a second, and
//! cleared at the end.
//!
//! The stages that go document by document count them in [`PROGRESS`], one
//! atomic add a document, whether anyone looks or not. Only the command
//! line draws the line, through a [`Meter`], and only when standard error is
//! a terminal: pipes, files and tests never see it.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How far the run is: the stage, and how many of its documents are done.
#[derive(Debug)]
pub struct Progress {
    stage: Mutex<&'static str>,
    done: AtomicUsize,
    total: AtomicUsize,
}

/// The run's progress, which the stages update.
pub static PROGRESS: Progress = Progress::new();

impl Progress {
    pub const fn new() -> Progress {
        Progress { stage: Mutex::new(""), done: AtomicUsize::new(0), total: AtomicUsize::new(0) }
    }

    /// A new stage of `total` documents; 0 for a stage that is not counted.
    pub fn stage(&self, name: &'static str, total: usize) {
        *self.stage.lock().unwrap_or_else(PoisonError::into_inner) = name;
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
    }

    /// One more document done.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// The line to show, or none before the first stage.
    fn line(&self) -> Option<String> {
        let stage = *self.stage.lock().unwrap_or_else(PoisonError::into_inner);
        let (done, total) = (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed));
        match (stage, total) {
            ("", _) => None,
            (stage, 0) => Some(format!("{stage}…")),
            (stage, total) => Some(format!("{stage} {}/{total} documents…", done.min(total))),
        }
    }
}

impl Default for Progress {
    fn default() -> Progress {
        Progress::new()
    }
}

/// [`PROGRESS`] starts a stage.
pub fn stage(name: &'static str, total: usize) {
    PROGRESS.stage(name, total);
}

/// [`PROGRESS`] counts one more document.
pub fn tick() {
    PROGRESS.tick();
}

/// Draws a progress line while it lives; dropping it stops the drawing and
/// clears the line.
#[derive(Debug)]
pub struct Meter {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Meter {
    /// Draws [`PROGRESS`] on standard error after a second, if standard
    /// error is a terminal; does nothing otherwise.
    pub fn start() -> Meter {
        if !std::io::stderr().is_terminal() {
            return Meter { stop: Arc::default(), thread: None };
        }
        Meter::draw(&PROGRESS, Box::new(std::io::stderr()), Duration::from_secs(1), Duration::from_millis(100))
    }

    /// Draws `progress` on `out` every `every`, from `after` on.
    fn draw(progress: &'static Progress, out: Box<dyn Write + Send>, after: Duration, every: Duration) -> Meter {
        let stop: Arc<(Mutex<bool>, Condvar)> = Arc::default();
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("progress".into())
            .spawn(move || redraw(progress, out, &stopped, after, every))
            .ok();
        Meter { stop, thread }
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        let (lock, wake) = &*self.stop;
        *lock.lock().unwrap_or_else(PoisonError::into_inner) = true;
        wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The drawing thread: waits `after` (or the stop), then redraws the line
/// every `every` until stopped, and clears it if it drew anything.
fn redraw(
    progress: &Progress,
    mut out: Box<dyn Write + Send>,
    stop: &(Mutex<bool>, Condvar),
    after: Duration,
    every: Duration,
) {
    let (lock, wake) = stop;
    let stopped = lock.lock().unwrap_or_else(PoisonError::into_inner);
    let (mut stopped, _) = wake.wait_timeout_while(stopped, after, |s| !*s).unwrap_or_else(PoisonError::into_inner);
    let mut drawn = false;
    while !*stopped {
        if let Some(line) = progress.line() {
            // `\x1b[K` clears what a longer line left on the right.
            let _ = write!(out, "\r{line}\x1b[K");
            let _ = out.flush();
            drawn = true;
        }
        stopped = wake.wait_timeout_while(stopped, every, |s| !*s).unwrap_or_else(PoisonError::into_inner).0;
    }
    if drawn {
        let _ = write!(out, "\r\x1b[K");
        let _ = out.flush();
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    /// A writer whose bytes the test can read afterwards.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_line_names_the_stage_and_counts_its_documents() {
        let progress = Progress::new();
        assert_eq!(progress.line(), None);
        progress.stage("loading", 10_000);
        (0..1200).for_each(|_| progress.tick());
        assert_eq!(progress.line().as_deref(), Some("loading 1200/10000 documents…"));
        progress.stage("judging the claims", 0);
        assert_eq!(progress.line().as_deref(), Some("judging the claims…"));
    }

    #[test]
    fn the_meter_redraws_then_clears_its_line() {
        static PROGRESS: Progress = Progress::new();
        PROGRESS.stage("loading", 3);
        PROGRESS.tick();
        let out = Shared::default();
        let meter = Meter::draw(&PROGRESS, Box::new(out.clone()), Duration::ZERO, Duration::from_millis(5));
        std::thread::sleep(Duration::from_millis(50));
        drop(meter);
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        assert!(text.starts_with("\rloading 1/3 documents…\x1b[K"), "{text:?}");
        assert!(text.ends_with("…\x1b[K\r\x1b[K"), "{text:?}");
    }

    /// A run shorter than the delay draws nothing, and stopping does not
    /// wait for the delay.
    #[test]
    fn a_short_run_draws_nothing() {
        static PROGRESS: Progress = Progress::new();
        PROGRESS.stage("loading", 3);
        let out = Shared::default();
        let started = Instant::now();
        drop(Meter::draw(&PROGRESS, Box::new(out.clone()), Duration::from_secs(30), Duration::from_millis(5)));
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(out.0.lock().unwrap().is_empty());
    }
}
