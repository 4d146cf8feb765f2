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

/// One contender of a group: its name and how to run it once. A run gives
/// a `T`: a plain `f64` (seconds, bytes, or a rate, as the group's unit
/// says), or a richer value whose [`Figure`] is that number.
pub struct Contender<'a, T = f64> {
    pub name: String,
    pub lang: Lang,
    pub ideal: Option<f64>,
    pub tutorials_say: Option<String>,
    pub run: Box<dyn FnMut() -> anyhow::Result<T> + 'a>,
}

impl<T> std::fmt::Debug for Contender<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contender")
            .field("name", &self.name)
            .finish()
    }
}

impl<'a, T> Contender<'a, T> {
    pub fn new(
        name: impl Into<String>,
        lang: Lang,
        run: impl FnMut() -> anyhow::Result<T> + 'a,
    ) -> Contender<'a, T> {
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

/// The number a run's value shows in the table.
pub trait Figure {
    fn figure(&self) -> f64;
}

impl Figure for f64 {
    fn figure(&self) -> f64 {
        *self
    }
}

/// A contender's place in its lineup: how its runs are found afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot(usize);

/// The contenders of one group, in the order they run and are printed.
#[derive(Debug)]
pub struct Lineup<'a, T = f64>(Vec<Contender<'a, T>>);

impl<T> Default for Lineup<'_, T> {
    fn default() -> Self {
        Lineup(Vec::new())
    }
}

impl<'a, T: 'a> Lineup<'a, T> {
    /// Adds a contender; its runs are read back with the slot returned.
    pub fn add(&mut self, contender: Contender<'a, T>) -> Slot {
        self.0.push(contender);
        Slot(self.0.len() - 1)
    }

    /// Runs `settle` after every run of every contender, outside the time
    /// measured: e.g. to wait until the server has closed the connections
    /// of the run before, so that the next one does not pay for them.
    pub fn settle_after_each(
        &mut self,
        settle: impl Fn() -> anyhow::Result<()> + Clone + 'a,
    ) {
        for contender in &mut self.0 {
            let mut run = std::mem::replace(
                &mut contender.run,
                Box::new(|| anyhow::bail!("replaced")),
            );
            let settle = settle.clone();
            contender.run = Box::new(move || {
                let value = run()?;
                settle()?;
                Ok(value)
            });
        }
    }
}

/// A group to measure: its title, unit and size.
#[derive(Debug, Clone)]
pub struct Group {
    pub title: String,
    pub unit: Unit,
    pub n: Option<usize>,
}

/// One contender's runs: every value, and the figures as samples.
#[derive(Debug, Clone)]
pub struct Runs<T = f64> {
    pub name: String,
    pub lang: Lang,
    pub values: Vec<T>,
    pub samples: Samples,
}

/// What [`measure`] found, contender by contender, read by [`Slot`].
#[derive(Debug, Clone)]
pub struct Measured<T = f64>(Vec<Runs<T>>);

impl<T> Measured<T> {
    /// The runs in `slot` (a `Slot` or an `Option<Slot>`), if it had any: a
    /// Python contender that failed, or was never added, has none.
    pub fn get(&self, slot: impl Into<Option<Slot>>) -> Option<&Runs<T>> {
        let Slot(i) = slot.into()?;
        self.0.get(i).filter(|r| !r.samples.is_empty())
    }

    /// The samples in `slot`, if it had any.
    pub fn samples(&self, slot: impl Into<Option<Slot>>) -> Option<Samples> {
        self.get(slot).map(|r| r.samples.clone())
    }
}

/// Runs every contender once per round for `runs` rounds, adds their
/// samples to `report` and returns every run. A Rust failure stops the
/// benchmark; a Python failure drops that contender with a note, and the
/// rest go on.
pub fn measure<T: Figure>(
    report: &mut Report,
    group: &Group,
    runs: usize,
    lineup: Lineup<'_, T>,
) -> anyhow::Result<Measured<T>> {
    let mut contenders = lineup.0;
    let bar = progress(runs * contenders.len(), &group.title);
    let mut values: Vec<Vec<T>> =
        contenders.iter().map(|_| Vec::new()).collect();
    let mut failed = vec![false; contenders.len()];
    for _round in 0..runs {
        for (i, contender) in contenders.iter_mut().enumerate() {
            bar.set_message(contender.name.clone());
            if !failed[i] {
                match (contender.run)() {
                    Ok(value) => values[i].push(value),
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
    let found = contenders.into_iter().zip(values);
    Ok(Measured(
        found.map(|(c, v)| record(report, group, c, v)).collect(),
    ))
}

/// Adds one contender's runs to the report as a row (none if it has no
/// runs) and hands them back.
fn record<T: Figure>(
    report: &mut Report,
    group: &Group,
    contender: Contender<'_, T>,
    values: Vec<T>,
) -> Runs<T> {
    let samples = Samples(values.iter().map(Figure::figure).collect());
    if !samples.is_empty() {
        report.measurements.push(Measurement {
            group: group.title.clone(),
            contender: contender.name.clone(),
            lang: contender.lang,
            unit: group.unit,
            samples: samples.clone(),
            n: group.n,
            ideal: contender.ideal,
            tutorials_say: contender.tutorials_say,
        });
    }
    Runs {
        name: contender.name,
        lang: contender.lang,
        values,
        samples,
    }
}

/// Adds `top ÷ bottom` (round by round) to the report, if both ran, and
/// returns the ratios.
pub fn add_ratio<T>(
    report: &mut Report,
    group: &Group,
    top: Option<&Runs<T>>,
    bottom: Option<&Runs<T>>,
) -> Option<Samples> {
    let (top, bottom) = (top?, bottom?);
    let samples = pairwise_ratios(&top.samples, &bottom.samples);
    report.ratios.push(Ratio {
        group: group.title.clone(),
        label: format!("{} ÷ {}", top.name, bottom.name),
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
