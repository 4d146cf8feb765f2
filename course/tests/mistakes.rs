//! Every known mistake of `course/mistakes.toml` is recognised in the real
//! output `check` reads: each entry has a wrong snippet under
//! `course/mistakes/` (the whole file a learner would write), and its
//! compiler errors or panic messages name that entry, and no other.
//!
//! The snippets need tokio, futures, axum and sqlx, which take minutes to
//! build from cold; so the tiny course lives at a fixed place in the
//! workspace's target folder with a target folder of its own, and files are
//! rewritten only when they change: a second run builds nothing but the
//! snippets. Only one test uses that folder.
//!
//! A `check` is a cargo run of its own, and cargo runs one at a time in a
//! target folder: so the snippets are built in one cargo run and their
//! tests run straight from the test binary, each read with the functions
//! `check` reads with; and three go through `course check` itself, as a
//! learner runs it (one that fails to compile, one that fails at run time
//! under a low open-files limit, and one that names no mistake).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use course::mistakes::{self, Mistake, table};
use serde_json::Value;

/// The snippet that makes no known mistake: its failure names none.
const NOT_A_MISTAKE: &str = "wrong-sum";

/// The lesson that holds every snippet that compiles (and fails at run time).
const RUNTIME_LESSON: &str = "50";

/// One file of `course/mistakes/`.
#[derive(Debug)]
struct Snippet {
    /// The file's stem: the entry's id.
    id: String,
    code: String,
    /// The test's body (`//! Test: …`); `None` if it must fail to compile.
    test: Option<String>,
    /// The open-files limit to check it under (`//! Under: ulimit -n N`).
    ulimit: Option<u32>,
}

impl Snippet {
    fn module(&self) -> String {
        self.id.replace('-', "_")
    }
}

fn header<'a>(code: &'a str, key: &str) -> Option<&'a str> {
    code.lines()
        .take_while(|l| l.starts_with("//!"))
        .find_map(|l| l.strip_prefix(&format!("//! {key}: ")))
}

fn snippets() -> Vec<Snippet> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("mistakes");
    let mut out: Vec<Snippet> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| {
            let code = fs::read_to_string(&path).unwrap();
            let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
            assert!(
                header(&code, "Mistake").is_some()
                    || header(&code, "Not a known mistake").is_some(),
                "{id}: the first line says what the mistake is"
            );
            let test = header(&code, "Test").map(str::to_owned);
            let fails_to_compile = header(&code, "Fails") == Some("to compile");
            assert!(
                test.is_some() != fails_to_compile,
                "{id}: say either `//! Fails: to compile` or `//! Test: <expression>`"
            );
            let ulimit = header(&code, "Under").map(|u| {
                u.strip_prefix("ulimit -n ")
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("{id}: `//! Under: ulimit -n N`"))
            });
            Snippet {
                id,
                code,
                test,
                ulimit,
            }
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Writes `text` to `path` unless it holds it already: an unchanged file
/// keeps its time, so cargo rebuilds nothing.
fn write(path: &Path, text: &str) {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// `<workspace target>/mistake-snippets`: the course binary is
/// `<target>/<profile>/course`.
fn course_root() -> PathBuf {
    let binary = Path::new(env!("CARGO_BIN_EXE_course"));
    binary.ancestors().nth(2).unwrap().join("mistake-snippets")
}

const ROOT_MANIFEST: &str = r#"[workspace]
resolver = "3"
members = ["lessons/*"]

# One dependency set for every lesson, so each crate builds once.
[workspace.dependencies]
tokio = { version = "1.47", features = ["full", "test-util"] }
futures = "0.3"
axum = "0.8"
sqlx = { version = "0.9", default-features = false, features = ["runtime-tokio", "sqlite", "macros"] }

[profile.dev]
debug = "line-tables-only"

[profile.dev.package."*"]
debug = false
"#;

/// A lesson crate of the tiny course and the snippets it holds.
struct Lesson<'s> {
    number: String,
    snippets: Vec<&'s Snippet>,
}

impl Lesson<'_> {
    fn name(&self) -> String {
        format!("{}-mistakes", self.number)
    }

    fn exercise_id(&self, snippet: &Snippet) -> String {
        format!("{}-{}", self.number, snippet.id)
    }
}

