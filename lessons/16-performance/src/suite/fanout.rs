//! Workload 1 as the program runs it: N requests of `delay` each, every
//! way, Rust and Python, at each N of the settings.

use std::time::Duration;

use anyhow::ensure;
use tokio::runtime::Runtime;

use super::{Settings, args};
use crate::bench::{Contender, Group, Lineup, Slot, add_ratio, measure, time};
use crate::fanout::{self, Proto};
use crate::python::Python;
use crate::report::{Lang, Report, Unit};
use crate::settle;
use crate::stats::Samples;

/// The largest N for which the blocking and capped contenders still run:
/// beyond it they would take minutes and teach nothing new.
const SEQUENTIAL_MAX_N: usize = 100;
const POOL_MAX_N: usize = 1_000;
const CAPPED_MAX_N: usize = 1_000;
const POOL_THREADS: usize = 32;
const CAP: usize = 100;

/// What the fan-out measured: the delay, and the figures the targets read
/// at each N.
#[derive(Debug, Clone)]
pub struct FanoutFound {
    pub delay: Duration,
    pub at: Vec<FanoutAt>,
}

/// The unlimited Rust clients' seconds at one N, and aiohttp + uvloop ÷
/// each, round by round (`None` where a side did not run).
#[derive(Debug, Clone)]
pub struct FanoutAt {
    pub n: usize,
    pub http1: Option<Samples>,
    pub h2c: Option<Samples>,
    pub bare_h2c: Option<Samples>,
    pub aiohttp_over_http1: Option<Samples>,
    pub aiohttp_over_h2c: Option<Samples>,
    pub aiohttp_over_bare_h2c: Option<Samples>,
}

/// Workload 1: every N of the settings, one group each.
pub fn fanout(
    settings: &Settings,
    report: &mut Report,
    runtime: &Runtime,
    base_url: &str,
) -> anyhow::Result<FanoutFound> {
    let delay = settings.delay();
    let url = fanout::delay_url(base_url, delay);
    report.notes.push(format!(
        "between fan-out runs: the server closes every connection; a run \
         that opens {} connections or more first waits {:.1} s \
         (tcp_tw_reuse_delay), until the ports closed before may be used \
         again",
        settle::MANY_CONNECTIONS,
        settle::port_reuse_delay().as_secs_f64()
    ));
    let mut at = Vec::new();
    for &n in &settings.fanout_ns {
        at.push(fanout_at(settings, report, runtime, &url, n)?);
    }
    Ok(FanoutFound { delay, at })
}

/// One group: N requests, every contender, then the ratios.
fn fanout_at(
    settings: &Settings,
    report: &mut Report,
    runtime: &Runtime,
    url: &str,
    n: usize,
) -> anyhow::Result<FanoutAt> {
    let delay = settings.delay();
    let mut lineup = Lineup::default();
    let (http1, h2c, bare_h2c) =
        rust_contenders(&mut lineup, runtime, url, n, delay);
    let (aiohttp, uvloop) = match &settings.python {
        Some(py) => {
            let (a, u) = python_contenders(&mut lineup, py, url, n, delay);
            (Some(a), Some(u))
        }
        None => (None, None),
    };
    let group = Group {
        title: format!("fan-out: {n} requests, {} ms each", delay.as_millis()),
        unit: Unit::Seconds,
        n: Some(n),
    };
    let base = settle::base_of(url);
    lineup.settle_after_each(move || settle::wait_for_closed(&base));
    let overflows = fanout::listen_overflows();
    let m = measure(report, &group, settings.runs, lineup)?;
    note_overflows(report, &group, overflows);
    let mut over =
        |rust: Slot| add_ratio(report, &group, m.get(uvloop), m.get(rust));
    let found = FanoutAt {
        n,
        aiohttp_over_http1: over(http1),
        aiohttp_over_h2c: over(h2c),
        aiohttp_over_bare_h2c: over(bare_h2c),
        http1: m.samples(http1),
        h2c: m.samples(h2c),
        bare_h2c: m.samples(bare_h2c),
    };
    add_ratio(report, &group, m.get(aiohttp), m.get(uvloop));
    Ok(found)
}

/// Says how many handshakes the kernel dropped during the group, if any.
fn note_overflows(report: &mut Report, group: &Group, before: Option<u64>) {
    if let (Some(a), Some(b)) = (before, fanout::listen_overflows())
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
}

fn rust_async(proto: Proto, limit: Option<usize>) -> String {
    match limit {
        None => format!("rust async, unlimited, {}", proto.label()),
        Some(l) => format!("rust async, ≤{l} in flight, {}", proto.label()),
    }
}

