//! The `test-server` binary: arguments, errors, start-up line, Ctrl-C.

use std::net::TcpListener;
use std::process::{Output, Stdio};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const BIN: &str = env!("CARGO_BIN_EXE_test-server");

/// Runs the binary to completion with `args`.
async fn run(args: &[&str]) -> Output {
    let run = Command::new(BIN).args(args).kill_on_drop(true).output();
    tokio::time::timeout(Duration::from_secs(60), run)
        .await
        .expect("test-server did not exit")
        .expect("cannot run test-server")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test]
async fn a_port_that_is_not_a_number_is_a_clear_error() {
    let output = run(&["--port", "abc"]).await;
    assert!(!output.status.success());
    let stderr = stderr(&output);
    assert!(
        stderr.contains("invalid value 'abc' for '--port"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[tokio::test]
async fn a_port_out_of_range_is_a_clear_error() {
    let output = run(&["--port", "70000"]).await;
    assert!(!output.status.success());
    let stderr = stderr(&output);
    assert!(stderr.contains("70000"), "{stderr}");
    assert!(stderr.contains("65535"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[tokio::test]
async fn a_bad_host_is_a_clear_error() {
    let output = run(&["--host", "not-an-ip"]).await;
    assert!(!output.status.success());
    let stderr = stderr(&output);
    assert!(
        stderr.contains("invalid value 'not-an-ip' for '--host"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[tokio::test]
async fn a_port_in_use_is_a_one_line_error_and_exit_code_1() {
    // Hold the port for the whole run.
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = run(&["--port", &port.to_string()]).await;
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!("error: cannot listen on 127.0.0.1:{port}: Address already in use\n")
    );
    assert!(output.stdout.is_empty());
    drop(taken);
}

/// Spawns the server and returns it with the base URL from its first line.
async fn spawn_server() -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("cannot run test-server");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let line = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
        .await
        .expect("no start-up line within 60 s")
        .unwrap()
        .expect("stdout closed before the start-up line");
    let rest = line
        .strip_prefix("test server listening on ")
        .unwrap_or_else(|| panic!("unexpected start-up line {line:?}"));
    let url = rest
        .strip_suffix("  (Ctrl-C to stop)")
        .unwrap_or_else(|| panic!("unexpected start-up line {line:?}"));
    assert!(url.starts_with("http://127.0.0.1:"), "{line:?}");
    (child, url.to_owned())
}

#[tokio::test]
async fn a_normal_start_prints_the_url_and_serves_it() {
    let (mut child, url) = spawn_server().await;
    let response = reqwest::get(format!("{url}/users/ferris")).await.unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["greeting"], "hello, ferris");
    child.kill().await.unwrap();
}

#[cfg(unix)]
#[tokio::test]
async fn ctrl_c_stops_it_cleanly() {
    let (mut child, _url) = spawn_server().await;
    let pid = child.id().expect("the child is running").to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .await
        .expect("cannot run kill");
    assert!(sent.success());
    let status = tokio::time::timeout(Duration::from_secs(60), child.wait())
        .await
        .expect("test-server did not stop on Ctrl-C")
        .unwrap();
    assert!(status.success(), "exit status {status}");
}