/// Each snippet that must fail to compile gets a lesson of its own, so it
/// breaks no other; the rest share one.
fn lessons(snippets: &[Snippet]) -> Vec<Lesson<'_>> {
    let mut out: Vec<Lesson<'_>> = snippets
        .iter()
        .filter(|s| s.test.is_none())
        .enumerate()
        .map(|(i, s)| Lesson {
            number: format!("{:02}", i + 1),
            snippets: vec![s],
        })
        .collect();
    assert!(out.len() < RUNTIME_LESSON.parse().unwrap());
    out.push(Lesson {
        number: RUNTIME_LESSON.to_owned(),
        snippets: snippets.iter().filter(|s| s.test.is_some()).collect(),
    });
    out
}

fn tests_file(lesson: &Lesson<'_>) -> String {
    let package = format!("lesson_{}", lesson.name().replace('-', "_"));
    let mut out = String::new();
    for s in &lesson.snippets {
        let body = s.test.as_deref().unwrap_or("");
        let (attribute, asyncness) = if body.contains(".await") {
            ("#[tokio::test]", "async ")
        } else {
            ("#[test]", "")
        };
        out.push_str(&format!(
            "mod {module} {{\n    mod stub {{\n        #[allow(unused_imports)]\n        \
             use {package}::exercises::{module} as subject;\n\n        {attribute}\n        \
             #[ignore = \"exercise\"]\n        {asyncness}fn runs() {{\n            \
             let _ = {body};\n        }}\n    }}\n}}\n\n",
            module = s.module(),
            body = if body.is_empty() { "()" } else { body },
        ));
    }
    out
}

/// Writes the tiny course; returns its lessons.
fn make_course<'s>(root: &Path, snippets: &'s [Snippet]) -> Vec<Lesson<'s>> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    write(&root.join("Cargo.toml"), ROOT_MANIFEST);
    // The workspace's versions. Cargo prunes the copy to what the tiny
    // course uses, so compare with the last copied original, not with it.
    let lock = fs::read_to_string(workspace.join("Cargo.lock")).unwrap();
    let copied = root.join("Cargo.lock.workspace");
    if fs::read_to_string(&copied).ok().as_deref() != Some(lock.as_str()) {
        write(&root.join("Cargo.lock"), &lock);
        write(&copied, &lock);
    }

    let lessons = lessons(snippets);
    let mut manifest = String::new();
    for lesson in &lessons {
        let name = lesson.name();
        manifest.push_str(&format!(
            "[[lesson]]\nnumber = \"{}\"\nslug = \"mistakes\"\ntitle = \"Known mistakes\"\n\n",
            lesson.number
        ));
        for s in &lesson.snippets {
            manifest.push_str(&format!(
                "[[exercise]]\nid = \"{}\"\nlesson = \"{}\"\nlevel = \"core\"\n\
                 title = \"{}\"\nhint = \"Read the known mistake's section.\"\n\
                 time_limit_secs = 30\n\n",
                lesson.exercise_id(s),
                lesson.number,
                s.id
            ));
        }
        let dir = root.join("lessons").join(&name);
        write(
            &dir.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"lesson-{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
                 publish = false\n\n[dependencies]\naxum.workspace = true\n\
                 futures.workspace = true\nsqlx.workspace = true\ntokio.workspace = true\n"
            ),
        );
        write(
            &dir.join("src/lib.rs"),
            "#![allow(unused)]\npub mod exercises;\n",
        );
        let modules: String = lesson
            .snippets
            .iter()
            .map(|s| format!("pub mod {};\n", s.module()))
            .collect();
        write(&dir.join("src/exercises.rs"), &modules);
        for s in &lesson.snippets {
            write(
                &dir.join("src/exercises").join(format!("{}.rs", s.module())),
                &s.code,
            );
        }
        write(&dir.join("tests/exercises.rs"), &tests_file(lesson));
    }
    write(&root.join("course.toml"), &manifest);

    // Lessons of an earlier set of snippets would still be members.
    let wanted: Vec<String> = lessons.iter().map(Lesson::name).collect();
    for entry in fs::read_dir(root.join("lessons")).unwrap() {
        let path = entry.unwrap().path();
        if !wanted.iter().any(|w| path.ends_with(w)) {
            fs::remove_dir_all(path).unwrap();
        }
    }
    lessons
}

