//! The workload every demo of this lesson runs: a few simulated I/O calls.
//!
//! A [`Job`] is a name and a delay: how long the far side (a web API, a
//! database) takes to answer. The same jobs are run blocking, on threads,
//! and with async, so the only thing that changes is *how we wait*.

use std::time::Duration;

// ANCHOR: job
/// One simulated I/O call: what we ask for and how long the answer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    /// What is fetched; it names the row on the timeline.
    pub name: &'static str,
    /// How long the far side takes to answer.
    pub delay: Duration,
}

/// Three fetches of 300, 200 and 400 ms: the lesson's running example.
pub const THREE_FETCHES: [Job; 3] = [
    Job::new("fetch A", Duration::from_millis(300)),
    Job::new("fetch B", Duration::from_millis(200)),
    Job::new("fetch C", Duration::from_millis(400)),
];
// ANCHOR_END: job

/// Three calls to a slow API, two seconds each.
pub const THREE_API_CALLS: [Job; 3] = [
    Job::new("API-A", Duration::from_secs(2)),
    Job::new("API-B", Duration::from_secs(2)),
    Job::new("API-C", Duration::from_secs(2)),
];

impl Job {
    /// A job named `name` that takes `delay`.
    pub const fn new(name: &'static str, delay: Duration) -> Self {
        Self { name, delay }
    }
}

/// The same jobs with every delay divided by `divisor`: the demo binary
/// runs big claims (seconds) at a tenth of the size on the real clock; the
/// tests run them full size on the paused clock.
pub fn scaled(jobs: &[Job], divisor: u32) -> Vec<Job> {
    jobs.iter()
        .map(|job| Job::new(job.name, job.delay / divisor))
        .collect()
}

/// The sum of the delays: what waiting for them one by one costs.
pub fn sum_of_delays(jobs: &[Job]) -> Duration {
    jobs.iter().map(|job| job.delay).sum()
}

/// The longest delay: what waiting for them all at once costs.
pub fn longest_delay(jobs: &[Job]) -> Duration {
    jobs.iter().map(|job| job.delay).max().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_maxima() {
        assert_eq!(sum_of_delays(&THREE_FETCHES), Duration::from_millis(900));
        assert_eq!(longest_delay(&THREE_FETCHES), Duration::from_millis(400));
        assert_eq!(longest_delay(&[]), Duration::ZERO);
        let small = scaled(&THREE_API_CALLS, 10);
        assert_eq!(small[0], Job::new("API-A", Duration::from_millis(200)));
    }
}
