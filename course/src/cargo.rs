//! Running cargo and test binaries, and reading libtest's per-test lines.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use serde::Deserialize;

/// The cargo to run: the one that launched us (`CARGO` is set by `cargo
/// run`), so the learner's toolchain choice carries through; else `cargo`.
pub fn program() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// A cargo command run in the course root.
pub fn command(root: &Path) -> Command {
    let mut cmd = Command::new(program());
    cmd.current_dir(root);
    // A failing exercise should show its panic message, not a page of
    // runtime frames; a learner who wants them can run cargo test directly.
    cmd.env("RUST_BACKTRACE", "0");
    cmd
}

fn spawn_error(e: io::Error) -> anyhow::Error {
    anyhow!("could not run cargo: {e}")
}

/// How one test ended, as libtest reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestStatus {
    Passed,
    Failed,
    Ignored,
}

/// One `test NAME ... RESULT` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    pub name: String,
    pub status: TestStatus,
}

/// Parses one line of libtest's default output, e.g.
/// `test timed::stub::measures ... FAILED` or
/// `test timed::stub::measures ... ignored, exercise: check it with ...`.
/// Colour codes are ignored; other lines give `None`.
pub fn parse_result_line(line: &str) -> Option<TestResult> {
    let line = strip_ansi(line);
    let rest = line.trim_end().strip_prefix("test ")?;
    let (name, result) = rest.split_once(" ... ")?;
    // `#[should_panic]` tests read `test name - should panic ... ok`.
    let name = name.strip_suffix(" - should panic").unwrap_or(name).trim();
    let word = result.split([',', ' ']).next().unwrap_or_default();
    let status = match word {
        "ok" => TestStatus::Passed,
        "FAILED" => TestStatus::Failed,
        "ignored" => TestStatus::Ignored,
        _ => return None,
    };
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    Some(TestResult {
        name: name.to_owned(),
        status,
    })
}

/// Every per-test result line in `output`.
pub fn parse_results(output: &str) -> Vec<TestResult> {
    output.lines().filter_map(parse_result_line).collect()
}

/// A failing test and what it said: libtest's `---- NAME stdout ----`
/// section, with the backtrace note dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub name: String,
    /// The panic message (and anything the test printed), trimmed.
    pub message: String,
    /// `file:line:col` of the panic, when libtest names it.
    pub location: Option<String>,
    /// The innermost frame of the backtrace in the learner's own file
    /// (`src/exercises/…`), when the run printed a backtrace.
    pub learner_frame: Option<String>,
}

/// Every failure section of libtest's output, in order.
pub fn parse_failures(output: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    let mut finish = |current: &mut Option<(String, Vec<String>)>| {
        if let Some((name, lines)) = current.take() {
            failures.push(failure(name, &lines));
        }
    };
    for line in output.lines().map(strip_ansi) {
        let header = line
            .strip_prefix("---- ")
            .and_then(|rest| rest.strip_suffix(" stdout ----"));
        if let Some(name) = header {
            finish(&mut current);
            current = Some((name.to_owned(), Vec::new()));
        } else if line == "failures:" || line.starts_with("test result: ") {
            // The summary list after the sections, or the end of the run.
            finish(&mut current);
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    finish(&mut current);
    failures
}

fn failure(name: String, lines: &[String]) -> Failure {
    // Other threads may have panicked first (a spawned task, a library the
    // test deliberately drives into an error), and the code under test may
    // have printed: what the learner needs is the test's own verdict, so
    // keep only what follows the test thread's panic when there is one.
    let own_panic = format!("thread '{name}'");
    let start = lines
        .iter()
        .rposition(|l| l.starts_with(&own_panic) && l.contains(" panicked at "))
        .unwrap_or(0);
    let mut location = None;
    let mut learner_frame = None;
    let mut message = Vec::new();
    let mut in_backtrace = false;
    for line in &lines[start..] {
        if line.starts_with("note: run with `RUST_BACKTRACE")
            || line.starts_with("note: Some details are omitted")
        {
            continue;
        }
        // A backtrace is not for the learner to read, but its innermost
        // frame in their own file says where their code called the
        // library that panicked.
        if line == "stack backtrace:" {
            in_backtrace = true;
            continue;
        }
        if in_backtrace {
            let frame = line.trim_start().strip_prefix("at ");
            if let Some(at) = frame.filter(|at| at.contains("src/exercises/")) {
                learner_frame.get_or_insert_with(|| at.trim_start_matches("./").to_owned());
            }
            let still_frames = line.starts_with(' ') || line.is_empty();
            if still_frames {
                continue;
            }
            in_backtrace = false;
        }
        // `thread 'NAME' (ID) panicked at FILE:LINE:COL:` — keep the place.
        // (Older toolchains print no thread id.)
        if let Some(at) = line
            .strip_prefix("thread '")
            .and_then(|rest| rest.split_once(" panicked at "))
            .map(|(_, at)| at.trim_end_matches(':'))
        {
            location = Some(at.to_owned());
            continue;
        }
        message.push(line.as_str());
    }
    Failure {
        name,
        message: message.join("\n").trim().to_owned(),
        location,
        learner_frame,
    }
}

/// `text` without ANSI escape sequences (`ESC [ ... letter`).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        if chars.next() == Some('[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        }
    }
    out
}

