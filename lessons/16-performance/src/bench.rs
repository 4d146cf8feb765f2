//! The benchmark runner: runs each contender of a group once per round,
//! round after round, and records the runs in the report.
//!
//! Rounds, not "all runs of A, then all runs of B": the two runs of a pair
//! are back to back, so a busy moment on the machine hits both, and the
//! ratio between them (taken round by round) stays fair.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::machine::load_average;
use crate::report::{Lang, Measurement, Ratio, Report, Unit};
use crate::stats::{Samples, pairwise_ratios};

/// One contender of a group: its name and how to run it once, giving one
/// value (seconds, bytes, or a rate, as the group's unit says).
pub struct Contender<'a> {
    pub name: String,
    pub lang: Lang,
    pub ideal: Option<f64>,
    pub tutorials_say: Option<String>,
    pub run: Box<dyn FnMut() -> anyhow::Result<f64> + 'a>,
}

impl std::fmt::Debug for Contender<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contender")
            .field("name", &self.name)
            .finish()
    }
}

impl<'a> Contender<'a> {
    pub fn new(
        name: impl Into<String>,
        lang: Lang,
        run: impl FnMut() -> anyhow::Result<f64> + 'a,
    ) -> Contender<'a> {
        Contender {
            name: name.into(),
            lang,
            ideal: None,
            tutorials_say: None,
            run: Box::new(run),
        }
    }

    pub fn ideal(mut self, value: f64) -> Self {
        self.ideal = Some(value);
        self
    }

    /// What the Python tutorials quote for this row.
    pub fn tutorials_say(mut self, quote: &str) -> Self {
        self.tutorials_say = Some(quote.to_owned());
        self
    }
}

/// A group to measure: its title, unit and size.
#[derive(Debug, Clone)]
pub struct Group {
    pub title: String,
    pub unit: Unit,
    pub n: Option<usize>,
}

/// Runs every contender once per round for `runs` rounds and adds their
/// samples to `report`. A Rust failure stops the benchmark; a Python
/// failure drops that contender with a note, and the rest go on.
pub fn measure(
    report: &mut Report,
    group: &Group,
    runs: usize,
    mut contenders: Vec<Contender<'_>>,
) -> anyhow::Result<()> {
    let bar = progress(runs * contenders.len(), &group.title);
    let mut samples = vec![Samples::default(); contenders.len()];
    let mut failed = vec![false; contenders.len()];
    for _round in 0..runs {
        for (i, contender) in contenders.iter_mut().enumerate() {
            bar.set_message(contender.name.clone());
            if !failed[i] {
                match (contender.run)() {
                    Ok(value) => samples[i].push(value),
                    Err(err) if contender.lang == Lang::Python => {
                        failed[i] = true;
                        report.notes.push(format!(
                            "{}: {} failed, left out: {err:#}",
                            group.title, contender.name
                        ));
                    }
                    Err(err) => {
                        bar.finish_and_clear();
                        return Err(err.context(format!(
                            "{}: {}",
                            group.title, contender.name
                        )));
                    }
                }
            }
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    // Printed under the table: how busy the machine was meanwhile.
    if let Some(load) = load_average() {
        report.loads.push((group.title.clone(), load));
    }
    for (contender, samples) in contenders.into_iter().zip(samples) {
        if samples.is_empty() {
            continue;
        }
        report.measurements.push(Measurement {
            group: group.title.clone(),
            contender: contender.name,
            lang: contender.lang,
            unit: group.unit,
            samples,
            n: group.n,
            ideal: contender.ideal,
            tutorials_say: contender.tutorials_say,
        });
    }
    Ok(())
}

/// Adds `top ÷ bottom` (round by round) for two contenders of `group`,
/// if both ran. Returns the ratios.
pub fn add_ratio(
    report: &mut Report,
    group: &str,
    top: &str,
    bottom: &str,
) -> Option<Samples> {
    let a = report.find(group, top)?;
    let b = report.find(group, bottom)?;
    let samples = pairwise_ratios(&a.samples, &b.samples);
    report.ratios.push(Ratio {
        group: group.to_owned(),
        label: format!("{top} ÷ {bottom}"),
        samples: samples.clone(),
    });
    Some(samples)
}

/// A progress bar on stderr; indicatif hides it when stderr is not a
/// terminal (CI, tests, a pipe), so logs stay clean.
fn progress(len: usize, title: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{prefix:.bold} [{bar:24}] {pos}/{len} {elapsed} {msg}",
        )
        .expect("a valid template")
        .progress_chars("=> "),
    );
    bar.set_prefix(title.to_owned());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Times one run of `f` on the real clock, in seconds, and passes on its
/// error.
pub fn time<T>(f: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<f64> {
    let (result, took) = kit::timing::measure_blocking(f);
    result?;
    Ok(took.as_secs_f64())
}
