//! The course map (`course.toml`) and the tree agree: every claim of a ready
//! lesson is asserted by a test that names it and is listed in its chapter,
//! every exercise has its files and tests, and every lesson folder is mapped.

use std::path::{Path, PathBuf};

use course::manifest::Course;

fn course() -> Course {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    Course::load(root).expect("course.toml loads")
}

/// Every `.rs` file in `dir`, sorted; with `deep`, in its subfolders too.
fn rust_files(dir: &Path, deep: bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.map(|e| e.unwrap().path()) {
        if entry.is_dir() {
            if deep {
                out.extend(rust_files(&entry, true));
            }
        } else if entry.extension().is_some_and(|e| e == "rs") {
            out.push(entry);
        }
    }
    out.sort();
    out
}

/// `(claim id, the first code line after the comment)` for every
/// `// claim: <id>` comment in a lesson's tests.
fn claim_comments(lesson_dir: &Path) -> Vec<(String, String, PathBuf)> {
    let mut out = Vec::new();
    for file in rust_files(&lesson_dir.join("tests"), true) {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if let Some(id) = line.trim().strip_prefix("// claim:") {
                let next = lines[i + 1..]
                    .iter()
                    .map(|l| l.trim())
                    .find(|l| !l.is_empty() && !l.starts_with("//"))
                    .unwrap_or("")
                    .to_string();
                out.push((id.trim().to_string(), next, file.clone()));
            }
        }
    }
    out
}

