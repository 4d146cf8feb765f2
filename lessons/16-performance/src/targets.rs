//! The targets set for a 2-core machine: one table of limits, judged
//! against the values the workloads hand back. The row names stay the same
//! from run to run, so that reports compare over time.

use std::time::Duration;

use crate::report::Unit::{Bytes, Seconds, Times};
use crate::report::{Bound, Target, Unit};
use crate::stats::Samples;
use crate::suite::{FanoutFound, MemoryFound};

/// One target row: its name, unit and limit.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub what: &'static str,
    pub unit: Unit,
    pub bound: Bound,
}

const fn at_most(what: &'static str, unit: Unit, limit: f64) -> Limit {
    Limit {
        what,
        unit,
        bound: Bound::AtMost(limit),
    }
}

const fn at_least(what: &'static str, unit: Unit, limit: f64) -> Limit {
    Limit {
        what,
        unit,
        bound: Bound::AtLeast(limit),
    }
}

// ANCHOR: limits
// Fan-out, unlimited, 100 ms per request (reqwest unless "bare hyper").
pub const H2C_10000: Limit =
    at_most("10000 requests at 100 ms, h2c", Seconds, 0.2);
pub const BARE_H2C_10000: Limit =
    at_most("10000 requests at 100 ms, h2c, bare hyper", Seconds, 0.16);
pub const HTTP1_10000: Limit =
    at_most("10000 requests at 100 ms, HTTP/1.1", Seconds, 0.6);
pub const H2C_1000: Limit =
    at_most("1000 requests at 100 ms, h2c", Seconds, 0.15);
pub const BARE_H2C_1000: Limit =
    at_most("1000 requests at 100 ms, h2c, bare hyper", Seconds, 0.15);
pub const HTTP1_1000: Limit =
    at_most("1000 requests at 100 ms, HTTP/1.1", Seconds, 0.15);
// aiohttp + uvloop ÷ Rust at 10,000 requests, round by round.
pub const OVER_H2C: Limit =
    at_least("aiohttp ÷ rust, 10000 requests, h2c", Times, 17.0);
pub const OVER_BARE_H2C: Limit = at_least(
    "aiohttp ÷ rust, 10000 requests, h2c, bare hyper",
    Times,
    17.0,
);
pub const OVER_HTTP1: Limit =
    at_least("aiohttp ÷ rust, 10000 requests, HTTP/1.1", Times, 5.5);
// A million tasks, each sleeping 1 s.
pub const TASK_BYTES: Limit =
    at_most("resident bytes per sleeping task (1000000)", Bytes, 400.0);
pub const MILLION_TASKS: Limit =
    at_most("a million tasks sleeping 1 s, done", Seconds, 1.3);
// ANCHOR_END: limits

/// Every row, in the order the report prints them.
pub const ALL: [Limit; 11] = [
    H2C_10000,
    BARE_H2C_10000,
    HTTP1_10000,
    H2C_1000,
    BARE_H2C_1000,
    HTTP1_1000,
    OVER_H2C,
    OVER_BARE_H2C,
    OVER_HTTP1,
    TASK_BYTES,
    MILLION_TASKS,
];

impl Limit {
    /// The target row for these runs, if there were any.
    pub fn judge(&self, samples: Option<&Samples>) -> Option<Target> {
        Some(Target {
            what: self.what.to_owned(),
            unit: self.unit,
            bound: self.bound,
            samples: samples?.clone(),
        })
    }
}

/// The fan-out rows, from the groups that ran at 100 ms per request.
pub fn fanout(found: &FanoutFound) -> Vec<Target> {
    if found.delay != Duration::from_millis(100) {
        return Vec::new();
    }
    let at = |n: usize| found.at.iter().find(|a| a.n == n);
    let mut rows: Vec<(Limit, Option<&Samples>)> = Vec::new();
    for (n, [h2c, bare, http1]) in [
        (10_000, [H2C_10000, BARE_H2C_10000, HTTP1_10000]),
        (1_000, [H2C_1000, BARE_H2C_1000, HTTP1_1000]),
    ] {
        if let Some(a) = at(n) {
            rows.push((h2c, a.h2c.as_ref()));
            rows.push((bare, a.bare_h2c.as_ref()));
            rows.push((http1, a.http1.as_ref()));
        }
    }
    if let Some(a) = at(10_000) {
        rows.push((OVER_H2C, a.aiohttp_over_h2c.as_ref()));
        rows.push((OVER_BARE_H2C, a.aiohttp_over_bare_h2c.as_ref()));
        rows.push((OVER_HTTP1, a.aiohttp_over_http1.as_ref()));
    }
    rows.iter()
        .filter_map(|(limit, s)| limit.judge(*s))
        .collect()
}

/// The memory rows, from a million tasks sleeping 1 s.
pub fn memory(found: &MemoryFound) -> Vec<Target> {
    if found.tasks != 1_000_000 || found.sleep != Duration::from_secs(1) {
        return Vec::new();
    }
    [
        TASK_BYTES.judge(found.bytes_per_task.as_ref()),
        MILLION_TASKS.judge(found.wall_secs.as_ref()),
    ]
    .into_iter()
    .flatten()
    .collect()
}