/// A command that runs in the tiny course with `check`'s environment, so
/// that cargo finds every dependency built.
fn in_tiny_course(program: impl AsRef<std::ffi::OsStr>, root: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env("NO_COLOR", "1")
        // The sqlx snippet's error is the one a learner without a database
        // sees; the others need no database either.
        .env_remove("DATABASE_URL")
        .env_remove("SQLX_OFFLINE")
        .env_remove("SQLX_OFFLINE_DIR")
        .env_remove("RUSTFLAGS");
    cmd
}

/// `program` under `ulimit -n N` when `ulimit` says so.
fn limited(program: &Path, ulimit: Option<u32>) -> (PathBuf, Vec<String>) {
    match ulimit {
        Some(n) => (
            "sh".into(),
            vec![
                "-c".into(),
                format!("ulimit -n {n} && exec \"$0\" \"$@\""),
                program.display().to_string(),
            ],
        ),
        None => (program.to_owned(), Vec::new()),
    }
}

/// `course check ID` on the tiny course, as a learner would run it.
fn check(root: &Path, id: &str, ulimit: Option<u32>) -> Output {
    let (program, args) = limited(Path::new(env!("CARGO_BIN_EXE_course")), ulimit);
    in_tiny_course(program, root)
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["check", id])
        .output()
        .expect("the course binary runs")
}

/// cargo's JSON messages of building the `exercises` tests of `packages`
/// (what `cargo test --no-run` builds); it goes on past a crate that
/// fails (`--keep-going`).
fn build(root: &Path, packages: &[String]) -> Vec<Value> {
    let mut cmd = in_tiny_course("cargo", root);
    cmd.args(["build", "--keep-going", "--message-format=json"])
        .args(["--test", "exercises"])
        .stderr(Stdio::null());
    for package in packages {
        cmd.args(["-p", package]);
    }
    let out = cmd.output().expect("cargo runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
}

/// Whether a JSON message of cargo's is about the crate in `dir`.
fn from_crate(message: &Value, dir: &str) -> bool {
    message["manifest_path"]
        .as_str()
        .is_some_and(|m| m.ends_with(&format!("/{dir}/Cargo.toml")))
}

/// What one snippet's wrong code gave.
struct Seen {
    id: String,
    /// `None` if it did what it must not: compile, or pass its test.
    failed_with: Option<String>,
    /// The mistakes `check` would name.
    named: Vec<String>,
}

fn named(found: &[&Mistake]) -> Vec<String> {
    found.iter().map(|m| m.pointer()).collect()
}

/// Every snippet that must not compile, built in one cargo run: each one's
/// errors, rendered as cargo prints them, read as `check` reads a build log.
fn compile_errors(root: &Path, lessons: &[Lesson<'_>]) -> Vec<Seen> {
    let failing: Vec<&Lesson<'_>> = lessons
        .iter()
        .filter(|l| l.number != RUNTIME_LESSON)
        .collect();
    let packages: Vec<String> = failing
        .iter()
        .map(|l| format!("lesson-{}", l.name()))
        .collect();
    let messages = build(root, &packages);
    failing
        .iter()
        .map(|lesson| {
            let log: Vec<&str> = messages
                .iter()
                .filter(|m| m["reason"] == "compiler-message" && from_crate(m, &lesson.name()))
                .filter(|m| m["message"]["level"] == "error")
                .filter_map(|m| m["message"]["rendered"].as_str())
                .collect();
            let log = log.join("\n");
            Seen {
                id: lesson.snippets[0].id.clone(),
                named: named(&mistakes::in_build_log(table(), &log)),
                failed_with: (!log.is_empty()).then_some(log),
            }
        })
        .collect()
}

/// Every snippet that compiles, each test run alone from the one test
/// binary: its panic messages, read as `check` reads a failing run's.
fn panics(root: &Path, lesson: &Lesson<'_>) -> Vec<Seen> {
    let messages = build(root, &[format!("lesson-{}", lesson.name())]);
    let binary = messages
        .iter()
        .filter(|m| m["reason"] == "compiler-artifact" && from_crate(m, &lesson.name()))
        .find_map(|m| m["executable"].as_str())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let errors: Vec<&str> = messages
                .iter()
                .filter_map(|m| m["message"]["rendered"].as_str())
                .collect();
            panic!(
                "the snippets that should compile did not:\n{}",
                errors.join("\n")
            )
        });
    lesson
        .snippets
        .iter()
        .map(|s| {
            let (program, args) = limited(&binary, s.ulimit);
            let test = format!("{}::stub::runs", s.module());
            let out = in_tiny_course(program, root)
                .args(args)
                .args(["--include-ignored", "--exact", &test])
                .current_dir(root.join("lessons").join(lesson.name()))
                .env("RUST_BACKTRACE", "1")
                .output()
                .expect("the test binary runs");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let failures = course::cargo::parse_failures(&stdout);
            let messages = failures.iter().map(|f| f.message.as_str());
            Seen {
                id: s.id.clone(),
                named: named(&mistakes::in_messages(table(), messages)),
                failed_with: (!out.status.success()).then(|| stdout.into_owned()),
            }
        })
        .collect()
}

