//! The workloads as the program runs them: which contenders, at which
//! sizes, with which ideal and which quote from the Python tutorials, and
//! the targets this machine kind should meet.

use std::sync::Arc;
use std::time::Duration;

use anyhow::ensure;
use tokio::runtime::Runtime;

use crate::bench::{Contender, Group, add_ratio, measure, time};
use crate::fanout::{self, Proto};
use crate::memory::{self, TaskProbe, ThreadProbe};
use crate::python::Python;
use crate::report::{Bound, Lang, Report, Target, Unit};
use crate::{coord, cpu};

/// Full sizes, or the tiny ones CI runs to prove that everything works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Full,
    Smoke,
}

/// What to run and how often.
#[derive(Debug)]
pub struct Settings {
    pub runs: usize,
    pub size: Size,
    pub python: Option<Python>,
    /// The request counts of the fan-out.
    pub fanout_ns: Vec<usize>,
}

impl Settings {
    pub fn new(runs: usize, size: Size, python: Option<Python>) -> Settings {
        let fanout_ns = match size {
            Size::Full => vec![10, 100, 1_000, 10_000],
            Size::Smoke => vec![10, 50],
        };
        Settings {
            runs: runs.max(1),
            size,
            python,
            fanout_ns,
        }
    }

    fn smoke(&self) -> bool {
        self.size == Size::Smoke
    }

    /// The server's delay per request.
    pub fn delay(&self) -> Duration {
        match self.size {
            Size::Full => Duration::from_millis(100),
            Size::Smoke => Duration::from_millis(20),
        }
    }
}

const AIOHTTP_UVLOOP: &str = "python aiohttp + uvloop, unlimited";
const BARE_H2: &str = "rust bare hyper, unlimited, h2c, one task";
const AIOHTTP: &str = "python aiohttp, unlimited";

fn rust_async(proto: Proto, limit: Option<usize>) -> String {
    match limit {
        None => format!("rust async, unlimited, {}", proto.label()),
        Some(l) => format!("rust async, ≤{l} in flight, {}", proto.label()),
    }
}

/// The largest N for which the blocking and capped contenders still run:
/// beyond it they would take minutes and teach nothing new.
const SEQUENTIAL_MAX_N: usize = 100;
const POOL_MAX_N: usize = 1_000;
const CAPPED_MAX_N: usize = 1_000;
const POOL_THREADS: usize = 32;
const CAP: usize = 100;

/// Workload 1: N requests of `delay` each, every way, Rust and Python.
pub fn fanout(
    settings: &Settings,
    report: &mut Report,
    runtime: &Runtime,
    base_url: &str,
) -> anyhow::Result<()> {
    let delay = settings.delay();
    let url = fanout::delay_url(base_url, delay);
    let secs = |in_flight: usize, n: usize| {
        fanout::ideal(n, in_flight, delay).as_secs_f64()
    };
    for &n in &settings.fanout_ns {
        let mut contenders = Vec::new();
        let quote = |says: &str| (n == 100).then(|| says.to_owned());
        if n <= SEQUENTIAL_MAX_N {
            let mut c =
                Contender::new("rust sequential, blocking", Lang::Rust, || {
                    time(|| expect_n(fanout::sequential_blocking(&url, n), n))
                })
                .ideal(secs(1, n));
            c.tutorials_say = quote("~50 s or ~100 s");
            contenders.push(c);
        }
        if n <= POOL_MAX_N {
            let mut c = Contender::new(
                format!("rust {POOL_THREADS} threads, blocking"),
                Lang::Rust,
                || {
                    time(|| {
                        expect_n(fanout::thread_pool(&url, n, POOL_THREADS), n)
                    })
                },
            )
            .ideal(secs(POOL_THREADS, n));
            c.tutorials_say = quote("threads: ~10 s");
            contenders.push(c);
        }
        for proto in [Proto::Http1, Proto::Http2] {
            for limit in [None, Some(CAP)] {
                if limit.is_some() && n > CAPPED_MAX_N {
                    continue;
                }
                let url = &url;
                let run = move || {
                    let client = fanout::client(proto);
                    let cap = limit.unwrap_or(n);
                    time(|| {
                        let ok = runtime
                            .block_on(fanout::fan_out(&client, url, n, cap));
                        expect_n(ok, n)
                    })
                };
                contenders.push(
                    Contender::new(rust_async(proto, limit), Lang::Rust, run)
                        .ideal(secs(limit.unwrap_or(n), n)),
                );
            }
        }
        let bare = || {
            time(|| {
                let ok = runtime.block_on(fanout::fan_out_bare_h2(&url, n));
                expect_n(ok, n)
            })
        };
        contenders
            .push(Contender::new(BARE_H2, Lang::Rust, bare).ideal(secs(n, n)));
        if let Some(py) = &settings.python {
            contenders.extend(python_fanout(py, &url, n, secs));
        }
        let overflows = fanout::listen_overflows();
        let group = Group {
            title: format!(
                "fan-out: {n} requests, {} ms each",
                delay.as_millis()
            ),
            unit: Unit::Seconds,
            n: Some(n),
        };
        measure(report, &group, settings.runs, contenders)?;
        if let (Some(a), Some(b)) = (overflows, fanout::listen_overflows())
            && b > a
        {
            report.notes.push(format!(
                "{}: the kernel dropped {} handshakes on a full listen \
                 queue (ListenOverflows, counted for every process on \
                 the machine); each dropped one retries after 1 s",
                group.title,
                b - a
            ));
        }
        let g = &group.title;
        for proto in [Proto::Http1, Proto::Http2] {
            add_ratio(report, g, AIOHTTP_UVLOOP, &rust_async(proto, None));
        }
        add_ratio(report, g, AIOHTTP_UVLOOP, BARE_H2);
        add_ratio(report, g, AIOHTTP, AIOHTTP_UVLOOP);
    }
    Ok(())
}

