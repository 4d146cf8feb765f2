//! The fan-out picture for the book: seconds against N, log-log, one line
//! per contender, drawn with plotters into an SVG string.
//!
//! One colour per approach (sequential, a thread pool, async unlimited,
//! async capped), Rust solid with filled markers, Python dashed with
//! hollow ones, and the ideal as a black line: Rust and Python tell apart
//! at a glance, in colour or in grey.

use plotters::coord::Shift;
use plotters::element::{DashedPathElement, DynElement, IntoDynElement};
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

/// The ideal of the same groups at each N: the lowest any contender has,
/// every request in flight at once (one delay).
pub fn ideal(report: &Report, prefix: &str) -> Vec<(usize, f64)> {
    let mut out: Vec<(usize, f64)> = Vec::new();
    for m in &report.measurements {
        let (Some(n), Some(ideal)) = (m.n, m.ideal) else {
            continue;
        };
        if !m.group.starts_with(prefix) {
            continue;
        }
        match out.iter_mut().find(|p| p.0 == n) {
            Some(p) => p.1 = p.1.min(ideal),
            None => out.push((n, ideal)),
        }
    }
    out
}

/// How a contender goes about N requests: one colour each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Approach {
    Sequential,
    ThreadPool,
    Unlimited,
    Capped,
}

impl Approach {
    /// The approach a contender's name (as the report saves it) states.
    pub fn of(name: &str) -> Approach {
        if name.contains("sequential") {
            Approach::Sequential
        } else if name.contains("threads") {
            Approach::ThreadPool
        } else if name.contains("in flight") {
            Approach::Capped
        } else {
            Approach::Unlimited
        }
    }

    /// Okabe and Ito's colours, told apart with any colour vision.
    fn colour(self) -> RGBColor {
        match self {
            Approach::Sequential => RGBColor(0xD5, 0x5E, 0x00),
            Approach::ThreadPool => RGBColor(0xE6, 0x9F, 0x00),
            Approach::Unlimited => RGBColor(0x00, 0x72, 0xB2),
            Approach::Capped => RGBColor(0x00, 0x9E, 0x73),
        }
    }
}

/// How one line is drawn: its colour, dashes and marker.
#[derive(Debug, Clone, Copy)]
struct Look {
    colour: RGBColor,
    dashed: bool,
    /// Which marker: lines of one approach and language differ by it.
    shape: usize,
}

impl Look {
    fn line(&self) -> ShapeStyle {
        self.colour.stroke_width(2)
    }

    /// Rust's markers filled, Python's hollow.
    fn marker<DB: DrawingBackend, C: Clone + 'static>(
        &self,
        at: C,
    ) -> DynElement<'static, DB, C> {
        let style = match self.dashed {
            false => self.colour.filled(),
            true => self.colour.stroke_width(2),
        };
        match self.shape % 3 {
            0 => Circle::new(at, 4, style).into_dyn(),
            1 => TriangleMarker::new(at, 5, style).into_dyn(),
            _ => Cross::new(at, 4, self.colour.stroke_width(2)).into_dyn(),
        }
    }
}

/// Each line's look, and the order of the legend: by approach, Rust first.
fn looks(lines: &[Series]) -> (Vec<Look>, Vec<usize>) {
    let key = |s: &Series| (Approach::of(&s.name), s.lang == Lang::Python);
    let looks = lines
        .iter()
        .enumerate()
        .map(|(i, s)| Look {
            colour: Approach::of(&s.name).colour(),
            dashed: s.lang == Lang::Python,
            shape: lines[..i].iter().filter(|t| key(t) == key(s)).count(),
        })
        .collect();
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| key(&lines[i]));
    (looks, order)
}

const SIZE: (u32, u32) = (900, 460);
/// The width of the plot; the legend has the rest.
const PLOT_WIDTH: u32 = 580;

