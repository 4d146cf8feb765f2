//! What a benchmark run found, and the tables it prints.

use comfy_table::{Table, presets::ASCII_MARKDOWN};
use serde::{Deserialize, Serialize};

use crate::machine::{Machine, describe_load};
use crate::stats::Samples;

/// Which side of the comparison a figure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    Rust,
    Python,
}

/// What a figure counts; a smaller number is better for all but `PerSecond`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Seconds,
    Bytes,
    PerSecond,
    /// A ratio: how many times slower the other side is.
    Times,
}

impl Unit {
    /// A value in this unit, short and readable: `0.105 s`, `412 B`,
    /// `1.2 KiB`, `31.4 M/s`.
    pub fn format(self, value: f64) -> String {
        if value.is_nan() {
            return "-".to_owned();
        }
        match self {
            Unit::Seconds if value < 0.01 => format!("{:.2} ms", value * 1e3),
            Unit::Seconds if value < 10.0 => format!("{value:.3} s"),
            Unit::Seconds => format!("{value:.1} s"),
            Unit::Bytes if value < 10_000.0 => format!("{value:.0} B"),
            Unit::Bytes if value < 10e6 => format!("{:.1} KiB", value / 1024.0),
            Unit::Bytes => format!("{:.1} MiB", value / 1024.0 / 1024.0),
            Unit::PerSecond if value < 1e6 => format!("{:.0} k/s", value / 1e3),
            Unit::PerSecond => format!("{:.1} M/s", value / 1e6),
            Unit::Times => format!("{value:.1}×"),
        }
    }
}

/// One contender's runs in one group, e.g. "rust async unlimited (h2c)" in
/// "fan-out, N = 10,000".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Measurement {
    pub group: String,
    pub contender: String,
    pub lang: Lang,
    pub unit: Unit,
    pub samples: Samples,
    /// The workload's size, for the chart: requests, tasks, bytes...
    pub n: Option<usize>,
    /// The physical limit: nothing can beat it.
    pub ideal: Option<f64>,
    /// What the Python tutorials quote for this row, if anything.
    pub tutorials_say: Option<String>,
}

/// `slow ÷ fast`, run by run in the same round (see
/// [`crate::stats::pairwise_ratios`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ratio {
    pub group: String,
    pub label: String,
    pub samples: Samples,
}

/// A target for this kind of machine and whether the runs met it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Target {
    pub what: String,
    pub unit: Unit,
    pub bound: Bound,
    pub samples: Samples,
}

/// The side of the limit a target's median must be on.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum Bound {
    AtMost(f64),
    AtLeast(f64),
}

impl Target {
    /// Did the median meet the bound?
    pub fn met(&self) -> bool {
        let median = self.samples.median();
        match self.bound {
            Bound::AtMost(limit) => median <= limit,
            Bound::AtLeast(limit) => median >= limit,
        }
    }

    fn limit_text(&self) -> String {
        match self.bound {
            Bound::AtMost(v) => format!("≤ {}", self.unit.format(v)),
            Bound::AtLeast(v) => format!("≥ {}", self.unit.format(v)),
        }
    }
}

/// Everything one run of the program found.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub machine: Machine,
    pub measurements: Vec<Measurement>,
    pub ratios: Vec<Ratio>,
    pub targets: Vec<Target>,
    /// Why something was skipped or how to read a figure.
    pub notes: Vec<String>,
    /// The load average when each group's runs ended, by group title.
    #[serde(default)]
    pub loads: Vec<(String, [f64; 3])>,
}

impl Report {
    pub fn new(machine: Machine) -> Report {
        Report {
            machine,
            measurements: Vec::new(),
            ratios: Vec::new(),
            targets: Vec::new(),
            notes: Vec::new(),
            loads: Vec::new(),
        }
    }

    /// The groups in the order they were first measured.
    pub fn groups(&self) -> Vec<&str> {
        let mut groups: Vec<&str> = Vec::new();
        for m in &self.measurements {
            if !groups.contains(&m.group.as_str()) {
                groups.push(&m.group);
            }
        }
        groups
    }
}

// ANCHOR: table
/// The report as Markdown tables: one per group (median, min, max, the
/// ideal, the Python tutorials' figure), then the ratios and the targets.
pub fn render(report: &Report) -> String {
    let mut out = format!("{}\n", report.machine.describe());
    for group in report.groups() {
        let mut table = new_table(&[
            "contender",
            "median",
            "min",
            "max",
            "ideal",
            "Python tutorials say",
        ]);
        for m in report.measurements.iter().filter(|m| m.group == group) {
            let s = &m.samples;
            table.add_row(vec![
                m.contender.clone(),
                m.unit.format(s.median()),
                m.unit.format(s.min()),
                m.unit.format(s.max()),
                m.ideal.map_or("-".into(), |v| m.unit.format(v)),
                m.tutorials_say.clone().unwrap_or_else(|| "-".into()),
            ]);
        }
        out += &format!("\n### {group}\n\n{table}\n");
        if let Some((_, load)) = report.loads.iter().find(|l| l.0 == group) {
            let cores = report.machine.cores;
            out += &format!(
                "\nload average as these runs ended: {}\n",
                describe_load(Some(*load), cores)
            );
        }
    }
    out += &render_ratios(report);
    out += &render_targets(report);
    for note in &report.notes {
        out += &format!("\nnote: {note}");
    }
    out
}
// ANCHOR_END: table

fn render_ratios(report: &Report) -> String {
    if report.ratios.is_empty() {
        return String::new();
    }
    let mut table =
        new_table(&["group", "ratio (same round)", "median", "min", "max"]);
    for r in &report.ratios {
        let s = &r.samples;
        let x = |v: f64| Unit::Times.format(v);
        table.add_row(vec![
            r.group.clone(),
            r.label.clone(),
            x(s.median()),
            x(s.min()),
            x(s.max()),
        ]);
    }
    format!("\n### ratios, run by run\n\n{table}\n")
}

fn render_targets(report: &Report) -> String {
    if report.targets.is_empty() {
        return String::new();
    }
    let mut table = new_table(&["target", "limit", "median", "range", "met"]);
    for t in &report.targets {
        let s = &t.samples;
        let value = |v: f64| t.unit.format(v);
        table.add_row(vec![
            t.what.clone(),
            t.limit_text(),
            value(s.median()),
            format!("{} .. {}", value(s.min()), value(s.max())),
            if t.met() { "yes" } else { "NO" }.to_owned(),
        ]);
    }
    format!("\n### targets (2-core machine)\n\n{table}\n")
}

fn new_table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(ASCII_MARKDOWN)
        .set_header(header.to_vec());
    table
}