fn python_fanout<'a>(
    py: &'a Python,
    url: &'a str,
    n: usize,
    secs: impl Fn(usize, usize) -> f64,
) -> Vec<Contender<'a>> {
    let mut out = Vec::new();
    let mut add = |name: &str, mode: &'static str, in_flight: usize| {
        let args = vec![
            "fanout".into(),
            "--url".into(),
            url.to_owned(),
            "--n".into(),
            n.to_string(),
            "--mode".into(),
            mode.to_owned(),
        ];
        let run = move || py.number(&args, "seconds");
        let mut c =
            Contender::new(name, Lang::Python, run).ideal(secs(in_flight, n));
        if n == 100 {
            c.tutorials_say = match mode {
                "sequential" => Some("~50 s or ~100 s".into()),
                "threads" => Some("~10 s".into()),
                "aiohttp-uvloop" => Some("~2 s".into()),
                _ => None,
            };
        }
        out.push(c);
    };
    if n <= SEQUENTIAL_MAX_N {
        add("python requests, sequential", "sequential", 1);
    }
    if n <= POOL_MAX_N {
        add("python requests, 32 threads", "threads", POOL_THREADS);
    }
    add(AIOHTTP, "aiohttp", n);
    add(AIOHTTP_UVLOOP, "aiohttp-uvloop", n);
    if n <= CAPPED_MAX_N {
        add(
            "python aiohttp + uvloop, ≤100 in flight",
            "aiohttp-capped",
            CAP,
        );
    }
    out
}

fn expect_n(result: anyhow::Result<usize>, n: usize) -> anyhow::Result<()> {
    let ok = result?;
    ensure!(ok == n, "{ok} of {n} requests answered 200");
    Ok(())
}

/// Runs this program's hidden `probe` command in a fresh process and reads
/// its JSON answer.
fn probe<T: serde::de::DeserializeOwned>(args: &[&str]) -> anyhow::Result<T> {
    let me = std::env::current_exe()?;
    let out = std::process::Command::new(me)
        .arg("probe")
        .args(args)
        .output()?;
    ensure!(
        out.status.success(),
        "probe {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr).trim()
    );
    Ok(serde_json::from_slice(&out.stdout)?)
}

