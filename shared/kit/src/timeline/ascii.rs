//! The terminal chart: one row per task, `█` while it runs, `░` while it
//! waits, `✗` where it was cancelled, on a fixed number of columns.

use std::fmt::Write as _;
use std::time::Duration;

use super::Span;
use crate::timing::fmt_duration;

/// How many character columns the bars span.
pub(super) const ASCII_COLUMNS: usize = 42;

pub(super) fn render(spans: &[Span], total: Duration) -> String {
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
    for span in spans {
        let end = span.end.unwrap_or(total);
        let mut bar = String::with_capacity(ASCII_COLUMNS * 3);
        // A cancelled span ends in ✗ on its last drawn column (a span
        // that ends just before a column's midpoint does not cover it).
        let last_col = (0..ASCII_COLUMNS).rev().find(|&col| {
            let (lo, hi) = column_bounds(col, total);
            overlaps(span.start, end, lo, hi)
        });
        for col in 0..ASCII_COLUMNS {
            let (lo, hi) = column_bounds(col, total);
            let covered = overlaps(span.start, end, lo, hi);
            let waiting = span
                .waits
                .iter()
                .any(|&(ws, we)| overlaps(ws, we.unwrap_or(end), lo, hi) && ws < hi);
            let last = Some(col) == last_col;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timeline;
    use crate::timing::ms;
    use tokio::time::sleep;

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
    async fn a_cancelled_span_always_ends_in_a_cross() {
        // 504 ms on a 1 s chart ends just before a column's midpoint.
        let tl = Timeline::new();
        let cut = tl.track("cut", sleep(ms(5000)));
        tokio::join!(
            async {
                let _ = tokio::time::timeout(ms(504), cut).await;
            },
            tl.track("full", sleep(ms(1000))),
        );
        let chart = tl.render_ascii();
        let row = chart.lines().find(|l| l.starts_with("cut")).unwrap();
        assert!(row.contains("█✗ "), "{chart}");
    }
}
