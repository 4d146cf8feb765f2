//! Workload 2 as the program runs it: bytes per idle task and per idle
//! thread, each probe in a fresh process, and the wall time of the same
//! task probes (a million sleeping tasks at full size).

use std::time::Duration;

use super::{Settings, Size, args, number, probe};
use crate::bench::{Contender, Figure, Group, Lineup, Measured, Slot};
use crate::bench::{add_ratio, measure};
use crate::memory::{self, TaskProbe, ThreadProbe};
use crate::python::Python;
use crate::report::{Lang, Measurement, Report, Unit};
use crate::stats::Samples;

/// One run of a probe: the figure for the table, and what else the same
/// run measured.
#[derive(Debug, Clone, Copy)]
enum Probed {
    /// Bytes per sleeping task, and how long the probe took; its CPU time
    /// only from the Rust probe. `after_idle_secs`: the wall time of an
    /// unmeasured probe run just before, after the machine sat idle.
    Tasks {
        bytes: f64,
        wall_secs: f64,
        cpu_secs: Option<f64>,
        after_idle_secs: Option<f64>,
    },
    /// Resident bytes per idle thread; reserved ones only from Rust.
    Threads {
        resident: f64,
        reserved: Option<f64>,
    },
}

impl Figure for Probed {
    fn figure(&self) -> f64 {
        match *self {
            Probed::Tasks { bytes, .. } => bytes,
            Probed::Threads { resident, .. } => resident,
        }
    }
}

/// What the memory workload measured for the targets: the Rust probe with
/// the most tasks.
#[derive(Debug, Clone)]
pub struct MemoryFound {
    pub tasks: usize,
    pub sleep: Duration,
    pub bytes_per_task: Option<Samples>,
    pub wall_secs: Option<Samples>,
}

/// Workload 2: bytes per idle task and per idle thread, and the wall time
/// of many sleeping tasks (a million at full size).
pub fn memory(
    settings: &Settings,
    report: &mut Report,
) -> anyhow::Result<MemoryFound> {
    let (small, big, sleep_ms, threads) = match settings.size {
        Size::Full => (100_000, 1_000_000, 1_000, 1_000),
        Size::Smoke => (1_000, 10_000, 50, 20),
    };
    // Longer than the 2 s after which a KVM guest hands free memory back
    // to its host (free page reporting): see `rust_tasks`.
    let idle = match settings.size {
        Size::Full => Duration::from_secs(3),
        Size::Smoke => Duration::ZERO,
    };
    let sleep = Duration::from_millis(sleep_ms);
    // What each task is: `sleeper`'s future (see `memory::idle_tasks`).
    let future_size = size_of_val(&memory::sleeper(sleep)) as f64;
    let mut lineup = Lineup::default();
    lineup.add(rust_tasks(small, sleep, None).ideal(future_size));
    let rust_big =
        lineup.add(rust_tasks(big, sleep, Some(idle)).ideal(future_size));
    let thread = lineup.add(rust_threads(threads));
    let mut python_big = None;
    if let Some(py) = &settings.python {
        lineup.add(python_tasks(py, small, sleep));
        python_big = Some(lineup.add(python_tasks(py, big, sleep)));
        lineup.add(python_threads(py, threads));
    }
    let group = Group {
        title: "memory: one idle task or thread".into(),
        unit: Unit::Bytes,
        n: None,
    };
    // Big probes are slow: at most three rounds of them.
    let m = measure(report, &group, settings.runs.min(3), lineup)?;
    reserved_row(report, &group, &m, thread, threads);
    add_ratio(report, &group, m.get(python_big), m.get(rust_big));
    report.notes.push(format!(
        "a sleeping task's future (`sleeper`) is {future_size} bytes: \
         the ideal per task; the rest is tokio's task header and the \
         allocator's rounding"
    ));
    let cpu = m.get(rust_big).map(|r| cpu_secs(&r.values));
    report.notes.push(format!(
        "{big} rust tasks: the probe used {:.2} s of CPU (median; user + \
         system, all threads) for its wall time",
        cpu.unwrap_or_default().median()
    ));
    let title = format!("{big} tasks sleeping {sleep_ms} ms: wall time");
    let walls = Group {
        title,
        unit: Unit::Seconds,
        n: Some(big),
    };
    let ideal = sleep.as_secs_f64();
    if let Some(runs) = m.get(rust_big) {
        let who = (runs.name.as_str(), runs.lang);
        wall_row(report, &walls, who, wall_secs(&runs.values), ideal);
        // The unmeasured runs before it, after the machine sat idle.
        let idle =
            format!("{}, first after {:.0} s idle", who.0, idle.as_secs_f64());
        let samples = after_idle_secs(&runs.values);
        wall_row(report, &walls, (&idle, who.1), samples, ideal);
    }
    if let Some(runs) = m.get(python_big) {
        let who = (runs.name.as_str(), runs.lang);
        wall_row(report, &walls, who, wall_secs(&runs.values), ideal);
    }
    Ok(MemoryFound {
        tasks: big,
        sleep,
        bytes_per_task: m.samples(rust_big),
        wall_secs: m.get(rust_big).map(|r| wall_secs(&r.values)),
    })
}