/// Workload 2: bytes per idle task and per idle thread, and the wall time
/// of many sleeping tasks (a million at full size).
pub fn memory(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    let (small, big, sleep_ms, threads) = match settings.size {
        Size::Full => (100_000, 1_000_000, 1_000, 1_000),
        Size::Smoke => (1_000, 10_000, 50, 20),
    };
    let sleep = Duration::from_millis(sleep_ms);
    let future_size = std::mem::size_of_val(&memory::sleeper(sleep)) as f64;
    // One probe run gives both the bytes and the wall time: keep the times.
    let walls = std::cell::RefCell::new(Vec::<(String, Lang, f64)>::new());
    let cpus = std::cell::RefCell::new(Vec::<(usize, f64)>::new());
    let mut contenders = Vec::new();
    for (n, label) in [(small, "rust task"), (big, "rust task")] {
        let name = format!("{label} ({n} sleeping)");
        let (walls, cpus, name2) = (&walls, &cpus, name.clone());
        let run = move || {
            let ms = sleep_ms.to_string();
            let found: TaskProbe =
                probe(&["tasks", "--n", &n.to_string(), "--sleep-ms", &ms])?;
            walls.borrow_mut().push((
                name2.clone(),
                Lang::Rust,
                found.wall_secs,
            ));
            cpus.borrow_mut().push((n, found.cpu_secs));
            Ok(found.bytes_per_task)
        };
        contenders.push(
            Contender::new(name, Lang::Rust, run)
                .ideal(future_size)
                .tutorials_say("~2 KB per coroutine"),
        );
    }
    let thread_probe = std::cell::RefCell::new(None::<ThreadProbe>);
    let run = || {
        let found: ThreadProbe =
            probe(&["threads", "--n", &threads.to_string()])?;
        *thread_probe.borrow_mut() = Some(found);
        Ok(found.resident_per_thread)
    };
    contenders.push(
        Contender::new(
            format!("rust OS thread, resident ({threads} idle)"),
            Lang::Rust,
            run,
        )
        .tutorials_say("~8 MB per thread"),
    );
    let reserved = || {
        let found = thread_probe
            .borrow()
            .ok_or_else(|| anyhow::anyhow!("the thread probe did not run"))?;
        Ok(found.reserved_per_thread)
    };
    contenders.push(Contender::new(
        format!("rust OS thread, reserved ({threads} idle)"),
        Lang::Rust,
        reserved,
    ));
    if let Some(py) = &settings.python {
        for n in [small, big] {
            let name = format!("python asyncio task ({n} sleeping)");
            let (walls, name2) = (&walls, name.clone());
            let args: Vec<String> =
                ["tasks", "--n", &n.to_string(), "--sleep-ms"]
                    .iter()
                    .map(|s| s.to_string())
                    .chain([sleep_ms.to_string()])
                    .collect();
            let run = move || {
                let value = py.run(&args)?;
                let wall = value["wall_secs"].as_f64().unwrap_or(f64::NAN);
                walls.borrow_mut().push((name2.clone(), Lang::Python, wall));
                value["bytes_per_task"]
                    .as_f64()
                    .ok_or_else(|| anyhow::anyhow!("no bytes_per_task"))
            };
            contenders.push(
                Contender::new(name, Lang::Python, run)
                    .tutorials_say("~2 KB per coroutine"),
            );
        }
        let args: Vec<String> =
            vec!["threads".into(), "--n".into(), threads.to_string()];
        contenders.push(Contender::new(
            format!("python thread, resident ({threads} idle)"),
            Lang::Python,
            move || py.number(&args, "resident_per_thread"),
        ));
    }
    let group = Group {
        title: "memory: one idle task or thread".into(),
        unit: Unit::Bytes,
        n: None,
    };
    // Big probes are slow: at most three rounds of them.
    measure(report, &group, settings.runs.min(3), contenders)?;
    report.notes.push(format!(
        "a sleeping task's future (`sleeper`) is {future_size} bytes: \
         the ideal per task; the rest is tokio's task header and the \
         allocator's rounding"
    ));
    let cpu = crate::stats::Samples(
        cpus.into_inner()
            .into_iter()
            .filter(|&(n, _)| n == big)
            .map(|(_, secs)| secs)
            .collect(),
    );
    report.notes.push(format!(
        "{big} rust tasks: the probe used {:.2} s of CPU (median; user + \
         system, all threads) for its wall time",
        cpu.median()
    ));
    wall_times(report, walls.into_inner(), big, sleep);
    if !settings.smoke() {
        memory_targets(report, big);
    }
    Ok(())
}

/// The wall times the task probes measured, as a group of their own.
fn wall_times(
    report: &mut Report,
    walls: Vec<(String, Lang, f64)>,
    big: usize,
    sleep: Duration,
) {
    let title =
        format!("{big} tasks sleeping {} ms: wall time", sleep.as_millis());
    let mut names: Vec<(String, Lang)> = Vec::new();
    for (name, lang, _) in &walls {
        if name.contains(&format!("({big} "))
            && !names.iter().any(|(n, _)| n == name)
        {
            names.push((name.clone(), *lang));
        }
    }
    for (name, lang) in names {
        let samples = crate::stats::Samples(
            walls.iter().filter(|w| w.0 == name).map(|w| w.2).collect(),
        );
        let tutorials_say =
            (lang == Lang::Python && big == 1_000_000).then(|| "-".to_owned());
        report.measurements.push(crate::report::Measurement {
            group: title.clone(),
            contender: name,
            lang,
            unit: Unit::Seconds,
            samples,
            n: Some(big),
            ideal: Some(sleep.as_secs_f64()),
            tutorials_say,
        });
    }
}