/// Runs `cmd` with stderr passed through and stdout copied through as it
/// arrives (so the learner sees progress live) and also kept, to read the
/// per-test results from it afterwards.
pub fn run_streaming(cmd: &mut Command) -> Result<(ExitStatus, Vec<TestResult>)> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(spawn_error)?;
    let mut pipe = child.stdout.take().expect("stdout is piped");
    let mut kept = Vec::new();
    let mut buf = [0; 8192];
    let mut out = io::stdout();
    loop {
        let n = match pipe.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e).context("could not read cargo's output"),
        };
        kept.extend_from_slice(&buf[..n]);
        // The learner closing our stdout (`| head`) must not stop the run.
        let _ = out.write_all(&buf[..n]).and_then(|()| out.flush());
    }
    let status = child.wait().context("could not wait for cargo")?;
    Ok((status, parse_results(&String::from_utf8_lossy(&kept))))
}

/// The output of a command run with its output captured.
#[derive(Debug)]
pub struct Captured {
    /// `None` if it was killed for running past its time limit.
    pub status: Option<ExitStatus>,
    pub stdout: String,
    pub stderr: String,
}

impl Captured {
    pub fn success(&self) -> bool {
        self.status.is_some_and(|s| s.success())
    }
}

/// Runs `cmd` with its output captured, killing it after `timeout`.
/// `what` names the program in a spawn error.
#[expect(
    clippy::disallowed_methods,
    reason = "the runner is a plain program with no tokio clock"
)]
pub fn run_captured(cmd: &mut Command, what: &str, timeout: Option<Duration>) -> Result<Captured> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| anyhow!("could not run {what}: {e}"))?;
    // Read both pipes at once so neither can fill up and stall the child.
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().expect("stdout is piped")));
    let stderr = read_all(Box::new(child.stderr.take().expect("stderr is piped")));

    let deadline = timeout.map(|t| Instant::now() + t);
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .context("could not wait for a child process")?
        {
            break Some(status);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    Ok(Captured {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// The result of building a lesson's `tests/exercises.rs`.
#[derive(Debug)]
pub enum Build {
    /// The test binary.
    Built(PathBuf),
    /// The build failed; cargo's rendered diagnostics.
    Failed(String),
}

/// Builds the `exercises` test target of `package` without running it, and
/// returns the test binary, which the caller can then run with a time limit
/// (killing `cargo test` would leave the test binary running).
pub fn build_exercise_tests(root: &Path, package: &str) -> Result<Build> {
    #[derive(Deserialize)]
    struct Message {
        reason: String,
        #[serde(default)]
        target: Option<Target>,
        #[serde(default)]
        executable: Option<PathBuf>,
    }
    #[derive(Deserialize)]
    struct Target {
        name: String,
    }

    let mut cmd = command(root);
    cmd.args(["test", "-p", package, "--test", "exercises", "--no-run"])
        .arg("--message-format=json-render-diagnostics");
    let out = run_captured(&mut cmd, "cargo", None)?;
    if !out.success() {
        return Ok(Build::Failed(out.stderr));
    }
    let executable = out
        .stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Message>(line).ok())
        .filter(|m| m.reason == "compiler-artifact")
        .filter(|m| m.target.as_ref().is_some_and(|t| t.name == "exercises"))
        .find_map(|m| m.executable);
    match executable {
        Some(path) => Ok(Build::Built(path)),
        None => Ok(Build::Failed(format!(
            "cargo built {package} but reported no `exercises` test binary\n{}",
            out.stderr
        ))),
    }
}