/// The Rust task probe. With `idle`, each run first waits that long with
/// nothing running, runs the probe once (its wall time kept apart), then
/// runs the probe measured: right after a probe of the same size, so the
/// measured one finds its memory just used. On a virtual machine that
/// hands idle memory back to its host, the first run pays for taking it
/// back; on a machine of your own both runs take the same time.
fn rust_tasks(
    n: usize,
    sleep: Duration,
    idle: Option<Duration>,
) -> Contender<'static, Probed> {
    let ms = sleep.as_millis();
    let options = args("tasks", &[("n", &n), ("sleep-ms", &ms)]);
    let run = move || {
        let after_idle_secs = match idle {
            Some(idle) => {
                std::thread::sleep(idle);
                Some(probe::<TaskProbe>(&options)?.wall_secs)
            }
            None => None,
        };
        let found: TaskProbe = probe(&options)?;
        Ok(Probed::Tasks {
            bytes: found.bytes_per_task,
            wall_secs: found.wall_secs,
            cpu_secs: Some(found.cpu_secs),
            after_idle_secs,
        })
    };
    Contender::new(format!("rust task ({n} sleeping)"), Lang::Rust, run)
        .tutorials_say("~2 KB per coroutine")
}

fn rust_threads(n: usize) -> Contender<'static, Probed> {
    let run = move || {
        let found: ThreadProbe = probe(&args("threads", &[("n", &n)]))?;
        Ok(Probed::Threads {
            resident: found.resident_per_thread,
            reserved: Some(found.reserved_per_thread),
        })
    };
    let name = format!("rust OS thread, resident ({n} idle)");
    Contender::new(name, Lang::Rust, run).tutorials_say("~8 MB per thread")
}

fn python_tasks(
    py: &Python,
    n: usize,
    sleep: Duration,
) -> Contender<'_, Probed> {
    let args = args("tasks", &[("n", &n), ("sleep-ms", &sleep.as_millis())]);
    let run = move || {
        let value = py.run(&args)?;
        Ok(Probed::Tasks {
            bytes: number(&value, "bytes_per_task")?,
            wall_secs: number(&value, "wall_secs")?,
            cpu_secs: None,
            after_idle_secs: None,
        })
    };
    let name = format!("python asyncio task ({n} sleeping)");
    Contender::new(name, Lang::Python, run).tutorials_say("~2 KB per coroutine")
}

fn python_threads(py: &Python, n: usize) -> Contender<'_, Probed> {
    let args = args("threads", &[("n", &n)]);
    let run = move || {
        let resident = py.number(&args, "resident_per_thread")?;
        Ok(Probed::Threads {
            resident,
            reserved: None,
        })
    };
    let name = format!("python thread, resident ({n} idle)");
    Contender::new(name, Lang::Python, run)
}

/// The address space each thread reserved, from the same runs as its
/// resident bytes.
fn reserved_row(
    report: &mut Report,
    group: &Group,
    m: &Measured<Probed>,
    slot: Slot,
    threads: usize,
) {
    let Some(runs) = m.get(slot) else { return };
    let reserved = runs.values.iter().filter_map(|v| match *v {
        Probed::Threads { reserved, .. } => reserved,
        Probed::Tasks { .. } => None,
    });
    report.measurements.push(Measurement {
        group: group.title.clone(),
        contender: format!("rust OS thread, reserved ({threads} idle)"),
        lang: Lang::Rust,
        unit: Unit::Bytes,
        samples: Samples(reserved.collect()),
        n: None,
        ideal: None,
        tutorials_say: None,
    });
}

/// A task probe's wall times, as a row of a group of their own.
fn wall_row(
    report: &mut Report,
    walls: &Group,
    (name, lang): (&str, Lang),
    samples: Samples,
    ideal: f64,
) {
    report.measurements.push(Measurement {
        group: walls.title.clone(),
        contender: name.to_owned(),
        lang,
        unit: walls.unit,
        samples,
        n: walls.n,
        ideal: Some(ideal),
        tutorials_say: None,
    });
}

/// One figure of every task probe run, as samples (thread runs have none).
fn task_samples(
    values: &[Probed],
    pick: fn(&Probed) -> Option<f64>,
) -> Samples {
    Samples(values.iter().filter_map(pick).collect())
}

fn wall_secs(values: &[Probed]) -> Samples {
    task_samples(values, |v| match *v {
        Probed::Tasks { wall_secs, .. } => Some(wall_secs),
        Probed::Threads { .. } => None,
    })
}

fn cpu_secs(values: &[Probed]) -> Samples {
    task_samples(values, |v| match *v {
        Probed::Tasks { cpu_secs, .. } => cpu_secs,
        Probed::Threads { .. } => None,
    })
}

fn after_idle_secs(values: &[Probed]) -> Samples {
    task_samples(values, |v| match *v {
        Probed::Tasks {
            after_idle_secs, ..
        } => after_idle_secs,
        Probed::Threads { .. } => None,
    })
}