fn memory_targets(report: &mut Report, big: usize) {
    let group = "memory: one idle task or thread";
    let tasks = format!("rust task ({big} sleeping)");
    if let Some(m) = report.find(group, &tasks) {
        report.targets.push(Target {
            what: format!("resident bytes per sleeping task ({big})"),
            unit: Unit::Bytes,
            bound: Bound::AtMost(400.0),
            samples: m.samples.clone(),
        });
    }
    let title = format!("{big} tasks sleeping 1000 ms: wall time");
    if let Some(m) = report.find(&title, &tasks) {
        report.targets.push(Target {
            what: "a million tasks sleeping 1 s, done".into(),
            unit: Unit::Seconds,
            bound: Bound::AtMost(1.3),
            samples: m.samples.clone(),
        });
    }
    let py = format!("python asyncio task ({big} sleeping)");
    if let Some(r) = add_ratio(report, group, &py, &tasks) {
        let _ = r; // shown in the ratio table
    }
}

/// The fan-out targets, read from the fan-out groups that ran.
pub fn fanout_targets(settings: &Settings, report: &mut Report) {
    if settings.smoke() {
        return;
    }
    let group = |n: usize| format!("fan-out: {n} requests, 100 ms each");
    let checks = [
        (10_000, Proto::Http2, 0.25),
        (10_000, Proto::Http1, 1.2),
        (1_000, Proto::Http2, 0.15),
        (1_000, Proto::Http1, 0.15),
    ];
    for (n, proto, limit) in checks {
        if let Some(m) = report.find(&group(n), &rust_async(proto, None)) {
            report.targets.push(Target {
                what: format!("{n} requests at 100 ms, {}", proto.label()),
                unit: Unit::Seconds,
                bound: Bound::AtMost(limit),
                samples: m.samples.clone(),
            });
        }
        if proto == Proto::Http2
            && let Some(m) = report.find(&group(n), BARE_H2)
        {
            report.targets.push(Target {
                what: format!("{n} requests at 100 ms, h2c, bare hyper"),
                unit: Unit::Seconds,
                bound: Bound::AtMost(limit),
                samples: m.samples.clone(),
            });
        }
    }
    let pairs = [
        ("h2c", rust_async(Proto::Http2, None), 20.0),
        ("h2c, bare hyper", BARE_H2.to_owned(), 20.0),
        ("HTTP/1.1", rust_async(Proto::Http1, None), 4.0),
    ];
    for (proto, rust, times) in pairs {
        let label = format!("{AIOHTTP_UVLOOP} ÷ {rust}");
        let found = report
            .ratios
            .iter()
            .find(|r| r.group == group(10_000) && r.label == label);
        if let Some(r) = found {
            report.targets.push(Target {
                what: format!("aiohttp ÷ rust, 10000 requests, {proto}"),
                unit: Unit::Times,
                bound: Bound::AtLeast(times),
                samples: r.samples.clone(),
            });
        }
    }
}

