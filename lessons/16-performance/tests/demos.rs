//! The benchmark program itself, at smoke size (what CI runs): it prints
//! the tables and exits 0; bad input gets a clear error, not a panic.

use std::process::Command;

fn program() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lesson-16-performance"))
}

#[test]
fn smoke_all_prints_every_table() {
    let out = program()
        .args(["--smoke", "--runs", "1", "all"])
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
        "### fan-out: 10 requests, 20 ms each",
        "rust async, unlimited, h2c",
        "rust sequential, blocking",
        "### memory: one idle task or thread",
        "### 10000 tasks sleeping 50 ms: wall time",
        "### CPU: checksum of 1 MiB",
        "### bounded channel",
        "### lock and unlock",
        "machine: ",
    ] {
        assert!(text.contains(heading), "no {heading:?} in:\n{text}");
    }
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
fn bad_input_is_a_clear_error() {
    let out = program().args(["fanout", "--n", "ten"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value 'ten'"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
