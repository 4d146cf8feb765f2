//! `cargo run --release -p lesson-16-performance -- all`: every workload,
//! Rust (and Python with `--python`), as tables.
//!
//! Without a command it runs every workload at smoke size: a quick tour
//! that shows what the program does in a few seconds.

use std::path::{Path, PathBuf};

use anyhow::Context;
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::RangedU64ValueParser;
use clap::{Parser, Subcommand};
use lesson_16_performance::machine::Machine;
use lesson_16_performance::memory::Spawning;
use lesson_16_performance::python::Python;
use lesson_16_performance::report::{self, Report};
use lesson_16_performance::suite::{self, Settings, Size};
use lesson_16_performance::{chart, memory, server, targets};

mod tour;

// mimalloc instead of the system's malloc: tokio aligns every task to 128
// bytes, and glibc pays for such aligned blocks with padding it cannot
// reuse (about 470 resident bytes per sleeping task instead of 264).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Performance, measured: Rust and Python side by side on this machine.
#[derive(Debug, Parser)]
#[command(name = "lesson-16-performance", version, about)]
struct Cli {
    /// Rounds per contender: each figure is the median of this many runs.
    #[arg(long, default_value_t = 3, global = true)]
    runs: usize,

    /// Tiny sizes (CI): proves every workload works, measures nothing.
    #[arg(long, global = true)]
    smoke: bool,

    /// Run the Python side too (set it up once with `just bench-python`).
    #[arg(long, global = true)]
    python: bool,

    /// Also write the fan-out chart (SVG) here.
    #[arg(long, global = true)]
    chart: Option<PathBuf>,

    /// Also write the whole report as JSON here.
    #[arg(long, global = true)]
    json: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Every workload, then the targets.
    All,
    /// N requests to the test server, every way (workload 1).
    Fanout {
        /// Request counts, e.g. `--n 100,1000` (each at least 1).
        #[arg(
            long,
            value_delimiter = ',',
            value_parser = RangedU64ValueParser::<usize>::new().range(1..)
        )]
        n: Vec<usize>,
    },
    /// Bytes per idle task and thread; a million sleeping tasks (2).
    Memory,
    /// CPU-bound work three ways (3).
    Cpu,
    /// Channel throughput and lock rate (4).
    Coord,
    /// Redraw the chart (`--chart FILE`) from a report saved with `--json`.
    Chart {
        /// The saved report.
        #[arg(long)]
        from: PathBuf,
    },
    /// Internal: the test server in this process, until killed.
    #[command(hide = true)]
    Serve {
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
    /// Internal: one memory probe in a fresh process, answered as JSON.
    #[command(hide = true)]
    Probe {
        #[command(subcommand)]
        what: Probe,
    },
}

#[derive(Debug, Subcommand)]
enum Probe {
    Tasks {
        #[arg(long)]
        n: usize,
        #[arg(long)]
        sleep_ms: u64,
        /// How to spawn and wait (the chapter's "where the time goes").
        #[arg(long, value_enum, default_value_t = Spawning::Tracked)]
        way: Spawning,
    },
    Threads {
        #[arg(long)]
        n: usize,
    },
}

fn main() -> ExitCode {
    lesson_16_performance::allocator::keep_freed_memory();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(mut cli: Cli) -> anyhow::Result<()> {
    let command = match cli.command.take() {
        Some(Command::Serve { port }) => return server::serve(port),
        Some(Command::Probe { what }) => return run_probe(what),
        Some(Command::Chart { from }) => return redraw_chart(&from, &cli),
        Some(command) => command,
        None => return tour(&cli),
    };
    let size = if cli.smoke { Size::Smoke } else { Size::Full };
    benchmark(command, size, &cli)?;
    println!("\n{}", tour::peak_memory_line());
    Ok(())
}

/// No command: every workload at smoke size, then `try_fold`.
fn tour(cli: &Cli) -> anyhow::Result<()> {
    println!(
        "A quick tour at smoke size. For real figures:\n  \
         cargo run --release -p lesson-16-performance -- all\n"
    );
    benchmark(Command::All, Size::Smoke, cli)?;
    tour::try_fold()?;
    println!("\n{}", tour::peak_memory_line());
    Ok(())
}

/// The `chart` command: the chart of a report saved with `--json`.
fn redraw_chart(from: &Path, cli: &Cli) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(from)
        .with_context(|| format!("cannot read {}", from.display()))?;
    let report: Report = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a report", from.display()))?;
    let path = cli
        .chart
        .as_deref()
        .context("where should the chart go? Add --chart FILE.svg")?;
    write_chart(&report, path)
}

