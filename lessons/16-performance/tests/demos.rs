//! The benchmark program itself, at smoke size (what CI runs): it prints
//! the tables and exits 0; bad input gets a clear error, not a panic.

use std::process::Command;

fn program() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lesson-16-performance"))
}

#[test]
fn smoke_all_prints_every_table_and_saves_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    let svg = dir.path().join("chart.svg");
    let out = program()
        .args(["--smoke", "--runs", "1", "all", "--json"])
        .arg(&json)
        .arg("--chart")
        .arg(&svg)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}\n{text}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    for heading in [
        "### fan-out: 10 requests, 10 ms each",
        "rust async, unlimited, h2c",
        "rust sequential, blocking",
        "### memory: one idle task or thread",
        "### 10000 tasks sleeping 50 ms: wall time",
        "### CPU: checksum of 1 MiB",
        "### bounded channel",
        "### lock and unlock",
        "machine: ",
        "load:    ",
        "load average as these runs ended: ",
        "peak resident memory of this process (VmHWM): ",
    ] {
        assert!(text.contains(heading), "no {heading:?} in:\n{text}");
    }
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));

    // The saved report redraws the chart.
    let again = dir.path().join("again.svg");
    let out = program()
        .args(["chart", "--from"])
        .arg(&json)
        .arg("--chart")
        .arg(&again)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(again.exists());
}

#[test]
fn python_without_its_venv_is_skipped_with_a_reason() {
    let out = program()
        .args(["--smoke", "--runs", "1", "--python", "coord"])
        .env("BENCH_PYTHON", "/nonexistent/python")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Python side skipped"), "{err}");
    assert!(err.contains("just bench-python"), "{err}");
}

#[test]
fn a_missing_report_is_a_clear_error() {
    let out = program()
        .args(["chart", "--from", "/nonexistent/report.json"])
        .args(["--chart", "/nonexistent/chart.svg"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error: cannot read /nonexistent/report.json"),
        "{err}"
    );
}

#[test]
fn bad_input_is_a_clear_error() {
    let out = program().args(["fanout", "--n", "ten"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value 'ten'"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn zero_requests_is_refused() {
    let out = program().args(["fanout", "--n", "10,0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value '0' for '--n <N>'"), "{err}");
    assert!(err.contains("0 is not in 1.."), "{err}");
}
