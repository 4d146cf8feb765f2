//! Workloads 3 and 4 as the program runs them: a CPU-bound checksum three
//! ways, then channel throughput and uncontended lock rate.

use std::sync::Arc;

use anyhow::ensure;
use tokio::runtime::{Builder, Runtime};

use super::{Settings, Size, args, number};
use crate::bench::{Contender, Group, Lineup, add_ratio, measure, time};
use crate::python::Python;
use crate::report::{Lang, Report, Unit};
use crate::{coord, cpu};

/// Workload 3: a checksum over a buffer, three ways in Rust and Python.
pub fn cpu(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    let mib = match settings.size {
        Size::Full => 8,
        Size::Smoke => 1,
    };
    let bytes = Arc::new(cpu::buffer(mib * 1024 * 1024));
    let expected = cpu::checksum(&bytes);
    let current = Builder::new_current_thread().build()?;
    let multi = Runtime::new()?;
    let check = |sum: u64| {
        ensure!(sum == expected, "checksum {sum:x}, expected {expected:x}");
        Ok(())
    };
    let mut lineup = Lineup::default();
    let on_runtime = lineup.add(Contender::new(
        "rust, on the runtime thread",
        Lang::Rust,
        || time(|| check(current.block_on(cpu::on_runtime_thread(&bytes)))),
    ));
    lineup.add(Contender::new("rust, spawn_blocking", Lang::Rust, || {
        let bytes = Arc::clone(&bytes);
        time(|| check(multi.block_on(cpu::in_spawn_blocking(bytes))))
    }));
    let rayon = lineup.add(Contender::new(
        "rust, rayon over all cores",
        Lang::Rust,
        || time(|| check(cpu::checksum_parallel(&bytes))),
    ));
    let mut in_loop = None;
    if let Some(py) = &settings.python {
        for (name, mode) in [
            ("python, in the event loop", "loop"),
            ("python, asyncio.to_thread", "thread"),
            ("python, process pool over all cores", "processes"),
        ] {
            let slot =
                lineup.add(python_checksum(py, name, mib, mode, expected));
            in_loop = in_loop.or(Some(slot));
        }
    }
    let group = Group {
        title: format!("CPU: checksum of {mib} MiB"),
        unit: Unit::Seconds,
        n: None,
    };
    let m = measure(report, &group, settings.runs, lineup)?;
    add_ratio(report, &group, m.get(in_loop), m.get(on_runtime));
    add_ratio(report, &group, m.get(on_runtime), m.get(rayon));
    Ok(())
}

/// `bench.py cpu` in one mode; its checksum must match Rust's.
fn python_checksum<'a>(
    py: &'a Python,
    name: &str,
    mib: usize,
    mode: &str,
    expected: u64,
) -> Contender<'a> {
    let args = args("cpu", &[("mib", &mib), ("mode", &mode)]);
    let run = move || {
        let value = py.run(&args)?;
        ensure!(
            value["checksum"].as_u64() == Some(expected),
            "python checksum {} differs from {expected}",
            value["checksum"]
        );
        number(&value, "seconds")
    };
    Contender::new(name, Lang::Python, run)
        .tutorials_say("CPU-bound: 10 s either way")
}

/// Workload 4: channel throughput and uncontended lock rate.
pub fn coord(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    let n: u64 = match settings.size {
        Size::Full => 1_000_000,
        Size::Smoke => 10_000,
    };
    let multi = Runtime::new()?;
    let current = Builder::new_current_thread().build()?;
    channel(settings, report, n, &multi, &current)?;
    locks(settings, report, n, &current)
}

/// A Python contender of workload 4: `bench.py coord` in one mode, as a
/// rate of `n` per second.
fn python_rate<'a>(
    py: &'a Python,
    name: &str,
    n: u64,
    mode: &str,
) -> Contender<'a> {
    let args = args("coord", &[("n", &n), ("mode", &mode)]);
    let run = move || py.number(&args, "seconds").map(|secs| n as f64 / secs);
    Contender::new(name, Lang::Python, run)
}

fn channel(
    settings: &Settings,
    report: &mut Report,
    n: u64,
    multi: &Runtime,
    current: &Runtime,
) -> anyhow::Result<()> {
    let expected = n * (n - 1) / 2;
    let rate = |secs: f64| n as f64 / secs;
    let sum_ok = |sum: u64| {
        ensure!(
            sum == expected,
            "sum {sum}, expected {expected}: lost messages"
        );
        Ok(())
    };
    let mut lineup = Lineup::default();
    lineup.add(Contender::new(
        "rust tokio mpsc(1024), multi-thread",
        Lang::Rust,
        || {
            time(|| sum_ok(multi.block_on(coord::channel_sum(n, 1024))))
                .map(rate)
        },
    ));
    let rust = lineup.add(Contender::new(
        "rust tokio mpsc(1024), current-thread",
        Lang::Rust,
        || {
            time(|| sum_ok(current.block_on(coord::channel_sum(n, 1024))))
                .map(rate)
        },
    ));
    let python = settings.python.as_ref().map(|py| {
        let name = "python asyncio.Queue(1024) + uvloop";
        lineup.add(python_rate(py, name, n, "queue"))
    });
    let group = Group {
        title: format!(
            "bounded channel, one producer, one consumer, {n} messages"
        ),
        unit: Unit::PerSecond,
        n: None,
    };
    let m = measure(report, &group, settings.runs, lineup)?;
    add_ratio(report, &group, m.get(rust), m.get(python));
    Ok(())
}

fn locks(
    settings: &Settings,
    report: &mut Report,
    n: u64,
    current: &Runtime,
) -> anyhow::Result<()> {
    let rate = |secs: f64| n as f64 / secs;
    let count_ok = |count: u64| {
        ensure!(count == n, "counted {count}, expected {n}");
        Ok(())
    };
    let mut lineup = Lineup::default();
    lineup.add(Contender::new("rust std::sync::Mutex", Lang::Rust, || {
        time(|| count_ok(coord::std_mutex_rounds(n))).map(rate)
    }));
    let rust = lineup.add(Contender::new(
        "rust tokio::sync::Mutex",
        Lang::Rust,
        || {
            time(|| count_ok(current.block_on(coord::tokio_mutex_rounds(n))))
                .map(rate)
        },
    ));
    let mut python = None;
    if let Some(py) = &settings.python {
        lineup.add(python_rate(py, "python threading.Lock", n, "thread-lock"));
        let name = "python asyncio.Lock + uvloop";
        python = Some(lineup.add(python_rate(py, name, n, "asyncio-lock")));
    }
    let group = Group {
        title: format!("lock and unlock, uncontended, {n} times"),
        unit: Unit::PerSecond,
        n: None,
    };
    let m = measure(report, &group, settings.runs, lineup)?;
    add_ratio(report, &group, m.get(rust), m.get(python));
    Ok(())
}
