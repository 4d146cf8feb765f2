//! Keeps the authors' private words out of what a learner reads.
//!
//! While the course was written, the Python tutorials it follows were called
//! "the seeds" and numbered `s000`, `s001`, …. A learner was never told
//! either, so neither may appear in the book, in the lessons' code (which
//! the book includes and the programs print) or in `course.toml` (whose
//! claims the runner prints). A random-number generator's seed is fine:
//! "seed 7", "seeded", `seed_from_u64`.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// What a learner reads: the book, the lessons' sources and tests, the map.
fn learner_facing_files() -> Vec<PathBuf> {
    let root = workspace();
    let mut files = vec![root.join("course.toml")];
    files_under(&root.join("book/src"), "md", &mut files);
    for lesson in std::fs::read_dir(root.join("lessons")).unwrap().flatten() {
        for part in ["src", "tests"] {
            files_under(&lesson.path().join(part), "rs", &mut files);
        }
    }
    files.sort();
    files
}

/// A line's words, with `_` and `'` kept inside them ("seed's", `seed_x`).
fn words(line: &str) -> Vec<&str> {
    line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '\''))
        .map(|w| w.trim_start_matches('\''))
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_number(word: Option<&&str>) -> bool {
    word.is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// Why `words[i]` is one of the private words, if it is.
fn private_word(words: &[&str], i: usize) -> Option<&'static str> {
    let word = words[i];
    let next = words.get(i + 1);
    let before = i.checked_sub(1).map(|j| words[j]);
    let id = word.len() == 4 && word.starts_with("s00") && word.as_bytes()[3].is_ascii_digit();
    if id {
        return Some("a tutorial id");
    }
    if word == "seed's" || word == "seeds'" {
        return Some("the tutorials called seeds");
    }
    if word.starts_with("seed_") && word != "seed_from_u64" {
        return Some("a name that calls the tutorials seeds");
    }
    if word != "seed" && word != "seeds" {
        return None;
    }
    let follows = [
        "say",
        "program",
        "programs",
        "pattern",
        "tutorial",
        "tutorials",
    ];
    if next.is_some_and(|n| follows.contains(n)) {
        return Some("the tutorials called seeds");
    }
    if before == Some("the") && !is_number(next) {
        return Some("the tutorials called seeds");
    }
    None
}

#[test]
fn no_private_names_for_the_python_tutorials() {
    let root = workspace();
    let mut problems = Vec::new();
    for path in learner_facing_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            let words = words(&lower);
            for i in 0..words.len() {
                if let Some(why) = private_word(&words, i) {
                    let shown = path.strip_prefix(&root).unwrap_or(&path);
                    problems.push(format!(
                        "{}:{}: {why}: {}",
                        shown.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "say \"the Python tutorials this course follows\" or quote the program; \
         a learner never met these words:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_tells_private_words_from_a_random_seed() {
    let flagged = |line: &str| {
        let words = words(line);
        (0..words.len()).any(|i| private_word(&words, i).is_some())
    };
    for bad in [
        "the seed says",
        "the seeds",
        "seeds say",
        "(s001)",
        "seed_program_hangs",
    ] {
        assert!(flagged(bad), "{bad:?} should be flagged");
    }
    for fine in [
        "seed 7",
        "over 200 seeds",
        "seeded jitter",
        "seed_from_u64",
        "the seed 7",
    ] {
        assert!(!flagged(fine), "{fine:?} is about a random seed");
    }
}
