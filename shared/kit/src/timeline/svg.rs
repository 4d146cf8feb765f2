//! The book's chart: a standalone SVG whose bytes depend only on the
//! spans, so a paused-clock run always draws the same picture.

use std::fmt::Write as _;
use std::time::Duration;

use super::Span;
use crate::timing::fmt_duration;

pub(super) fn render(spans: &[Span], total: Duration) -> String {
    let total = total.max(Duration::from_millis(1));
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
    use crate::Timeline;
    use crate::timing::ms;
    use tokio::time::sleep;

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
}