/// Why `seen` is wrong, if it is.
fn verdict(seen: &Seen) -> Option<String> {
    match entry(&seen.id) {
        _ if seen.failed_with.is_none() => Some("it compiled, or its test passed".to_owned()),
        None if seen.named.is_empty() => None,
        None => Some(format!("expected no known mistake, got {:?}", seen.named)),
        Some(m) if seen.named == [m.pointer()] => None,
        Some(m) => Some(format!(
            "expected only\n{}\ngot {:?}",
            m.pointer(),
            seen.named
        )),
    }
}

fn entry(id: &str) -> Option<&'static Mistake> {
    table().iter().find(|m| m.id == id)
}

#[test]
fn check_points_each_known_mistake_at_its_section() {
    let snippets = snippets();
    for m in table() {
        assert!(
            snippets.iter().any(|s| s.id == m.id),
            "mistake `{}` has no snippet course/mistakes/{}.rs",
            m.id,
            m.id
        );
    }
    for s in &snippets {
        assert!(
            s.id == NOT_A_MISTAKE || entry(&s.id).is_some(),
            "course/mistakes/{}.rs names no entry of mistakes.toml",
            s.id
        );
    }

    let root = course_root();
    let lessons = make_course(&root, &snippets);
    let runtime = lessons.iter().find(|l| l.number == RUNTIME_LESSON).unwrap();
    let mut wrong = Vec::new();
    let seen = compile_errors(&root, &lessons)
        .into_iter()
        .chain(panics(&root, runtime));
    for seen in seen {
        // `--nocapture` shows what each snippet got.
        eprintln!(
            "{:<36} {}",
            seen.id,
            seen.named.first().map_or("(none)", |p| p.as_str())
        );
        if let Some(verdict) = verdict(&seen) {
            let output = seen.failed_with.unwrap_or_default();
            wrong.push(format!(
                "{}: {verdict}\n--- what it printed\n{output}",
                seen.id
            ));
        }
    }

    // Three through `check` itself: its pointer lines are the ones above.
    let through_check = [
        lessons
            .iter()
            .find(|l| l.number != RUNTIME_LESSON)
            .unwrap()
            .snippets[0],
        runtime
            .snippets
            .iter()
            .find(|s| s.ulimit.is_some())
            .unwrap(),
        runtime
            .snippets
            .iter()
            .find(|s| s.id == NOT_A_MISTAKE)
            .unwrap(),
    ];
    for s in through_check {
        let lesson = lessons
            .iter()
            .find(|l| l.snippets.iter().any(|x| x.id == s.id))
            .unwrap();
        let out = check(&root, &lesson.exercise_id(s), s.ulimit);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let named: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("→ Known mistake"))
            .map(str::to_owned)
            .collect();
        let seen = Seen {
            id: s.id.clone(),
            failed_with: (!out.status.success()).then(|| text.clone()),
            named,
        };
        let verdict = match verdict(&seen) {
            None if entry(&s.id).is_none() && !text.contains("is not done yet") => {
                Some("check did not say the exercise is not done".to_owned())
            }
            v => v,
        };
        if let Some(verdict) = verdict {
            wrong.push(format!(
                "{} (through check): {verdict}\n--- check's output\n{text}",
                s.id
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n\n"));
}
