//! The Python side: `python/bench.py` run from the venv that
//! `just bench-python` makes, one workload per call, answering one line of
//! JSON. Without the venv (or python3, or its packages) the Rust side runs
//! alone and the report says why.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::Value;

/// The folder with `bench.py` and `.venv` (this lesson's `python/`).
pub fn python_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("python")
}

/// A Python interpreter that has the benchmark's packages.
#[derive(Debug, Clone)]
pub struct Python {
    pub program: PathBuf,
    pub version: String,
}

impl Python {
    /// Finds the venv's interpreter (or `$BENCH_PYTHON`) and checks that it
    /// imports aiohttp, uvloop and requests. The error says what is missing
    /// and how to set it up.
    pub fn find() -> anyhow::Result<Python> {
        let program = match std::env::var_os("BENCH_PYTHON") {
            Some(p) => PathBuf::from(p),
            None => python_dir().join(".venv/bin/python"),
        };
        if !program.exists() {
            bail!(
                "no Python venv at {} (run `just bench-python` to make it)",
                program.display()
            );
        }
        let check = Command::new(&program)
            .args([
                "-c",
                "import aiohttp, uvloop, requests, sys; \
                          print(sys.version.split()[0])",
            ])
            .output()
            .with_context(|| format!("cannot run {}", program.display()))?;
        if !check.status.success() {
            bail!(
                "{} lacks aiohttp, uvloop or requests \
                 (run `just bench-python`): {}",
                program.display(),
                String::from_utf8_lossy(&check.stderr).trim()
            );
        }
        let version = String::from_utf8_lossy(&check.stdout).trim().to_owned();
        Ok(Python {
            program,
            version: format!("Python {version}"),
        })
    }

    /// Runs `bench.py ARGS...` and returns the JSON it printed last.
    pub fn run(&self, args: &[String]) -> anyhow::Result<Value> {
        let out = Command::new(&self.program)
            .arg(python_dir().join("bench.py"))
            .args(args)
            .output()
            .context("cannot start the Python benchmark")?;
        if !out.status.success() {
            bail!(
                "bench.py {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text.lines().last().unwrap_or_default();
        serde_json::from_str(line)
            .with_context(|| format!("bench.py printed {line:?}, not JSON"))
    }

    /// Runs `bench.py` and reads one number field of its answer.
    pub fn number(&self, args: &[String], field: &str) -> anyhow::Result<f64> {
        let value = self.run(args)?;
        value[field].as_f64().with_context(|| {
            format!("bench.py answered {value} without {field}")
        })
    }
}
