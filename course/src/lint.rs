//! The checks of an exercise that need no test run, in one place: `verify`
//! reports them, and the workspace's course checks (`tests/`) fail on them,
//! so `cargo test --workspace` catches a broken exercise before CI does.

use crate::manifest::{Course, Exercise};

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
    fn reads_todo_messages() {
        let source =
            "fn a() { todo!() }\nfn b() {\n    todo!(\n        \"say \\\"hi\\\"\"\n    )\n}\n";
        assert_eq!(todo_messages(source), ["", "say \"hi\""]);
        assert!(todo_messages("fn c() {}").is_empty());
    }
}
