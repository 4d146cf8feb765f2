//! The workloads as the program runs them: which contenders, at which
//! sizes, with which ideal and which quote from the Python tutorials. Each
//! workload hands back what it measured, and [`crate::targets`] judges
//! those values.

mod compute;
mod fanout;
mod memory;
mod spawning;

use std::fmt::Display;
use std::time::Duration;

use anyhow::ensure;

use crate::python::Python;

pub use compute::{coord, cpu};
pub use fanout::{FanoutAt, FanoutFound, fanout};
pub use memory::{MemoryFound, memory};
pub use spawning::spawning;

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

    /// The server's delay per request.
    pub fn delay(&self) -> Duration {
        match self.size {
            Size::Full => Duration::from_millis(100),
            Size::Smoke => Duration::from_millis(10),
        }
    }
}

/// A command line for `bench.py` or this program's `probe`:
/// `args("cpu", &[("mib", &8), ("mode", &"loop")])` is
/// `cpu --mib 8 --mode loop`.
pub fn args(command: &str, options: &[(&str, &dyn Display)]) -> Vec<String> {
    let mut out = vec![command.to_owned()];
    for (name, value) in options {
        out.push(format!("--{name}"));
        out.push(value.to_string());
    }
    out
}

/// Reads one number field of a JSON answer, or says it is missing.
fn number(value: &serde_json::Value, field: &str) -> anyhow::Result<f64> {
    value[field]
        .as_f64()
        .ok_or_else(|| anyhow::anyhow!("the answer {value} has no {field}"))
}

/// Runs this program's hidden `probe` command in a fresh process and reads
/// its JSON answer.
fn probe<T: serde::de::DeserializeOwned>(args: &[String]) -> anyhow::Result<T> {
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
