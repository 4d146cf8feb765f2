//! Facts about the machine a benchmark ran on: a figure without them means
//! little to anyone else.

use std::process::Command;

use serde::{Deserialize, Serialize};

/// CPU, cores, OS and tool versions, as printed above the tables.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub os: String,
    pub rustc: String,
    pub python: Option<String>,
    pub date: String,
    /// At the start of the run.
    #[serde(default)]
    pub load: Option<[f64; 3]>,
    /// The test server's listen backlog and the kernel's ceiling on it.
    #[serde(default)]
    pub backlog: Option<String>,
}

impl Machine {
    /// Reads `/proc` and asks `rustc` and `date`; anything it cannot find
    /// says "unknown" rather than failing the benchmark.
    pub fn detect(python: Option<String>) -> Machine {
        let cpuinfo =
            std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_else(|| "unknown".to_owned());
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let os = format!(
            "{} (kernel {})",
            os_name(),
            read_trimmed("/proc/sys/kernel/osrelease")
        );
        Machine {
            cpu,
            cores,
            os,
            rustc: command_line("rustc", &["--version"]),
            python,
            date: command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
            load: load_average(),
            backlog: Some(describe_backlog()),
        }
    }

    /// The facts as a few lines for the top of the report.
    pub fn describe(&self) -> String {
        let python = self.python.as_deref().unwrap_or("not used");
        format!(
            "machine: {}, {} cores\nos:      {}\nrustc:   {}\n\
             python:  {python}\ndate:    {}\nload:    {}\n\
             listen:  {}",
            self.cpu,
            self.cores,
            self.os,
            self.rustc,
            self.date,
            describe_load(self.load, self.cores),
            self.backlog.as_deref().unwrap_or("unknown"),
        )
    }
}

/// The server's listen backlog beside the kernel's ceiling: a backlog
/// below the number of clients connecting at once drops handshakes.
fn describe_backlog() -> String {
    let ceiling = test_server::somaxconn()
        .map_or_else(|| "unknown".to_owned(), |max| max.to_string());
    format!(
        "backlog {} (net.core.somaxconn {ceiling}; tokio's default 1024)",
        test_server::listen_backlog()
    )
}

// ANCHOR: load_average
/// The load average over 1, 5 and 15 minutes, from `/proc/loadavg`
/// (Linux): how many threads, on average, were running or waiting for a
/// core. On 2 cores a load of 2 keeps both busy; above that, threads wait
/// for a core, and timings include the wait.
pub fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let mut fields = text.split_whitespace().map(|v| v.parse().ok());
    Some([fields.next()??, fields.next()??, fields.next()??])
}
// ANCHOR_END: load_average

/// `0.52, 0.61, 0.70 (1, 5, 15 min; 2 cores)`.
pub fn describe_load(load: Option<[f64; 3]>, cores: usize) -> String {
    match load {
        Some([one, five, fifteen]) => format!(
            "{one:.2}, {five:.2}, {fifteen:.2} (1, 5, 15 min; {cores} cores)"
        ),
        None => "unknown (no /proc/loadavg)".to_owned(),
    }
}

fn os_name() -> String {
    let text = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim_matches('"').to_owned())
        .unwrap_or_else(|| std::env::consts::OS.to_owned())
}

fn read_trimmed(path: &str) -> String {
    std::fs::read_to_string(path)
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|_| "unknown".to_owned())
}

/// The first line a command prints, or "unknown".
pub fn command_line(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| {
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.lines().next().map(str::to_owned)
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
