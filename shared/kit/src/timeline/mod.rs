//! A timeline recorder: who ran when, drawn as a Gantt chart.
//!
//! Tasks mark when they start, when they wait and when they end. This
//! module records; [`ascii`] draws the chart for the terminal and [`svg`]
//! for the book. Times come from `tokio::time::Instant`, so the recorder works under
//! the paused clock (virtual time: the chart is exact and deterministic) and
//! under the real clock alike.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! use std::time::Duration;
//! use kit::Timeline;
//!
//! let tl = Timeline::new();
//! let a = tl.track("fetch A", tokio::time::sleep(Duration::from_millis(300)));
//! let b = tl.track("fetch B", tokio::time::sleep(Duration::from_millis(200)));
//! tokio::join!(a, b);
//! assert_eq!(tl.spans()[0].end, Some(Duration::from_millis(300)));
//! println!("{}", tl.render_ascii());
//! # }
//! ```

use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::Instant;

mod ascii;
mod svg;

/// One task's row: when it started, waited and ended, relative to the
/// timeline's origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The task's name, as given to [`Timeline::start`].
    pub name: String,
    /// When it started.
    pub start: Duration,
    /// When it ended; `None` while it is still running.
    pub end: Option<Duration>,
    /// True when the task was dropped (cancelled) before it ended.
    pub cancelled: bool,
    /// Intervals in which the task said it was waiting.
    pub waits: Vec<(Duration, Option<Duration>)>,
}

#[derive(Debug)]
struct Inner {
    origin: Instant,
    spans: Vec<Span>,
}

/// A shared, cloneable recorder of task spans.
#[derive(Debug, Clone)]
pub struct Timeline {
    inner: Arc<Mutex<Inner>>,
}

impl Default for Timeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Timeline {
    /// Starts a timeline whose origin (time zero) is now.
    pub fn new() -> Self {
        Self {
            inner: Arc::new(Mutex::new(Inner {
                origin: Instant::now(),
                spans: Vec::new(),
            })),
        }
    }

    // Nobody holds this lock across an await or a panic-prone call, but a
    // panicking test elsewhere must not make the chart unreadable.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Time since the timeline's origin.
    pub fn now(&self) -> Duration {
        self.lock().origin.elapsed()
    }

    /// Marks `name` as started now and returns its handle. Call
    /// [`TaskMark::end`] when it finishes; dropping the handle first records
    /// the task as cancelled.
    pub fn start(&self, name: impl Into<String>) -> TaskMark {
        let mut inner = self.lock();
        let start = inner.origin.elapsed();
        inner.spans.push(Span {
            name: name.into(),
            start,
            end: None,
            cancelled: false,
            waits: Vec::new(),
        });
        TaskMark {
            timeline: self.clone(),
            index: inner.spans.len() - 1,
            ended: false,
        }
    }

    /// Wraps a future so that its span starts when it is first polled and
    /// ends when it completes (or is recorded as cancelled if it is dropped
    /// first). Creating the wrapper records nothing: futures are lazy.
    pub async fn track<F: Future>(&self, name: impl Into<String>, fut: F) -> F::Output {
        let mark = self.start(name);
        let out = fut.await;
        mark.end();
        out
    }

    /// A copy of every span recorded so far, in the order tasks started.
    pub fn spans(&self) -> Vec<Span> {
        self.lock().spans.clone()
    }

    /// The span named `name`, if one was recorded.
    pub fn span(&self, name: &str) -> Option<Span> {
        self.lock().spans.iter().find(|s| s.name == name).cloned()
    }

    /// When the last span ended (or now, if one is still running).
    pub fn total(&self) -> Duration {
        let inner = self.lock();
        let now = inner.origin.elapsed();
        inner
            .spans
            .iter()
            .map(|s| s.end.unwrap_or(now))
            .max()
            .unwrap_or_default()
    }