/// Which workloads a command runs.
#[derive(Debug, Clone, Copy, Default)]
struct Workloads {
    fanout: bool,
    memory: bool,
    cpu: bool,
    coord: bool,
}

impl Workloads {
    /// The workloads of `command`; `fanout --n` also sets the counts.
    fn of(command: &Command, settings: &mut Settings) -> Workloads {
        let only = Workloads::default();
        match command {
            Command::All => Workloads {
                fanout: true,
                memory: true,
                cpu: true,
                coord: true,
            },
            Command::Fanout { n } => {
                if !n.is_empty() {
                    settings.fanout_ns.clone_from(n);
                }
                Workloads {
                    fanout: true,
                    ..only
                }
            }
            Command::Memory => Workloads {
                memory: true,
                ..only
            },
            Command::Cpu => Workloads { cpu: true, ..only },
            Command::Coord => Workloads {
                coord: true,
                ..only
            },
            Command::Serve { .. }
            | Command::Probe { .. }
            | Command::Chart { .. } => unreachable!("handled in run"),
        }
    }
}

/// Runs the workloads of `command`, then prints and saves the report.
fn benchmark(command: Command, size: Size, cli: &Cli) -> anyhow::Result<()> {
    if cfg!(debug_assertions) && size == Size::Full {
        eprintln!(
            "warning: a debug build; figures will be slow. Add --release."
        );
    }
    let python = cli.python.then(find_python).flatten();
    let open_files = server::raise_open_files();
    let mut report = Report::new(Machine::detect(
        python.as_ref().map(|p| p.version.clone()),
    ));
    if cli.python && python.is_none() {
        report.notes.push(
            "--python given but the Python side is not set up: \
             run `just bench-python`"
                .into(),
        );
    }
    let mut settings = Settings::new(cli.runs, size, python);
    let workloads = Workloads::of(&command, &mut settings);
    if workloads.fanout {
        fanout(&settings, &mut report, open_files)?;
    }
    if workloads.memory {
        let found = suite::memory(&settings, &mut report)?;
        report.targets.extend(targets::memory(&found));
        suite::spawning(&settings, &mut report)?;
    }
    if workloads.cpu {
        suite::cpu(&settings, &mut report)?;
    }
    if workloads.coord {
        suite::coord(&settings, &mut report)?;
    }
    println!("{}", report::render(&report));
    save(&report, cli)
}

/// The Python side, or `None` with the reason on stderr.
fn find_python() -> Option<Python> {
    Python::find()
        .inspect_err(|why| eprintln!("Python side skipped: {why:#}"))
        .ok()
}

/// Workload 1 against the test server in its own process, and its targets.
fn fanout(
    settings: &Settings,
    report: &mut Report,
    open_files: u64,
) -> anyhow::Result<()> {
    let server = server::ServerProcess::start()?;
    report.notes.push(format!(
        "server: {} at {}, its own process; open-files limit {}",
        server.program,
        server.base_url(),
        open_files
    ));
    let runtime = tokio::runtime::Runtime::new()?;
    let found = suite::fanout(settings, report, &runtime, server.base_url())?;
    report.targets.extend(targets::fanout(&found));
    Ok(())
}

/// Writes the chart and the JSON report where the flags say.
fn save(report: &Report, cli: &Cli) -> anyhow::Result<()> {
    if let Some(path) = &cli.chart {
        write_chart(report, path)?;
    }
    if let Some(path) = &cli.json {
        std::fs::write(path, serde_json::to_string_pretty(report)?)?;
        println!("report written to {}", path.display());
    }
    Ok(())
}

/// Draws the fan-out chart into `path`.
fn write_chart(report: &Report, path: &Path) -> anyhow::Result<()> {
    let lines = chart::series(report, "fan-out");
    let ideal = chart::ideal(report, "fan-out");
    // The lowest ideal is one delay: every request in flight at once.
    let delay = ideal.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let title = match delay.is_finite() {
        true => format!("N requests, {:.0} ms each", delay * 1e3),
        false => "N requests".to_owned(),
    };
    let svg = chart::render_svg(&title, &lines, &ideal)?;
    std::fs::write(path, svg)
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!("\nchart written to {}", path.display());
    Ok(())
}

/// The hidden `probe` command: one measurement, one JSON line.
fn run_probe(what: Probe) -> anyhow::Result<()> {
    let json = match what {
        Probe::Tasks { n, sleep_ms, way } => {
            let sleep = Duration::from_millis(sleep_ms);
            serde_json::to_string(&memory::task_probe(n, sleep, way)?)?
        }
        Probe::Threads { n } => {
            serde_json::to_string(&memory::idle_threads(n)?)?
        }
    };
    println!("{json}");
    Ok(())
}
