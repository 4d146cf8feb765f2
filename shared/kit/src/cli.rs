//! A lesson program's command line: its error in one line, and the checks
//! every lesson's `tests/cli.rs` makes of it.

use std::error::Error;
use std::process::{Command, Output};

/// An error and its causes on one line, each said once: database and
/// broker clients often repeat their source in their own message. Pass an
/// `anyhow::Error` as `error.as_ref()`.
pub fn one_line(error: &(dyn Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text = format!("{text}: {cause_text}");
        }
        source = cause.source();
    }
    text
}

fn run(program: &str, arg: &str) -> Output {
    Command::new(program)
        .arg(arg)
        .output()
        .expect("the lesson's program starts")
}

/// `program --help` exits 0 and names `topic` (in any case).
#[track_caller]
pub fn assert_help_names(program: &str, topic: &str) {
    let out = run(program, "--help");
    let help = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{help}");
    let named = help.to_lowercase().contains(&topic.to_lowercase());
    assert!(named, "--help should name {topic:?}: {help}");
}

/// `program --bogus` is clap's usage error: exit 2, the argument named,
/// and nothing on stdout (the tour did not run).
#[track_caller]
pub fn assert_unknown_argument_refused(program: &str) {
    let out = run(program, "--bogus");
    let error = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{error}");
    assert!(error.contains("unexpected argument '--bogus'"), "{error}");
    assert!(out.stdout.is_empty(), "the tour must not run");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Wrapped(&'static str, Option<Box<Wrapped>>);

    impl std::fmt::Display for Wrapped {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl Error for Wrapped {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            self.1.as_deref().map(|e| e as _)
        }
    }

    #[test]
    fn one_line_says_each_cause_once() {
        let root = Wrapped("connection refused", None);
        let repeats = Wrapped("cannot connect: connection refused", Some(Box::new(root)));
        let top = Wrapped("cannot reach the broker", Some(Box::new(repeats)));
        assert_eq!(
            one_line(&top),
            "cannot reach the broker: cannot connect: connection refused"
        );
    }
}
