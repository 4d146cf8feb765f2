//! Several runs of one thing, summed up as median, min and max.
//!
//! One run says little on a busy machine: another process may have had the
//! core. The median of several runs ignores a few bad ones, and min..max
//! shows how noisy the machine was.

use serde::{Deserialize, Serialize};

/// The values of several runs of one measurement (seconds, bytes, ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Samples(pub Vec<f64>);

impl Samples {
    /// Adds one run's value.
    pub fn push(&mut self, value: f64) {
        self.0.push(value);
    }

    /// How many runs.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No run yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn sorted(&self) -> Vec<f64> {
        let mut values = self.0.clone();
        values.sort_by(f64::total_cmp);
        values
    }

    /// The middle value (the mean of the two middle ones for an even count);
    /// `NaN` without runs.
    pub fn median(&self) -> f64 {
        let values = self.sorted();
        let n = values.len();
        match n {
            0 => f64::NAN,
            _ if n % 2 == 1 => values[n / 2],
            _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
        }
    }

    /// The smallest value; `NaN` without runs.
    pub fn min(&self) -> f64 {
        self.sorted().first().copied().unwrap_or(f64::NAN)
    }

    /// The largest value; `NaN` without runs.
    pub fn max(&self) -> f64 {
        self.sorted().last().copied().unwrap_or(f64::NAN)
    }
}

// ANCHOR: ratios
/// `slow ÷ fast`, run by run: round `i` of one contender is divided by
/// round `i` of the other, measured back to back. A noisy moment then slows
/// both sides of one pair, and the median of the ratios stays honest.
pub fn pairwise_ratios(slow: &Samples, fast: &Samples) -> Samples {
    Samples(
        slow.0
            .iter()
            .zip(&fast.0)
            .map(|(slow, fast)| slow / fast)
            .collect(),
    )
}
// ANCHOR_END: ratios
