//! A tiny course in a temporary folder for the tests that run the `course`
//! binary: one lesson crate with no dependencies (it builds in seconds),
//! one draft lesson, and one exercise whose stub fails until it is solved,
//! with two known-wrong answers.

// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::Command;

pub const HINT: &str = "Doubling is one arithmetic operation.";
pub const MORE: &str = "Return `x * 2`; the tests call it with 21.";

pub const COURSE_TOML: &str = r#"
[[lesson]]
number = "01"
slug = "demo"
title = "A demo lesson"
ready = true

[[lesson]]
number = "02"
slug = "later"
title = "Not written yet"
ready = false

[[exercise]]
id = "01-double"
lesson = "01"
level = "warm-up"
title = "Double a number"
hint = "Doubling is one arithmetic operation."
more = "Return `x * 2`; the tests call it with 21."
time_limit_secs = 1
"#;

pub const STUB: &str = "pub fn double(x: u32) -> u32 {\n    todo!(\"double x\")\n}\n";
pub const SOLUTION: &str = "pub fn double(x: u32) -> u32 {\n    x * 2\n}\n";

/// Two known-wrong answers, each failing with a message that names it.
pub const WRONG_PLUS: &str = "//! Wrong answer: adds two instead of doubling\n//! Expect: doubling means times two\npub fn double(x: u32) -> u32 {\n    x + 2\n}\n";
pub const WRONG_SQUARE: &str = "//! Wrong answer: squares\n//! Expect: double(21) gave 441\npub fn double(x: u32) -> u32 {\n    x * x\n}\n";

pub const TESTS: &str = r#"
// Written out by hand here; kit's macro would be given
// `exercise: double, id: "01-double"`.
mod double {
    mod stub {
        use lesson_01_demo::exercises::double as subject;

        #[test]
        #[ignore = "exercise: check it with `cargo run -p course -- check 01-double`"]
        fn doubles() {
            let got = subject::double(21);
            assert_eq!(got, 42, "double(21) gave {got}: doubling means times two");
        }
    }
    mod solution {
        use lesson_01_demo::solutions::double as subject;

        #[test]
        fn doubles() {
            let got = subject::double(21);
            assert_eq!(got, 42, "double(21) gave {got}: doubling means times two");
        }
    }
}
"#;

pub fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn git(root: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(root)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes the course into `root`, an empty folder, and commits it to a
/// new git repository there (`reset` restores stubs from git).
pub fn make(root: &Path) {
    assert!(COURSE_TOML.contains(HINT) && COURSE_TOML.contains(MORE));
    write(
        root,
        "Cargo.toml",
        "[workspace]\nresolver = \"3\"\nmembers = [\"lessons/*\"]\n",
    );
    write(root, "course.toml", COURSE_TOML);
    write(root, ".gitignore", "/target\n/.course-state\n*.rs.backup\n");
    write(
        root,
        "lessons/01-demo/Cargo.toml",
        "[package]\nname = \"lesson-01-demo\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n",
    );
    write(
        root,
        "lessons/01-demo/src/lib.rs",
        "#[allow(unused_variables)]\npub mod exercises;\npub mod solutions;\n",
    );
    write(
        root,
        "lessons/01-demo/src/exercises.rs",
        "pub mod double;\n",
    );
    write(
        root,
        "lessons/01-demo/src/solutions.rs",
        "pub mod double;\n",
    );
    write(root, "lessons/01-demo/src/exercises/double.rs", STUB);
    write(root, "lessons/01-demo/src/solutions/double.rs", SOLUTION);
    write(root, "lessons/01-demo/tests/exercises.rs", TESTS);
    write(
        root,
        "lessons/01-demo/tests/wrong/double/plus_two.rs",
        WRONG_PLUS,
    );
    write(
        root,
        "lessons/01-demo/tests/wrong/double/square.rs",
        WRONG_SQUARE,
    );
    write(
        root,
        "book/src/01-demo.md",
        "# Demo\n\n### Exercise 01-double\n\nRun `cargo run -p course -- check 01-double`.\n",
    );
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "course"]);
}

/// The `course` binary on `root`, building into the course's own target
/// folder, without colour.
pub fn course(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_course"));
    command
        .arg("--root")
        .arg(root)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env("NO_COLOR", "1")
        .env_remove("RUSTFLAGS");
    command
}