/// Workload 3: a checksum over a buffer, three ways in Rust and Python.
pub fn cpu(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    let mib = match settings.size {
        Size::Full => 8,
        Size::Smoke => 1,
    };
    let bytes = Arc::new(cpu::buffer(mib * 1024 * 1024));
    let expected = cpu::checksum(&bytes);
    let current = tokio::runtime::Builder::new_current_thread().build()?;
    let multi = tokio::runtime::Runtime::new()?;
    let check = |sum: u64| {
        ensure!(sum == expected, "checksum {sum:x}, expected {expected:x}");
        Ok(())
    };
    let mut contenders = vec![
        Contender::new("rust, on the runtime thread", Lang::Rust, || {
            time(|| check(current.block_on(cpu::on_runtime_thread(&bytes))))
        }),
        Contender::new("rust, spawn_blocking", Lang::Rust, || {
            let bytes = Arc::clone(&bytes);
            time(|| check(multi.block_on(cpu::in_spawn_blocking(bytes))))
        }),
        Contender::new("rust, rayon over all cores", Lang::Rust, || {
            time(|| check(cpu::checksum_parallel(&bytes)))
        }),
    ];
    if let Some(py) = &settings.python {
        for (name, mode) in [
            ("python, in the event loop", "loop"),
            ("python, asyncio.to_thread", "thread"),
            ("python, process pool over all cores", "processes"),
        ] {
            let args: Vec<String> =
                ["cpu", "--mib", &mib.to_string(), "--mode", mode]
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
            contenders.push(
                Contender::new(name, Lang::Python, move || {
                    let value = py.run(&args)?;
                    ensure!(
                        value["checksum"].as_u64() == Some(expected),
                        "python checksum {} differs from {expected}",
                        value["checksum"]
                    );
                    value["seconds"]
                        .as_f64()
                        .ok_or_else(|| anyhow::anyhow!("no seconds"))
                })
                .tutorials_say("CPU-bound: 10 s either way"),
            );
        }
    }
    let group = Group {
        title: format!("CPU: checksum of {mib} MiB"),
        unit: Unit::Seconds,
        n: None,
    };
    measure(report, &group, settings.runs, contenders)?;
    let g = &group.title;
    add_ratio(
        report,
        g,
        "python, in the event loop",
        "rust, on the runtime thread",
    );
    add_ratio(
        report,
        g,
        "rust, on the runtime thread",
        "rust, rayon over all cores",
    );
    Ok(())
}

/// Workload 4: channel throughput and uncontended lock rate.
pub fn coord(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    let n: u64 = match settings.size {
        Size::Full => 1_000_000,
        Size::Smoke => 10_000,
    };
    let multi = tokio::runtime::Runtime::new()?;
    let current = tokio::runtime::Builder::new_current_thread().build()?;
    let expected = n * (n - 1) / 2;
    let rate = |secs: f64| n as f64 / secs;
    let sum_ok = |sum: u64| {
        ensure!(
            sum == expected,
            "sum {sum}, expected {expected}: lost messages"
        );
        Ok(())
    };
    let mut channel = vec![
        Contender::new(
            "rust tokio mpsc(1024), multi-thread",
            Lang::Rust,
            || {
                time(|| sum_ok(multi.block_on(coord::channel_sum(n, 1024))))
                    .map(rate)
            },
        ),
        Contender::new(
            "rust tokio mpsc(1024), current-thread",
            Lang::Rust,
            || {
                time(|| sum_ok(current.block_on(coord::channel_sum(n, 1024))))
                    .map(rate)
            },
        ),
    ];
    let count_ok = |count: u64| {
        ensure!(count == n, "counted {count}, expected {n}");
        Ok(())
    };
    let mut locks = vec![
        Contender::new("rust std::sync::Mutex", Lang::Rust, || {
            time(|| count_ok(coord::std_mutex_rounds(n))).map(rate)
        }),
        Contender::new("rust tokio::sync::Mutex", Lang::Rust, || {
            time(|| count_ok(current.block_on(coord::tokio_mutex_rounds(n))))
                .map(rate)
        }),
    ];
    if let Some(py) = &settings.python {
        let py_rate = move |mode: &str| {
            let args: Vec<String> =
                ["coord", "--n", &n.to_string(), "--mode", mode]
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
            move || py.number(&args, "seconds").map(rate)
        };
        channel.push(Contender::new(
            "python asyncio.Queue(1024) + uvloop",
            Lang::Python,
            py_rate("queue"),
        ));
        locks.push(Contender::new(
            "python threading.Lock",
            Lang::Python,
            py_rate("thread-lock"),
        ));
        locks.push(Contender::new(
            "python asyncio.Lock + uvloop",
            Lang::Python,
            py_rate("asyncio-lock"),
        ));
    }
    let title =
        format!("bounded channel, one producer, one consumer, {n} messages");
    let group = Group {
        title,
        unit: Unit::PerSecond,
        n: None,
    };
    measure(report, &group, settings.runs, channel)?;
    add_ratio(
        report,
        &group.title,
        "rust tokio mpsc(1024), current-thread",
        "python asyncio.Queue(1024) + uvloop",
    );
    let title = format!("lock and unlock, uncontended, {n} times");
    let group = Group {
        title,
        unit: Unit::PerSecond,
        n: None,
    };
    measure(report, &group, settings.runs, locks)?;
    add_ratio(
        report,
        &group.title,
        "rust tokio::sync::Mutex",
        "python asyncio.Lock + uvloop",
    );
    Ok(())
}
