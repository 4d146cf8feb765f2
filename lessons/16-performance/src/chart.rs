//! The fan-out picture for the book: seconds against N, log-log, one line
//! per contender, drawn with plotters into an SVG string.

use plotters::prelude::*;

use crate::report::{Lang, Report};

/// One line of the chart: a contender's median seconds at each N.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub lang: Lang,
    pub points: Vec<(usize, f64)>,
}

/// The fan-out lines of a report: every contender of the groups whose name
/// starts with `prefix`, at each N it ran.
pub fn series(report: &Report, prefix: &str) -> Vec<Series> {
    let mut out: Vec<Series> = Vec::new();
    for m in &report.measurements {
        let Some(n) = m.n else { continue };
        if !m.group.starts_with(prefix) || m.samples.is_empty() {
            continue;
        }
        let point = (n, m.samples.median());
        match out.iter_mut().find(|s| s.name == m.contender) {
            Some(line) => line.points.push(point),
            None => out.push(Series {
                name: m.contender.clone(),
                lang: m.lang,
                points: vec![point],
            }),
        }
    }
    out
}

// ANCHOR: chart
/// Draws the lines into an SVG document: x is N, y is seconds, both on a
/// log scale so that 10 and 10,000 requests fit on one page.
pub fn render_svg(title: &str, lines: &[Series]) -> anyhow::Result<String> {
    let points = lines.iter().flat_map(|l| &l.points);
    let (mut x_max, mut y_min, mut y_max) = (10.0_f64, 0.01_f64, 1.0_f64);
    for &(n, secs) in points {
        x_max = x_max.max(n as f64);
        y_min = y_min.min(secs);
        y_max = y_max.max(secs);
    }
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (960, 480)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(
                // Empty room right of the largest N, for the legend.
                (5.0..x_max * 1_000.0).log_scale(),
                (y_min / 2.0..y_max * 2.0).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("requests (N)")
            .y_desc("seconds")
            .draw()?;
        for (i, line) in lines.iter().enumerate() {
            let colour = Palette99::pick(i).to_rgba();
            // Python dashed-looking (thin), Rust thick: told apart in grey.
            let width = if line.lang == Lang::Rust { 3 } else { 1 };
            let style = colour.stroke_width(width);
            let data = line.points.iter().map(|&(n, s)| (n as f64, s));
            chart
                .draw_series(LineSeries::new(data.clone(), style))?
                .label(line.name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 16, y)], style)
                });
            chart.draw_series(
                data.map(|p| Circle::new(p, 3, colour.filled())),
            )?;
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .position(SeriesLabelPosition::UpperRight)
            .draw()?;
        root.present()?;
    }
    Ok(svg)
}
// ANCHOR_END: chart
