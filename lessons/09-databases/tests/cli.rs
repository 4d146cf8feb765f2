//! The lesson program given bad input: a clear error and a non-zero exit,
//! never a panic. No server is needed: the bad URLs fail before any demo.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lesson-09-databases"))
        .args(args)
        .env_remove("POSTGRES_URL")
        .env_remove("MYSQL_URL")
        .env_remove("REDIS_URL")
        .output()
        .expect("the lesson program runs")
}

fn fails_with(args: &[&str], code: i32, wanted: &str) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(stderr.contains(wanted), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
}

#[test]
fn a_url_of_the_wrong_kind_is_refused_by_name() {
    fails_with(
        &["--postgres", "mysql://root@127.0.0.1:3306/test"],
        1,
        "error: --postgres needs a PostgreSQL URL",
    );
    fails_with(
        &["--mysql", "not a url"],
        1,
        "error: --mysql needs a MariaDB",
    );
}

#[test]
fn an_unreachable_server_is_an_error_that_says_so() {
    // Port 9 is closed on this machine: connection refused.
    fails_with(
        &["--postgres", "postgres://postgres@127.0.0.1:9/test"],
        1,
        "error: cannot reach PostgreSQL at postgres://postgres@127.0.0.1:9",
    );
}

#[test]
fn a_hostile_user_name_is_only_a_wrong_user_name() {
    let url = "mysql://x'%3B%20DROP%20TABLE%20t%3B--:pw@127.0.0.1:9/test";
    let out = run(&["--mysql", url]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error: cannot reach MariaDB"), "{stderr}");
    assert!(stderr.contains(":***@"), "the password is hidden: {stderr}");
    assert!(!stderr.contains("pw@"), "{stderr}");
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    fails_with(&["--oracle", "x"], 2, "unexpected argument '--oracle'");
}
