//! A timeline recorder: who ran when, drawn as a Gantt chart.
//!
//! Tasks mark when they start, when they wait and when they end; the
//! timeline then renders an ASCII chart for the terminal and an SVG for the
//! book. Times come from `tokio::time::Instant`, so the recorder works under
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

use std::fmt::Write as _;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::Instant;

use crate::timing::fmt_duration;

/// How many character columns the ASCII chart's bars span.
const ASCII_COLUMNS: usize = 48;

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
        let spans = self.spans();
        let total = self.total();
        let label_width = spans
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let mut out = String::new();

        // Axis: time zero on the left, the total on the right.
        let end_label = fmt_duration(total);
        let _ = writeln!(
            out,
            "{:label_width$}  0{}{end_label}",
            "",
            " ".repeat(ASCII_COLUMNS.saturating_sub(1 + end_label.len()))
        );
        for span in &spans {
            let end = span.end.unwrap_or(total);
            let mut bar = String::with_capacity(ASCII_COLUMNS * 3);
            for col in 0..ASCII_COLUMNS {
                let (lo, hi) = column_bounds(col, total);
                let covered = overlaps(span.start, end, lo, hi);
                let waiting = span
                    .waits
                    .iter()
                    .any(|&(ws, we)| overlaps(ws, we.unwrap_or(end), lo, hi) && ws < hi);
                let last = covered && end <= hi;
                bar.push(match (covered, waiting, last && span.cancelled) {
                    (_, _, true) => '✗',
                    (true, true, _) => '░',
                    (true, false, _) => '█',
                    _ => ' ',
                });
            }
            let status = if span.cancelled {
                " (cancelled)"
            } else if span.end.is_none() {
                " (running)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{:label_width$}  {bar}  {} → {}{status}",
                span.name,
                fmt_duration(span.start),
                fmt_duration(end),
            );
        }
        out
    }

    /// Renders the chart as a standalone SVG for the book. The output depends
    /// only on the recorded spans, so a paused-clock run always produces the
    /// same bytes (the book's pictures are checked against it).
    pub fn render_svg(&self) -> String {
        let spans = self.spans();
        let total = self.total().max(Duration::from_millis(1));
        let label_w = 12.0
            + 7.5
                * spans
                    .iter()
                    .map(|s| s.name.chars().count())
                    .max()
                    .unwrap_or(4) as f64;
        let plot_w = 480.0;
        let row_h = 26.0;
        let top = 28.0;
        let width = label_w + plot_w + 24.0;
        let height = top + row_h * spans.len() as f64 + 12.0;
        let x_of = |d: Duration| label_w + plot_w * d.as_secs_f64() / total.as_secs_f64();

        let mut svg = String::new();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="monospace" font-size="13">"#
        );
        let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
        for (i, tick) in ticks(total).into_iter().enumerate() {
            let x = x_of(tick);
            let anchor = if i == 0 { "start" } else { "middle" };
            let _ = writeln!(
                svg,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#ddd"/><text x="{x:.1}" y="16" text-anchor="{anchor}" fill="#555">{}</text>"##,
                top - 6.0,
                height - 8.0,
                fmt_duration(tick)
            );
        }
        for (row, span) in spans.iter().enumerate() {
            let y = top + row_h * row as f64;
            let end = span.end.unwrap_or(total);
            let fill = if span.cancelled { "#e07a5f" } else { "#3d7ea6" };
            let _ = writeln!(
                svg,
                r##"<text x="6" y="{:.1}" fill="#222">{}</text>"##,
                y + 17.0,
                escape(&span.name)
            );
            let _ = writeln!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="18" rx="3" fill="{fill}"><title>{} {} → {}</title></rect>"#,
                x_of(span.start),
                y + 4.0,
                (x_of(end) - x_of(span.start)).max(1.0),
                escape(&span.name),
                fmt_duration(span.start),
                fmt_duration(end)
            );
            for &(ws, we) in &span.waits {
                let we = we.unwrap_or(end);
                let _ = writeln!(
                    svg,
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="18" fill="#a9cce3" opacity="0.9"/>"##,
                    x_of(ws),
                    y + 4.0,
                    (x_of(we) - x_of(ws)).max(1.0)
                );
            }
        }
        svg.push_str("</svg>\n");
        svg
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

fn column_bounds(col: usize, total: Duration) -> (Duration, Duration) {
    let step = total.as_secs_f64() / ASCII_COLUMNS as f64;
    (
        Duration::from_secs_f64(step * col as f64),
        Duration::from_secs_f64(step * (col + 1) as f64),
    )
}

// A span [start, end) covers a column [lo, hi) when they overlap by more than
// a hair, so a 300 ms bar on a 900 ms chart fills exactly a third.
fn overlaps(start: Duration, end: Duration, lo: Duration, hi: Duration) -> bool {
    let mid = lo + (hi - lo) / 2;
    start <= mid && end > mid
}

/// Tick marks at a round step, about five of them.
fn ticks(total: Duration) -> Vec<Duration> {
    let steps_ms = [
        1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000,
    ];
    let total_ms = total.as_millis().max(1) as u64;
    let step = steps_ms
        .into_iter()
        .find(|s| total_ms / s <= 6)
        .unwrap_or(total_ms);
    (0..=total_ms / step)
        .map(|i| Duration::from_millis(i * step))
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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
    async fn ascii_bar_lengths_are_proportional() {
        let tl = Timeline::new();
        tl.track("first", sleep(ms(300))).await;
        tl.track("second", sleep(ms(600))).await;
        let chart = tl.render_ascii();
        let lines: Vec<&str> = chart.lines().collect();
        assert_eq!(lines.len(), 3, "{chart}");
        let count = |line: &str| line.chars().filter(|&c| c == '█').count();
        assert_eq!(count(lines[1]), ASCII_COLUMNS / 3, "{chart}");
        assert_eq!(count(lines[2]), 2 * ASCII_COLUMNS / 3, "{chart}");
        assert!(lines[1].ends_with("0ms → 300ms"), "{chart}");
        assert!(lines[2].ends_with("300ms → 900ms"), "{chart}");
        assert!(lines[0].trim_end().ends_with("900ms"), "{chart}");
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

    #[tokio::test(start_paused = true)]
    async fn svg_is_deterministic_and_well_formed() {
        async fn run() -> String {
            let tl = Timeline::new();
            tokio::join!(
                tl.track("a<b", sleep(ms(200))),
                tl.track("c", sleep(ms(400)))
            );
            tl.render_svg()
        }
        let first = run().await;
        assert_eq!(first, run().await);
        assert!(first.starts_with("<svg") && first.trim_end().ends_with("</svg>"));
        assert!(first.contains("a&lt;b"));
        assert_eq!(first.matches("<rect x=").count(), 2);
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(ms(900)), [0, 200, 400, 600, 800].map(ms));
        assert_eq!(
            ticks(Duration::from_secs(6)),
            [0, 1, 2, 3, 4, 5, 6].map(|s| ms(s * 1000))
        );
    }

    #[tokio::test]
    async fn works_on_the_real_clock() {
        let tl = Timeline::new();
        tl.track("real", sleep(ms(5))).await;
        assert!(tl.span("real").unwrap().end.unwrap() >= ms(5));
    }
}
