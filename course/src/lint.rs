//! The checks of an exercise that need no test run, in one place: `verify`
//! reports them, and the workspace's course checks (`tests/`) fail on them,
//! so `cargo test --workspace` catches a broken exercise before CI does.

use crate::manifest::{Course, Exercise, Lesson};

/// The longest `todo!()` message a stub may have. A stub says *what* to
/// build in its header; its `todo!()` must not say *how* (that is the
/// hint's job), and a short sentence cannot hold a recipe.
pub const TODO_MESSAGE_MAX: usize = 60;

/// What the static checks found for one exercise.
#[derive(Debug, Default)]
pub struct Findings {
    pub problems: Vec<String>,
    /// A nudge and a recipe are both there.
    pub hint: bool,
    /// The chapter has the exercise's section and its check command.
    pub book: bool,
}

/// Runs every static check on `ex`.
pub fn exercise(course: &Course, ex: &Exercise) -> Findings {
    let id = &ex.id;
    let mut problems = Vec::new();
    for (path, what) in [(&ex.file, "stub"), (&ex.solution, "solution")] {
        if !course.path(path).is_file() {
            problems.push(format!(
                "{id}: the {what} {} does not exist",
                path.display()
            ));
        }
    }
    if let Ok(stub) = std::fs::read_to_string(course.path(&ex.file)) {
        let messages = todo_messages(&stub);
        if messages.is_empty() {
            problems.push(format!(
                "{id}: the stub {} has no `todo!(` for the learner to replace",
                ex.file.display()
            ));
        }
        for message in messages
            .iter()
            .filter(|m| m.chars().count() > TODO_MESSAGE_MAX)
        {
            problems.push(format!(
                "{id}: the stub's todo!() message is longer than {TODO_MESSAGE_MAX} characters \
                 (the how belongs in the hint): {message:?}"
            ));
        }
    }

    let tests = course.path(&course.lesson_of(ex).dir().join("tests/exercises.rs"));
    let block = format!("exercise: {}, id: \"{id}\"", ex.module);
    if !std::fs::read_to_string(&tests).is_ok_and(|t| t.contains(&block)) {
        problems.push(format!(
            "{id}: {} has no `kit::exercise_tests!` block with `{block}`",
            tests.display()
        ));
    }

    problems.extend(wrong_answers(course, ex));

    let hint = ex.hint.len() > 20 && ex.more.len() > 20;
    if ex.hint.len() <= 20 {
        problems.push(format!(
            "{id}: course.toml gives no hint (a nudge), or a very short one"
        ));
    }
    if ex.more.len() <= 20 {
        problems.push(format!(
            "{id}: course.toml gives no `more` (the recipe), or a very short one"
        ));
    }

    let mut book = false;
    match std::fs::read_to_string(course.path(&ex.chapter)) {
        Err(_) => problems.push(format!(
            "{id}: the chapter {} does not exist",
            ex.chapter.display()
        )),
        Ok(chapter) => {
            // `course next` sends the learner to this section by name.
            let section = format!("### Exercise {id}");
            let has_section = chapter.lines().any(|l| l.trim() == section);
            if !has_section {
                problems.push(format!(
                    "{id}: {} has no `{section}` section",
                    ex.chapter.display()
                ));
            }
            let command = format!("course -- check {id}");
            if !chapter.contains(&command) {
                problems.push(format!(
                    "{id}: {} does not contain `{command}`",
                    ex.chapter.display()
                ));
            }
            book = has_section && chapter.contains(&command);
        }
    }
    Findings {
        problems,
        hint,
        book,
    }
}

/// The exercise keeps at least two known-wrong answers, each with its
/// header lines (`verify` runs them; this only checks they are there).
fn wrong_answers(course: &Course, ex: &Exercise) -> Vec<String> {
    use crate::commands::verify::wrong;
    let mut problems = Vec::new();
    let answers = match wrong::wrong_answers(course, ex) {
        Ok(answers) => answers,
        Err(e) => return vec![format!("{}: {e:#}", ex.id)],
    };
    if answers.len() < wrong::AT_LEAST {
        problems.push(format!(
            "{}: lessons/{}/tests/wrong/{}/ holds {} known-wrong answer(s), fewer than {}",
            ex.id,
            course.lesson_of(ex).name(),
            ex.module,
            answers.len(),
            wrong::AT_LEAST
        ));
    }
    problems.extend(answers.into_iter().filter_map(Result::err));
    problems
}

/// `course.toml` lists the exercises in the order the learner meets them:
/// lesson by lesson, and within a lesson as its chapter presents them.
pub fn course_order(course: &Course) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(course.path(std::path::Path::new("course.toml"))) else {
        return vec!["course.toml cannot be read".to_owned()];
    };
    let listed: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("id = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .filter(|id| course.exercises.iter().any(|e| e.id == *id))
        .collect();
    let position = |id: &str| {
        let ex = course.exercises.iter().find(|e| e.id == id)?;
        course.lessons.iter().position(|l| l.number == ex.lesson)
    };
    let mut problems = Vec::new();
    for pair in listed.windows(2) {
        if position(pair[1]) < position(pair[0]) {
            problems.push(format!(
                "course.toml lists {} after {}: list the exercises in lesson order",
                pair[1], pair[0]
            ));
        }
    }
    for lesson in &course.lessons {
        let Ok(chapter) = std::fs::read_to_string(course.path(&lesson.chapter())) else {
            continue;
        };
        let in_chapter: Vec<&str> = chapter
            .lines()
            .filter_map(|l| l.trim().strip_prefix("### Exercise "))
            .collect();
        let in_toml: Vec<&str> = listed
            .iter()
            .copied()
            .filter(|id| {
                course
                    .exercises
                    .iter()
                    .any(|e| e.id == *id && e.lesson == lesson.number)
            })
            .collect();
        let in_chapter: Vec<&str> = in_chapter
            .into_iter()
            .filter(|id| in_toml.contains(id))
            .collect();
        if in_chapter != in_toml {
            problems.push(format!(
                "lesson {}: course.toml lists its exercises as {in_toml:?}, the chapter \
                 presents them as {in_chapter:?}: one order for both",
                lesson.number
            ));
        }
    }
    problems
}

