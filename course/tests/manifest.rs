//! course.toml parsing and the paths derived from it.

use std::path::{Path, PathBuf};

use course::manifest::{Course, module_name};

const SAMPLE: &str = r#"
[[lesson]]
number = "00"
slug = "why-async"
title = "Why async"
ready = false

[[lesson]]
number = "01"
slug = "coroutines"
title = "Coroutines"

[[claim]]
id = "coroutines/lazy"
lesson = "01"
says = "Calling an async fn runs none of its body."

[[exercise]]
id = "01-one-after-another"
lesson = "01"
level = "warm-up"
title = "Await three fetches in order"
hint = """
Await them in order.
"""

[[exercise]]
id = "01-timed"
lesson = "01"
level = "core"
title = "Time any future"
"#;

fn sample() -> Course {
    Course::parse(Path::new("/course"), SAMPLE).expect("the sample parses")
}

#[test]
fn parses_lessons_claims_and_exercises() {
    let course = sample();
    assert_eq!(course.lessons.len(), 2);
    assert!(!course.lessons[0].ready);
    assert!(course.lessons[1].ready, "ready defaults to true");
    assert_eq!(course.claims.len(), 1);
    assert_eq!(course.claims[0].id, "coroutines/lazy");
    assert_eq!(course.claims[0].lesson, "01");
    let ids: Vec<&str> = course.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["01-one-after-another", "01-timed"],
        "course order is kept"
    );
    assert_eq!(
        course.exercises[0].hint, "Await them in order.",
        "the hint is trimmed"
    );
    assert_eq!(
        course.exercises[1].hint, "",
        "a missing hint is empty (verify flags it)"
    );
}

#[test]
fn derives_lesson_paths() {
    let course = sample();
    let lesson = &course.lessons[1];
    assert_eq!(lesson.name(), "01-coroutines");
    assert_eq!(lesson.dir(), PathBuf::from("lessons/01-coroutines"));
    assert_eq!(lesson.package(), "lesson-01-coroutines");
    assert_eq!(lesson.chapter(), PathBuf::from("book/src/01-coroutines.md"));
}

#[test]
fn maps_exercise_ids_to_files_and_modules() {
    let course = sample();
    let ex = course.exercise("01-one-after-another").unwrap();
    assert_eq!(ex.module, "one_after_another");
    assert_eq!(ex.package, "lesson-01-coroutines");
    assert_eq!(
        ex.file,
        PathBuf::from("lessons/01-coroutines/src/exercises/one_after_another.rs")
    );
    assert_eq!(
        ex.solution,
        PathBuf::from("lessons/01-coroutines/src/solutions/one_after_another.rs")
    );
    assert_eq!(ex.chapter, PathBuf::from("book/src/01-coroutines.md"));
    assert_eq!(
        ex.check_command(),
        "cargo run -p course -- check 01-one-after-another"
    );
    assert_eq!(
        course.path(&ex.file),
        PathBuf::from("/course/lessons/01-coroutines/src/exercises/one_after_another.rs")
    );
}

#[test]
fn module_names() {
    assert_eq!(module_name("01-timed", "01").as_deref(), Some("timed"));
    assert_eq!(module_name("12-a-b-c2", "12").as_deref(), Some("a_b_c2"));
    assert_eq!(module_name("02-timed", "01"), None, "wrong lesson prefix");
    assert_eq!(module_name("01timed", "01"), None, "no dash");
    assert_eq!(module_name("01-", "01"), None, "no name");
    assert_eq!(
        module_name("01-Timed", "01"),
        None,
        "not a Rust module name"
    );
    assert_eq!(module_name("01-2fast", "01"), None, "starts with a digit");
}

#[test]
fn finds_lessons_by_number_name_or_slug() {
    let course = sample();
    for query in ["01", "1", "01-coroutines", "coroutines"] {
        assert_eq!(
            course.lesson(query).unwrap().number,
            "01",
            "query {query:?}"
        );
    }
    let err = course.lesson("7").unwrap_err();
    assert!(err.to_string().starts_with("no lesson `7`"), "{err}");
}

#[test]
fn unknown_exercise_suggests_the_closest() {
    let course = sample();
    let err = course.exercise("01-timd").unwrap_err().to_string();
    assert_eq!(
        err,
        "no exercise `01-timd`; `cargo run -p course -- list` shows them all (did you mean `01-timed`?)"
    );
    let err = course.exercise("zzzzzzzzzzz").unwrap_err().to_string();
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn available_exercises_skip_draft_lessons() {
    let text = format!(
        "{SAMPLE}\n[[exercise]]\nid = \"00-draft\"\nlesson = \"00\"\nlevel = \"core\"\ntitle = \"t\"\nhint = \"h\"\n"
    );
    let course = Course::parse(Path::new("."), &text).unwrap();
    let available: Vec<&str> = course
        .available_exercises()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(available, ["01-one-after-another", "01-timed"]);
}

#[test]
fn rejects_inconsistent_manifests() {
    let bad = [
        (
            "[[exercise]]\nid = \"01-x\"\nlesson = \"01\"\nlevel = \"l\"\ntitle = \"t\"",
            "not listed",
        ),
        (
            "[[lesson]]\nnumber = \"01\"\nslug = \"a\"\ntitle = \"t\"\n[[exercise]]\nid = \"02-x\"\nlesson = \"01\"\nlevel = \"l\"\ntitle = \"t\"",
            "01-name",
        ),
        (
            "[[lesson]]\nnumber = \"1\"\nslug = \"a\"\ntitle = \"t\"",
            "two digits",
        ),
        (
            "[[lesson]]\nnumber = \"01\"\nslug = \"a\"\ntitle = \"t\"\n[[lesson]]\nnumber = \"01\"\nslug = \"b\"\ntitle = \"t\"",
            "twice",
        ),
        (
            "[[claim]]\nid = \"c\"\nlesson = \"03\"\nsays = \"s\"",
            "not listed",
        ),
        (
            "[[lesson]]\nnumber = \"01\"\nslug = \"a\"\ntitle = \"t\"\ncolour = \"red\"",
            "unknown field",
        ),
    ];
    for (text, expected) in bad {
        let err = format!("{:#}", Course::parse(Path::new("."), text).unwrap_err());
        assert!(
            err.contains(expected),
            "expected {expected:?} in {err:?} for\n{text}"
        );
    }
}

#[test]
fn the_real_course_toml_parses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let course = Course::load(root).expect("the workspace's course.toml is valid");
    assert!(course.exercise("01-one-after-another").is_ok());
    assert!(course.lessons.iter().any(|l| l.number == "01" && l.ready));
}

#[test]
fn exercises_come_in_lesson_order_wherever_they_are_listed() {
    let text = r#"
[[lesson]]
number = "00"
slug = "zero"
title = "Zero"

[[lesson]]
number = "01"
slug = "one"
title = "One"

[[exercise]]
id = "01-late"
lesson = "01"
level = "core"
title = "Listed first"
hint = "h"

[[exercise]]
id = "00-early"
lesson = "00"
level = "warm-up"
title = "Listed second"
hint = "h"
"#;
    let course = course::Course::parse(std::path::Path::new("/tmp"), text).unwrap();
    let ids: Vec<&str> = course.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["00-early", "01-late"]);
}
