//! Known mistakes: turning rustc's or tokio's words into "this is the
//! mistake chapter NN explains, in this section".
//!
//! The table is `course/mistakes.toml`, built into the runner. `check` and
//! `watch` hand it a failed build's diagnostics or a failed run's panic
//! messages, and print one [`Mistake::pointer`] line per mistake found.

use std::sync::OnceLock;

use serde::Deserialize;

const TABLE: &str = include_str!("../mistakes.toml");

/// One entry of `mistakes.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mistake {
    pub id: String,
    /// The rustc error code the diagnostic must carry, e.g. `E0277`.
    #[serde(default)]
    pub code: Option<String>,
    /// Strings that must all appear in one diagnostic or panic message.
    #[serde(default)]
    pub text: Vec<String>,
    /// What the mistake is, in the learner's words.
    pub says: String,
    /// The chapter's file in `book/src`.
    pub chapter: String,
    /// The heading of the section that explains it, exactly as written.
    pub section: String,
}

#[derive(Deserialize)]
struct Table {
    mistake: Vec<Mistake>,
}

/// Parses a table in `mistakes.toml`'s format.
pub fn parse(text: &str) -> Result<Vec<Mistake>, toml::de::Error> {
    Ok(toml::from_str::<Table>(text)?.mistake)
}

/// The runner's table, parsed once.
pub fn table() -> &'static [Mistake] {
    static PARSED: OnceLock<Vec<Mistake>> = OnceLock::new();
    // The file is built in and checked by the course's tests, so a broken
    // table is the course's bug, found before any learner sees it.
    PARSED.get_or_init(|| parse(TABLE).expect("course/mistakes.toml parses"))
}

impl Mistake {
    fn matches(&self, code: Option<&str>, text: &str) -> bool {
        let code_fits = match &self.code {
            Some(wanted) => code == Some(wanted.as_str()),
            None => true,
        };
        code_fits && self.text.iter().all(|t| text.contains(t.as_str()))
    }

    /// The section's address in the web book: `05-primitives.html#pitfalls`.
    pub fn web_address(&self) -> String {
        let page = self.chapter.trim_end_matches(".md");
        format!("{page}.html#{}", heading_id(&self.section))
    }

    /// The line `check` prints: what the mistake is and where to read
    /// about it, for a reader of the Markdown and of the web book alike.
    pub fn pointer(&self) -> String {
        format!(
            "→ Known mistake: {}. Read book/src/{}, section \"{}\" ({}).",
            self.says,
            self.chapter,
            self.section,
            self.web_address()
        )
    }
}

/// mdBook's id for a heading: lower case, spaces to dashes, and every
/// other character that is not alphanumeric, `_` or `-` dropped.
pub fn heading_id(title: &str) -> String {
    title
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c.to_ascii_lowercase()),
            ' ' => Some('-'),
            _ => None,
        })
        .collect()
}

/// The error diagnostics of a build log, each with its code: rustc's
/// `error[E0277]: …` up to the next `error`/`warning` line.
fn diagnostics(log: &str) -> Vec<(Option<&str>, String)> {
    let mut out: Vec<(Option<&str>, String)> = Vec::new();
    let mut in_error = false;
    for line in log.lines() {
        if let Some(rest) = line.strip_prefix("error") {
            let code = rest
                .strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .map(|(code, _)| code);
            out.push((code, line.to_owned()));
            in_error = true;
        } else if line.starts_with("warning") {
            in_error = false;
        } else if in_error && let Some((_, text)) = out.last_mut() {
            text.push('\n');
            text.push_str(line);
        }
    }
    out
}

/// The first entry of `table` that a diagnostic or message fits.
fn first_match<'t>(table: &'t [Mistake], code: Option<&str>, text: &str) -> Option<&'t Mistake> {
    table.iter().find(|m| m.matches(code, text))
}

/// Adds `found` to `out` unless it is there already.
fn push_once<'t>(out: &mut Vec<&'t Mistake>, found: Option<&'t Mistake>) {
    if let Some(m) = found
        && !out.iter().any(|seen| seen.id == m.id)
    {
        out.push(m);
    }
}

/// The known mistakes in a failed build's log, in the order they appear.
pub fn in_build_log<'t>(table: &'t [Mistake], log: &str) -> Vec<&'t Mistake> {
    let mut out = Vec::new();
    for (code, text) in diagnostics(log) {
        push_once(&mut out, first_match(table, code, &text));
    }
    out
}

/// The known mistakes in a run's panic messages, in the order given.
/// Entries with an error code are compiler errors, never panics.
pub fn in_messages<'t, 'm>(
    table: &'t [Mistake],
    messages: impl IntoIterator<Item = &'m str>,
) -> Vec<&'t Mistake> {
    let mut out = Vec::new();
    for message in messages {
        push_once(&mut out, first_match(table, None, message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_table_parses_and_has_unique_ids() {
        let ids: Vec<&str> = table().iter().map(|m| m.id.as_str()).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "two entries share an id: {ids:?}");
        assert!(ids.len() >= 25, "the table lists {} mistakes", ids.len());
    }

    #[test]
    fn every_entry_can_be_recognised() {
        for m in table() {
            assert!(
                m.code.is_some() || !m.text.is_empty(),
                "{}: an entry without a code or a text would match everything",
                m.id
            );
        }
    }

    #[test]
    fn a_diagnostic_is_matched_by_its_code_and_its_text() {
        let log = "\
error[E0599]: no method named `next` found for struct `Iter` in the current scope
   --> src/exercises/lines.rs:9:22
    = help: trait `StreamExt` which provides `next` is implemented but not in scope
warning: unused import: `std::fmt`
 = note: StreamExt
error: could not compile `lesson-04-streams` (test \"exercises\") due to 1 previous error";
        let found: Vec<&str> = in_build_log(table(), log)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(found, ["stream-ext-not-imported"]);
    }

    #[test]
    fn the_specific_entry_wins_and_each_mistake_is_named_once() {
        let guard = "error: future cannot be sent between threads safely\n\
                     note: has type `std::sync::MutexGuard<'_, State>` which is not `Send`";
        let log = format!("{guard}\n{guard}");
        let found: Vec<&str> = in_build_log(table(), &log)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(found, ["std-mutex-guard-across-await"]);
    }

    #[test]
    fn a_panic_never_matches_a_compiler_code() {
        let found = in_messages(table(), ["the trait `Unpin` is not implemented"]);
        assert!(found.is_empty(), "matched {found:?}");
    }

    #[test]
    fn pointers_name_the_file_and_the_web_address() {
        let m = table()
            .iter()
            .find(|m| m.id == "rc-across-await")
            .expect("the entry exists");
        assert_eq!(
            m.web_address(),
            "05-primitives.html#tasks-that-are-not-send-spawn_local"
        );
        assert!(m.pointer().contains("book/src/05-primitives.md"));
    }
}