    /// Renders the chart for a terminal: one row per task, `█` while it
    /// runs, `░` while it waits, `✗` where it was cancelled.
    pub fn render_ascii(&self) -> String {
        ascii::render(&self.spans(), self.total())
    }

    /// Renders the chart as a standalone SVG for the book. The output
    /// depends only on the recorded spans, so a paused-clock run always
    /// produces the same bytes (the book's pictures are checked against it).
    pub fn render_svg(&self) -> String {
        svg::render(&self.spans(), self.total())
    }
}

/// A running task's handle on the timeline.
#[derive(Debug)]
pub struct TaskMark {
    timeline: Timeline,
    index: usize,
    ended: bool,
}

impl TaskMark {
    /// Marks the start of a wait (the task is parked on I/O or a timer).
    pub fn wait_start(&self) {
        let mut inner = self.timeline.lock();
        let now = inner.origin.elapsed();
        inner.spans[self.index].waits.push((now, None));
    }

    /// Marks the end of the current wait.
    pub fn wait_end(&self) {
        let mut inner = self.timeline.lock();
        let now = inner.origin.elapsed();
        if let Some(wait) = inner.spans[self.index].waits.last_mut() {
            wait.1.get_or_insert(now);
        }
    }

    /// Awaits `fut`, recording the time as a wait.
    pub async fn wait<F: Future>(&self, fut: F) -> F::Output {
        self.wait_start();
        let out = fut.await;
        self.wait_end();
        out
    }

    /// Marks the task as finished now.
    pub fn end(mut self) {
        self.finish(false);
    }

    fn finish(&mut self, cancelled: bool) {
        self.ended = true;
        let mut inner = self.timeline.lock();
        let now = inner.origin.elapsed();
        let span = &mut inner.spans[self.index];
        span.end = Some(now);
        span.cancelled = cancelled;
        for wait in &mut span.waits {
            wait.1.get_or_insert(now);
        }
    }
}

impl Drop for TaskMark {
    // Dropped before `end`: the future holding this mark was cancelled.
    fn drop(&mut self) {
        if !self.ended {
            self.finish(true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timing::ms;
    use tokio::time::sleep;

    #[tokio::test(start_paused = true)]
    async fn records_exact_spans_on_the_paused_clock() {
        let tl = Timeline::new();
        tokio::join!(tl.track("A", sleep(ms(300))), tl.track("B", sleep(ms(600))),);
        let spans = tl.spans();
        assert_eq!(spans[0].start, ms(0));
        assert_eq!(spans[0].end, Some(ms(300)));
        assert_eq!(spans[1].end, Some(ms(600)));
        assert_eq!(tl.total(), ms(600));
    }

    #[tokio::test(start_paused = true)]
    async fn a_dropped_task_is_recorded_as_cancelled() {
        let tl = Timeline::new();
        let slow = tl.track("slow", sleep(ms(1000)));
        let _ = tokio::time::timeout(ms(200), slow).await;
        let span = tl.span("slow").unwrap();
        assert!(span.cancelled);
        assert_eq!(span.end, Some(ms(200)));
        assert!(tl.render_ascii().contains("(cancelled)"));
    }

    #[tokio::test(start_paused = true)]
    async fn waits_are_drawn_lighter() {
        let tl = Timeline::new();
        let mark = tl.start("worker");
        sleep(ms(100)).await;
        mark.wait(sleep(ms(100))).await;
        mark.end();
        let span = tl.span("worker").unwrap();
        assert_eq!(span.waits, vec![(ms(100), Some(ms(200)))]);
        let chart = tl.render_ascii();
        assert!(chart.contains('█') && chart.contains('░'), "{chart}");
    }

    #[tokio::test]
    async fn works_on_the_real_clock() {
        let tl = Timeline::new();
        tl.track("real", sleep(ms(5))).await;
        assert!(tl.span("real").unwrap().end.unwrap() >= ms(5));
    }
}