/// Every check in a lesson's `tests/exercises.rs` says what it compared:
/// a learner reads the message, never the test. A bare `assert!(x)` or
/// `assert_eq!(a, b)` prints only "left: 5, right: 1", and `.unwrap()` a
/// library's error with a location in a file the learner does not edit.
pub fn exercise_tests_file(course: &Course, lesson: &Lesson) -> Vec<String> {
    let path = lesson.dir().join("tests/exercises.rs");
    let Ok(source) = std::fs::read_to_string(course.path(&path)) else {
        return Vec::new();
    };
    bare_checks(&source)
        .into_iter()
        .map(|(line, what)| format!("{}:{line}: {what}", path.display()))
        .collect()
}

/// The macros that need a message, and how many arguments they take
/// without one.
const CHECKS: [(&str, usize); 5] = [
    ("assert!(", 1),
    ("assert_eq!(", 2),
    ("assert_ne!(", 2),
    ("debug_assert!(", 1),
    ("debug_assert_eq!(", 2),
];

/// `(line, problem)` for each check in `source` without a message.
pub fn bare_checks(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (start, _) in source.match_indices('!') {
        let before = &source[..=start];
        let Some((name, bare_args)) = CHECKS.iter().find_map(|(name, n)| {
            let word = name.trim_end_matches('(');
            let ident_before = before
                .strip_suffix(word)?
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            (!ident_before && source[start + 1..].starts_with('(')).then_some((word, *n))
        }) else {
            continue;
        };
        let args = top_level_args(&source[start + 2..]);
        if args <= bare_args {
            let line = source[..start].lines().count().max(1);
            found.push((
                line,
                format!("`{name}` without a message: say what was compared"),
            ));
        }
    }
    for (at, _) in source.match_indices(".unwrap()") {
        let line = source[..at].lines().count().max(1);
        found.push((
            line,
            "`.unwrap()`: use `.expect(\"what failed\")` or a message".to_owned(),
        ));
    }
    found.sort();
    found
}

/// How many comma-separated arguments a macro call has, given the text
/// after its `(`. Strings, chars and nested brackets are skipped; a trailing
/// comma adds none.
fn top_level_args(rest: &str) -> usize {
    let mut depth = 0usize;
    let mut args = 0usize;
    let mut current_has_text = false;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                current_has_text = true;
            }
            ')' | ']' | '}' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            ',' if depth == 0 => {
                if current_has_text {
                    args += 1;
                }
                current_has_text = false;
            }
            '"' => {
                current_has_text = true;
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                current_has_text = true;
                // A char literal ('x', '\n') or a lifetime ('a): skip the
                // literal, leave the lifetime.
                let mut ahead = chars.clone();
                match (ahead.next(), ahead.next()) {
                    (Some('\\'), _) => {
                        for c in chars.by_ref() {
                            if c == '\'' {
                                break;
                            }
                        }
                    }
                    (Some(_), Some('\'')) => {
                        chars.next();
                        chars.next();
                    }
                    _ => {}
                }
            }
            c if !c.is_whitespace() => current_has_text = true,
            _ => {}
        }
    }
    if current_has_text {
        args += 1;
    }
    args
}

/// The string messages of every `todo!(...)` in `source`; `""` for a bare
/// `todo!()` or one whose argument is not a string literal.
pub fn todo_messages(source: &str) -> Vec<String> {
    let mut messages = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("todo!(") {
        rest = &rest[at + "todo!(".len()..];
        let Some(literal) = rest.trim_start().strip_prefix('"') else {
            messages.push(String::new());
            continue;
        };
        let mut message = String::new();
        let mut chars = literal.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => {
                    if let Some(escaped) = chars.next() {
                        message.push(escaped);
                    }
                }
                c => message.push(c),
            }
        }
        messages.push(message);
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::todo_messages;

    #[test]
    fn finds_checks_without_a_message() {
        let source = "\
assert!(ok);
assert!(ok, \"the flag is set\");
assert_eq!(a, b);
assert_eq!(f(a, [1, 2]), b,);
assert_eq!(a, b, \"{a}, {b}\");
assert_eq!(c, ',', \"a comma\");
assert_ne!(s, \"x, y\");
my_assert!(a, b);
let v = x.unwrap();
let v = x.unwrap_or(1);
";
        let lines: Vec<usize> = super::bare_checks(source).iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 3, 4, 7, 9], "{:#?}", super::bare_checks(source));
    }

    #[test]
    fn reads_todo_messages() {
        let source =
            "fn a() { todo!() }\nfn b() {\n    todo!(\n        \"say \\\"hi\\\"\"\n    )\n}\n";
        assert_eq!(todo_messages(source), ["", "say \"hi\""]);
        assert!(todo_messages("fn c() {}").is_empty());
    }
}
