//! A tiny course in a temporary folder for the tests that run the `course`
//! binary: one lesson crate with no dependencies (it builds in seconds) and
//! one exercise whose stub fails until it is solved.

use std::fs;
use std::path::Path;
use std::process::Command;

pub const HINT: &str = "Doubling is one arithmetic operation.";
pub const MORE: &str = "Return `x * 2`; the tests call it with 21.";

const COURSE_TOML: &str = r#"
[[lesson]]
number = "01"
slug = "demo"
title = "A demo lesson"
ready = true

[[exercise]]
id = "01-double"
lesson = "01"
level = "warm-up"
title = "Double a number"
hint = "Doubling is one arithmetic operation."
more = "Return `x * 2`; the tests call it with 21."
time_limit_secs = 30
"#;

const STUB: &str = "pub fn double(x: u32) -> u32 {\n    todo!(\"double x\")\n}\n";
const SOLUTION: &str = "pub fn double(x: u32) -> u32 {\n    x * 2\n}\n";

const TESTS: &str = r#"
mod double {
    mod stub {
        use lesson_01_demo::exercises::double as subject;

        #[test]
        #[ignore = "exercise: check it with `cargo run -p course -- check 01-double`"]
        fn doubles() {
            assert_eq!(subject::double(21), 42);
        }
    }
    mod solution {
        use lesson_01_demo::solutions::double as subject;

        #[test]
        fn doubles() {
            assert_eq!(subject::double(21), 42);
        }
    }
}
"#;

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Writes the course into `root`, an empty folder.
pub fn make(root: &Path) {
    assert!(COURSE_TOML.contains(HINT) && COURSE_TOML.contains(MORE));
    write(
        root,
        "Cargo.toml",
        "[workspace]\nresolver = \"3\"\nmembers = [\"lessons/*\"]\n",
    );
    write(root, "course.toml", COURSE_TOML);
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