// ANCHOR: chart
/// Draws the lines and the ideal into an SVG document: x is N, y is
/// seconds, both on a log scale so that 10 and 10,000 requests fit on one
/// page; the legend goes to the right of the plot.
pub fn render_svg(
    title: &str,
    lines: &[Series],
    ideal: &[(usize, f64)],
) -> anyhow::Result<String> {
    let (looks, order) = looks(lines);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE)?;
        let (plot, legend) = root.split_horizontally(PLOT_WIDTH);
        draw_plot(&plot, title, lines, &looks, ideal)?;
        draw_legend(&legend, lines, &looks, &order)?;
        root.present()?;
    }
    Ok(svg)
}
// ANCHOR_END: chart

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn draw_plot(
    area: &Area<'_>,
    title: &str,
    lines: &[Series],
    looks: &[Look],
    ideal: &[(usize, f64)],
) -> anyhow::Result<()> {
    let (x, y) = ranges(lines, ideal);
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(x.log_scale(), y.log_scale())?;
    chart
        .configure_mesh()
        .x_desc("requests (N)")
        .y_desc("seconds")
        .x_label_formatter(&|&n| count_label(n))
        .y_label_formatter(&|&s| seconds_label(s))
        .y_labels(12)
        .label_style(("sans-serif", 14))
        .bold_line_style(BLACK.mix(0.12))
        .light_line_style(BLACK.mix(0.04))
        .draw()?;
    let at = |p: &[(usize, f64)]| -> Vec<(f64, f64)> {
        p.iter().map(|&(n, s)| (n as f64, s)).collect()
    };
    chart.draw_series(LineSeries::new(at(ideal), BLACK.stroke_width(1)))?;
    for (line, look) in lines.iter().zip(looks) {
        let points = at(&line.points);
        if look.dashed {
            let dashes =
                DashedLineSeries::new(points.clone(), 7, 5, look.line());
            chart.draw_series(dashes)?;
        } else {
            chart.draw_series(LineSeries::new(points.clone(), look.line()))?;
        }
        chart.draw_series(points.into_iter().map(|p| look.marker(p)))?;
    }
    Ok(())
}

/// The axes' ranges: the data's, with a little room around the points.
fn ranges(
    lines: &[Series],
    ideal: &[(usize, f64)],
) -> (std::ops::Range<f64>, std::ops::Range<f64>) {
    let points = lines.iter().flat_map(|l| &l.points).chain(ideal);
    let (mut x0, mut x1) = (f64::INFINITY, 0.0_f64);
    let (mut y0, mut y1) = (f64::INFINITY, 0.0_f64);
    for &(n, secs) in points {
        (x0, x1) = (x0.min(n as f64), x1.max(n as f64));
        (y0, y1) = (y0.min(secs), y1.max(secs));
    }
    if x1 == 0.0 {
        (x0, x1, y0, y1) = (10.0, 100.0, 0.1, 1.0); // nothing ran
    }
    (x0 / 1.2..x1 * 1.2, y0 / 1.4..y1 * 1.4)
}

/// `10`, `100`, `1,000`, `10,000` at the powers of ten, nothing between.
pub fn count_label(n: f64) -> String {
    let power = n.log10().round();
    if (n.log10() - power).abs() > 1e-6 || power < 0.0 {
        return String::new();
    }
    let digits = format!("{}", 10_u64.pow(power as u32));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Seconds with as many decimals as the first digit needs: `0.05`, `0.2`,
/// `3`, `20`.
fn seconds_label(secs: f64) -> String {
    let decimals = (-secs.log10().floor()).max(0.0) as usize;
    format!("{secs:.decimals$}")
}

fn draw_legend(
    area: &Area<'_>,
    lines: &[Series],
    looks: &[Look],
    order: &[usize],
) -> anyhow::Result<()> {
    let text = ("sans-serif", 13).into_font().color(&BLACK);
    let row = |i: usize| 52 + 22 * i as i32;
    let note = "Rust solid, Python dashed";
    area.draw(&Text::new(note, (8, row(0) - 30), text.clone()))?;
    let ideal = [(8, row(0)), (40, row(0))];
    area.draw(&PathElement::new(ideal, BLACK.stroke_width(1)))?;
    let label = "ideal: every request at once";
    area.draw(&Text::new(label, (50, row(0) - 7), text.clone()))?;
    for (k, &i) in order.iter().enumerate() {
        let (look, y) = (looks[i], row(k + 1));
        let stroke = [(8, y), (40, y)];
        if look.dashed {
            let dashes = DashedPathElement::new(stroke, 7, 5, look.line());
            area.draw(&dashes)?;
        } else {
            area.draw(&PathElement::new(stroke, look.line()))?;
        }
        area.draw(&look.marker((24, y)))?;
        let name = lines[i].name.as_str();
        area.draw(&Text::new(name, (50, y - 7), text.clone()))?;
    }
    Ok(())
}
