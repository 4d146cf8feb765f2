//! The targets: one row per limit, named as in every earlier report, judged
//! from the values the workloads hand back; the chapter's table states the
//! same limits.

use std::time::Duration;

use lesson_16_performance::report::Bound;
use lesson_16_performance::stats::Samples;
use lesson_16_performance::suite::{FanoutAt, FanoutFound, MemoryFound};
use lesson_16_performance::targets::{self, ALL};

fn samples(v: f64) -> Option<Samples> {
    Some(Samples(vec![v]))
}

fn at(n: usize) -> FanoutAt {
    FanoutAt {
        n,
        http1: samples(0.5),
        h2c: samples(0.18),
        bare_h2c: samples(0.15),
        aiohttp_over_http1: samples(6.0),
        aiohttp_over_h2c: samples(16.0),
        aiohttp_over_bare_h2c: samples(18.0),
    }
}

fn found(delay_ms: u64) -> FanoutFound {
    FanoutFound {
        delay: Duration::from_millis(delay_ms),
        at: vec![at(100), at(1_000), at(10_000)],
    }
}

fn million(tasks: usize) -> MemoryFound {
    MemoryFound {
        tasks,
        sleep: Duration::from_secs(1),
        bytes_per_task: samples(256.0),
        wall_secs: samples(1.4),
    }
}

#[test]
fn every_row_comes_from_the_workloads_values_in_order() {
    let mut rows = targets::fanout(&found(100));
    rows.extend(targets::memory(&million(1_000_000)));
    let names: Vec<&str> = rows.iter().map(|t| t.what.as_str()).collect();
    let expected: Vec<&str> = ALL.iter().map(|l| l.what).collect();
    assert_eq!(names, expected);
    let met: Vec<bool> = rows.iter().map(|t| t.met()).collect();
    // 0.18 s ≤ 0.2; 0.15 ≤ 0.16; 0.5 ≤ 0.6; at 1,000 only bare hyper;
    // 16× < 17×, 18× ≥ 17×, 6× ≥ 5.5×; 256 B ≤ 400; 1.4 s > 1.3 s.
    let expected = [
        true, true, true, false, true, false, false, true, true, true, false,
    ];
    assert_eq!(met, expected);
}

#[test]
fn smoke_sizes_have_no_targets() {
    assert!(targets::fanout(&found(20)).is_empty());
    assert!(targets::memory(&million(10_000)).is_empty());
}

#[test]
fn a_contender_that_did_not_run_has_no_row() {
    let mut found = found(100);
    for a in &mut found.at {
        a.aiohttp_over_h2c = None;
    }
    let rows = targets::fanout(&found);
    assert_eq!(rows.len(), ALL.len() - 3);
    assert!(rows.iter().all(|t| t.what != targets::OVER_H2C.what));
}

#[test]
fn the_chapter_states_the_same_limits() {
    let chapter = include_str!("../../../book/src/16-performance.md");
    for limit in ALL {
        let (sign, value) = match limit.bound {
            Bound::AtMost(v) => ("≤", v),
            Bound::AtLeast(v) => ("≥", v),
        };
        let text = format!("{sign} {}", limit.unit.format(value));
        let row = chapter
            .lines()
            .find(|l| l.starts_with(&format!("| {} ", limit.what)))
            .unwrap_or_else(|| panic!("no row {:?}", limit.what));
        let cell = row.split('|').nth(2).unwrap_or_default().trim();
        assert_eq!(cell, text, "{row}");
    }
}