/// The Rust contenders; returns the slots of the unlimited async ones:
/// reqwest over HTTP/1.1, over h2c, and bare hyper over h2c.
fn rust_contenders<'a>(
    lineup: &mut Lineup<'a>,
    runtime: &'a Runtime,
    url: &'a str,
    n: usize,
    delay: Duration,
) -> (Slot, Slot, Slot) {
    let secs = |in_flight| fanout::ideal(n, in_flight, delay).as_secs_f64();
    let quote = |says: &str| (n == 100).then(|| says.to_owned());
    if n <= SEQUENTIAL_MAX_N {
        let run =
            move || time(|| expect_n(fanout::sequential_blocking(url, n), n));
        let mut c =
            Contender::new("rust sequential, blocking", Lang::Rust, run)
                .ideal(secs(1));
        c.tutorials_say = quote("~50 s or ~100 s");
        lineup.add(c);
    }
    if n <= POOL_MAX_N {
        let name = format!("rust {POOL_THREADS} threads, blocking");
        let pool = move || fanout::thread_pool(url, n, POOL_THREADS);
        let run = move || time(|| expect_n(pool(), n));
        let mut c =
            Contender::new(name, Lang::Rust, run).ideal(secs(POOL_THREADS));
        c.tutorials_say = quote("threads: ~10 s");
        lineup.add(c);
    }
    let http1 = async_contenders(lineup, runtime, url, n, delay, Proto::Http1);
    let h2c = async_contenders(lineup, runtime, url, n, delay, Proto::Http2);
    let bare = move || {
        time(|| expect_n(runtime.block_on(fanout::fan_out_bare_h2(url, n)), n))
    };
    let name = "rust bare hyper, unlimited, h2c, one task";
    let bare =
        lineup.add(Contender::new(name, Lang::Rust, bare).ideal(secs(n)));
    (http1, h2c, bare)
}

/// reqwest over `proto`, unlimited and (up to `CAPPED_MAX_N`) capped;
/// returns the unlimited one's slot.
fn async_contenders<'a>(
    lineup: &mut Lineup<'a>,
    runtime: &'a Runtime,
    url: &'a str,
    n: usize,
    delay: Duration,
    proto: Proto,
) -> Slot {
    let contender = |limit: Option<usize>| {
        let cap = limit.unwrap_or(n);
        // Over HTTP/1.1 every request in flight has a connection of its own.
        let connections = if proto == Proto::Http1 { cap } else { 1 };
        let run = move || {
            settle::before_connecting(connections);
            let client = fanout::client(proto);
            time(|| {
                let ok =
                    runtime.block_on(fanout::fan_out(&client, url, n, cap));
                expect_n(ok, n)
            })
        };
        let ideal = fanout::ideal(n, cap, delay).as_secs_f64();
        Contender::new(rust_async(proto, limit), Lang::Rust, run).ideal(ideal)
    };
    let unlimited = lineup.add(contender(None));
    if n <= CAPPED_MAX_N {
        lineup.add(contender(Some(CAP)));
    }
    unlimited
}

/// The Python contenders; returns the slots of aiohttp and aiohttp +
/// uvloop, both unlimited.
fn python_contenders<'a>(
    lineup: &mut Lineup<'a>,
    py: &'a Python,
    url: &'a str,
    n: usize,
    delay: Duration,
) -> (Slot, Slot) {
    let mut add = |name: &str, mode: &'static str, in_flight: usize| {
        let args = args("fanout", &[("url", &url), ("n", &n), ("mode", &mode)]);
        let run = move || {
            // aiohttp, like reqwest over HTTP/1.1: a connection per request
            // in flight.
            settle::before_connecting(in_flight);
            py.number(&args, "seconds")
        };
        let ideal = fanout::ideal(n, in_flight, delay).as_secs_f64();
        let mut c = Contender::new(name, Lang::Python, run).ideal(ideal);
        if n == 100 {
            c.tutorials_say = match mode {
                "sequential" => Some("~50 s or ~100 s".into()),
                "threads" => Some("~10 s".into()),
                "aiohttp-uvloop" => Some("~2 s".into()),
                _ => None,
            };
        }
        lineup.add(c)
    };
    if n <= SEQUENTIAL_MAX_N {
        add("python requests, sequential", "sequential", 1);
    }
    if n <= POOL_MAX_N {
        add("python requests, 32 threads", "threads", POOL_THREADS);
    }
    let aiohttp = add("python aiohttp, unlimited", "aiohttp", n);
    let uvloop = add("python aiohttp + uvloop, unlimited", "aiohttp-uvloop", n);
    if n <= CAPPED_MAX_N {
        let name = "python aiohttp + uvloop, ≤100 in flight";
        add(name, "aiohttp-capped", CAP);
    }
    (aiohttp, uvloop)
}

fn expect_n(result: anyhow::Result<usize>, n: usize) -> anyhow::Result<()> {
    let ok = result?;
    ensure!(ok == n, "{ok} of {n} requests answered 200");
    Ok(())
}