#[test]
fn every_claim_of_a_ready_lesson_is_asserted_by_a_named_test() {
    let course = course();
    let mut problems = Vec::new();
    for lesson in course.lessons.iter().filter(|l| l.ready) {
        let comments = claim_comments(&course.path(&lesson.dir()));
        let chapter = std::fs::read_to_string(course.path(&lesson.chapter())).unwrap_or_default();
        for claim in course.claims.iter().filter(|c| c.lesson == lesson.number) {
            match comments.iter().find(|(id, _, _)| *id == claim.id) {
                None => problems.push(format!(
                    "claim {} has no `// claim: {}` test",
                    claim.id, claim.id
                )),
                Some((_, next, file)) if !next.starts_with("#[") => problems.push(format!(
                    "{}: `// claim: {}` is not right above a test attribute",
                    file.display(),
                    claim.id
                )),
                Some(_) => {}
            }
            if !chapter.contains(&format!("`{}`", claim.id)) {
                problems.push(format!(
                    "{} does not list claim `{}`",
                    lesson.chapter().display(),
                    claim.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_claim_comment_names_a_claim_of_its_lesson() {
    let course = course();
    let mut problems = Vec::new();
    for lesson in course.lessons.iter().filter(|l| l.ready) {
        for (id, _, file) in claim_comments(&course.path(&lesson.dir())) {
            let known = course
                .claims
                .iter()
                .any(|c| c.id == id && c.lesson == lesson.number);
            if !known {
                problems.push(format!(
                    "{}: `// claim: {id}` is not a claim of lesson {} in course.toml",
                    file.display(),
                    lesson.number
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn ready_lessons_have_a_crate_and_draft_lessons_a_draft_chapter() {
    let course = course();
    for lesson in &course.lessons {
        let manifest = course.path(&lesson.dir()).join("Cargo.toml");
        let chapter = std::fs::read_to_string(course.path(&lesson.chapter()))
            .unwrap_or_else(|_| panic!("{} is missing", lesson.chapter().display()));
        if lesson.ready {
            let text = std::fs::read_to_string(&manifest).unwrap_or_else(|_| {
                panic!(
                    "ready lesson {} has no {}",
                    lesson.number,
                    manifest.display()
                )
            });
            assert!(
                text.contains(&format!("name = \"{}\"", lesson.package())),
                "{} must be package {}",
                manifest.display(),
                lesson.package()
            );
            assert!(
                !chapter.contains("**Draft.**"),
                "lesson {} is ready but its chapter is a draft",
                lesson.number
            );
        } else {
            assert!(
                chapter.contains("**Draft.**"),
                "lesson {} is not ready: its chapter should say Draft",
                lesson.number
            );
        }
    }
}

#[test]
fn every_lesson_folder_is_in_the_course_map() {
    let course = course();
    for entry in std::fs::read_dir(course.path(Path::new("lessons"))).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_dir() {
            continue; // lessons/rustfmt.toml
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            course.lessons.iter().any(|l| l.name() == name && l.ready),
            "lessons/{name} is not a ready lesson in course.toml"
        );
    }
}

/// The runner's static checks (`course::lint`, also run by `course
/// verify`): files, tests block, a neutral `todo!()`, a two-step hint and
/// the chapter's section.
#[test]
fn every_exercise_passes_the_static_checks() {
    let course = course();
    let problems: Vec<String> = course
        .exercises
        .iter()
        .flat_map(|ex| course::lint::exercise(&course, ex).problems)
        .collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_ready_lesson_has_at_least_three_exercises_and_map_rows() {
    let course = course();
    let map =
        std::fs::read_to_string(course.path(Path::new("book/src/python-rust-map.md"))).unwrap();
    for lesson in course.lessons.iter().filter(|l| l.ready) {
        let n = course.exercises_of(lesson).count();
        assert!(
            n >= 3,
            "lesson {} has {n} exercises, fewer than three",
            lesson.number
        );
        assert!(
            map.contains(&format!("(lesson {}]({}.md)", lesson.number, lesson.name()))
                || map.contains(&format!("[lesson {}]({}.md)", lesson.number, lesson.name())),
            "the Python → Rust map has no section for lesson {}",
            lesson.number
        );
    }
}

/// `course.toml` lists exercises lesson by lesson, and each lesson's in
/// the order its chapter presents them (`course::lint::course_order`).
#[test]
fn exercises_are_listed_in_the_order_the_learner_meets_them() {
    let problems = course::lint::course_order(&course());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Every check in a lesson's `tests/exercises.rs` carries a message that
/// says what was compared (`course::lint::exercise_tests_file`).
#[test]
fn every_exercise_test_says_what_it_compared() {
    let course = course();
    let problems: Vec<String> = course
        .lessons
        .iter()
        .filter(|l| l.ready)
        .flat_map(|l| course::lint::exercise_tests_file(&course, l))
        .collect();
    assert!(
        problems.is_empty(),
        "{} checks without a message:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The headings of a chapter, as written (code blocks skipped).
fn headings(chapter: &str) -> Vec<String> {
    let mut in_code = false;
    let mut out = Vec::new();
    for line in chapter.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with('#') {
            out.push(line.trim_start_matches('#').trim().to_owned());
        }
    }
    out
}

#[test]
fn every_known_mistake_points_at_a_section_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut problems = Vec::new();
    for mistake in course::mistakes::table() {
        let path = root.join("book/src").join(&mistake.chapter);
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!("{}: no chapter {}", mistake.id, path.display()));
            continue;
        };
        let sections = headings(&text);
        if !sections.contains(&mistake.section) {
            problems.push(format!(
                "{}: {} has no heading {:?} (it has {sections:?})",
                mistake.id, mistake.chapter, mistake.section
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "course/mistakes.toml points at sections the book does not have:\n{}",
        problems.join("\n")
    );
}

/// The test files cargo builds for a lesson: each `[[test]]` path when
/// `autotests = false`, else every `tests/*.rs`.
fn test_roots(lesson_dir: &Path, manifest: &str) -> Vec<PathBuf> {
    if !manifest.contains("autotests = false") {
        return rust_files(&lesson_dir.join("tests"), false);
    }
    manifest
        .lines()
        .filter_map(|l| l.trim().strip_prefix("path = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .filter(|path| path.starts_with("tests/"))
        .map(|path| lesson_dir.join(path))
        .collect()
}

// With `autotests = false` a test file that no binary names is never built
// and its tests never run, silently: this check makes that loud.
#[test]
fn every_test_file_of_a_lesson_the_test_server_or_the_runner_is_built_into_a_test_binary() {
    let course = course();
    let mut problems = Vec::new();
    let lessons = course.lessons.iter().filter(|l| l.ready);
    let dirs = lessons
        .map(|l| course.path(&l.dir()))
        .chain(["shared/test-server", "course"].map(|d| course.path(Path::new(d))));
    for dir in dirs {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let roots = test_roots(&dir, &manifest);
        let mut built = roots.clone();
        for root in &roots {
            let text = std::fs::read_to_string(root)
                .unwrap_or_else(|_| panic!("{} names a missing {}", dir.display(), root.display()));
            for line in text.lines() {
                if let Some(name) = line.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
                    built.push(dir.join("tests").join(format!("{name}.rs")));
                }
            }
        }
        for file in rust_files(&dir.join("tests"), false) {
            if !built.contains(&file) {
                problems.push(format!(
                    "{} is in no test binary: add `mod {};` to the crate's gathering test file (tests/lesson.rs, tests/server.rs, tests/runner.rs)",
                    file.display(),
                    file.file_stem().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// A doc comment's code fence that rustdoc would compile: no language, or
/// one of rustdoc's own (`rust`, `compile_fail`, `should_panic`, ...).
fn runs_as_doctest(fence: &str) -> bool {
    let info = fence.trim_start_matches('`').trim();
    info.split(',').map(str::trim).all(|word| {
        word.is_empty()
            || word == "rust"
            || word.starts_with("edition")
            || [
                "compile_fail",
                "should_panic",
                "no_run",
                "ignore",
                "test_harness",
            ]
            .contains(&word)
    })
}

// `doctest = false` saves a rustdoc run per crate on every `cargo test`;
// it must never hide an example that should run.
#[test]
fn crates_without_doctests_have_no_doc_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut crates: Vec<PathBuf> = ["course", "tests"].map(|d| root.join(d)).into();
    for group in ["lessons", "shared"] {
        for entry in std::fs::read_dir(root.join(group)).unwrap() {
            crates.push(entry.unwrap().path());
        }
    }
    let mut problems = Vec::new();
    for dir in crates {
        let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        if !manifest.contains("doctest = false") {
            continue;
        }
        for file in rust_files(&dir.join("src"), true) {
            let text = std::fs::read_to_string(&file).unwrap();
            let mut open = false;
            for (i, line) in text.lines().enumerate() {
                let doc = line.trim_start();
                let Some(doc) = doc.strip_prefix("//!").or_else(|| doc.strip_prefix("///")) else {
                    continue;
                };
                let doc = doc.trim();
                if !doc.starts_with("```") {
                    continue;
                }
                if !open && runs_as_doctest(doc) {
                    problems.push(format!(
                        "{}:{}: a doc example in a crate with `doctest = false`: \
                         remove that line from its Cargo.toml, or mark the fence `text`",
                        file.display(),
                        i + 1
                    ));
                }
                open = !open;
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
