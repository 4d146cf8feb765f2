//! `course.toml`, the course map: lessons, the claims they prove, and the
//! exercises, with every path and package name derived from them.
//!
//! The naming rules live here and only here (see the header of
//! `course.toml`): lesson folder `lessons/NN-slug`, package `lesson-NN-slug`,
//! chapter `book/src/NN-slug.md`; exercise id `NN-name`, learner file
//! `src/exercises/<name>.rs` with `-` turned into `_`, reference
//! `src/solutions/<name>.rs`, tests in the `<name>` module of
//! `tests/exercises.rs`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::error::UsageError;
use crate::suggest;

/// The file that marks the course root.
pub const MANIFEST: &str = "course.toml";

pub use crate::RUNNER;

/// The whole course map, loaded from `<root>/course.toml`.
#[derive(Debug, Clone)]
pub struct Course {
    /// The course root: the folder holding `course.toml`.
    pub root: PathBuf,
    pub lessons: Vec<Lesson>,
    pub claims: Vec<Claim>,
    /// In the order the learner meets them.
    pub exercises: Vec<Exercise>,
}

/// One `[[lesson]]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Two digits, e.g. `"01"`.
    pub number: String,
    pub slug: String,
    pub title: String,
    /// `false` while the chapter is a draft and the crate does not exist.
    #[serde(default = "yes")]
    pub ready: bool,
}

/// One `[[claim]]`: a statement a lesson's tests prove.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The lesson number, e.g. `"01"`.
    pub lesson: String,
    pub says: String,
}

/// One `[[exercise]]`, with the paths derived from its id and lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    /// `NN-name`, e.g. `01-one-after-another`.
    pub id: String,
    /// The lesson number, e.g. `"01"`.
    pub lesson: String,
    pub level: String,
    pub title: String,
    /// The nudge: where to look, not what to write (`hint ID`).
    pub hint: String,
    /// The recipe: how to write it (`hint ID --more`).
    pub more: String,
    /// How long one run of its tests may take before it counts as hung.
    pub time_limit: Duration,
    /// The Rust module name: `one_after_another`.
    pub module: String,
    /// The lesson's package, e.g. `lesson-01-coroutines`.
    pub package: String,
    /// The file the learner edits, relative to the root.
    pub file: PathBuf,
    /// The reference solution, relative to the root.
    pub solution: PathBuf,
    /// The lesson's chapter, relative to the root.
    pub chapter: PathBuf,
}

fn yes() -> bool {
    true
}

/// The raw shape of `course.toml`, before validation and derivation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    #[serde(default)]
    lesson: Vec<Lesson>,
    #[serde(default)]
    claim: Vec<Claim>,
    #[serde(default)]
    exercise: Vec<RawExercise>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    id: String,
    lesson: String,
    level: String,
    title: String,
    #[serde(default)]
    hint: String,
    #[serde(default)]
    more: String,
    /// Seconds; [`DEFAULT_TIME_LIMIT`] when absent.
    time_limit_secs: Option<u64>,
}

/// How long an exercise's tests may run when `course.toml` does not say.
/// Paused-clock tests take milliseconds, so this is generous: what it
/// catches is a busy loop or an await that never completes.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(30);

impl Lesson {
    /// `NN-slug`: the folder name, the package suffix and the chapter name.
    pub fn name(&self) -> String {
        format!("{}-{}", self.number, self.slug)
    }

    /// The lesson's crate folder, relative to the root.
    pub fn dir(&self) -> PathBuf {
        Path::new("lessons").join(self.name())
    }

    /// The lesson's Cargo package.
    pub fn package(&self) -> String {
        format!("lesson-{}", self.name())
    }

    /// The lesson's book chapter, relative to the root.
    pub fn chapter(&self) -> PathBuf {
        Path::new("book")
            .join("src")
            .join(format!("{}.md", self.name()))
    }
}

/// The module name of exercise `id` in lesson `number`: the id without the
/// `NN-` prefix, `-` turned into `_`. `None` if the id lacks the prefix.
pub fn module_name(id: &str, lesson: &str) -> Option<String> {
    let name = id.strip_prefix(lesson)?.strip_prefix('-')?;
    let valid = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    valid.then(|| name.replace('-', "_"))
}

impl Exercise {
    fn derive(raw: RawExercise, lesson: &Lesson) -> Result<Self> {
        let Some(module) = module_name(&raw.id, &lesson.number) else {
            bail!(
                "exercise `{}`: the id must be `{}-name` (lowercase letters, digits and `-`)",
                raw.id,
                lesson.number
            );
        };
        let src = lesson.dir().join("src");
        Ok(Self {
            file: src.join("exercises").join(format!("{module}.rs")),
            solution: src.join("solutions").join(format!("{module}.rs")),
            package: lesson.package(),
            chapter: lesson.chapter(),
            module,
            id: raw.id,
            lesson: raw.lesson,
            level: raw.level,
            title: raw.title,
            hint: raw.hint.trim().to_owned(),
            more: raw.more.trim().to_owned(),
            time_limit: raw
                .time_limit_secs
                .map_or(DEFAULT_TIME_LIMIT, Duration::from_secs),
        })
    }

    /// The command that checks this exercise.
    pub fn check_command(&self) -> String {
        format!("{RUNNER} check {}", self.id)
    }

    /// The command that prints this exercise's hint.
    pub fn hint_command(&self) -> String {
        format!("{RUNNER} hint {}", self.id)
    }
}

impl Course {
    /// Loads `<root>/course.toml`.
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join(MANIFEST);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        Self::parse(root, &text).with_context(|| format!("in {}", path.display()))
    }

    /// Parses the text of a `course.toml` whose folder is `root`, checking
    /// that every reference in it resolves.
    pub fn parse(root: &Path, text: &str) -> Result<Self> {
        let raw: RawCourse = toml::from_str(text)?;

        let mut numbers = HashSet::new();
        for lesson in &raw.lesson {
            let digits =
                lesson.number.len() == 2 && lesson.number.bytes().all(|b| b.is_ascii_digit());
            if !digits {
                bail!("lesson `{}`: the number must be two digits", lesson.number);
            }
            if !numbers.insert(lesson.number.as_str()) {
                bail!("lesson {} is listed twice", lesson.number);
            }
        }
        let find = |number: &str, what: &str| {
            raw.lesson
                .iter()
                .find(|l| l.number == number)
                .with_context(|| format!("{what} names lesson `{number}`, which is not listed"))
        };

        let mut claim_ids = HashSet::new();
        for claim in &raw.claim {
            find(&claim.lesson, &format!("claim `{}`", claim.id))?;
            if !claim_ids.insert(claim.id.as_str()) {
                bail!("claim `{}` is listed twice", claim.id);
            }
        }

        let mut exercises: Vec<Exercise> = Vec::new();
        for ex in raw.exercise {
            let lesson = find(&ex.lesson, &format!("exercise `{}`", ex.id))?;
            let ex = Exercise::derive(ex, lesson)?;
            if exercises.iter().any(|e| e.id == ex.id) {
                bail!("exercise `{}` is listed twice", ex.id);
            }
            exercises.push(ex);
        }
        // The learner meets exercises lesson by lesson, in file order within
        // a lesson, wherever a lesson's entries sit in the file.
        let position = |number: &str| raw.lesson.iter().position(|l| l.number == number);
        exercises.sort_by_key(|e| position(&e.lesson));

        Ok(Self {
            root: root.to_path_buf(),
            lessons: raw.lesson,
            claims: raw.claim,
            exercises,
        })
    }

    /// `path` (relative to the root) as a path the process can open.
    pub fn path(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }

    /// The lesson with this number.
    pub fn lesson_by_number(&self, number: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.number == number)
    }

    /// The lesson an exercise belongs to. Always exists: `parse` checked it.
    pub fn lesson_of(&self, exercise: &Exercise) -> &Lesson {
        self.lesson_by_number(&exercise.lesson)
            .expect("course.toml was validated: every exercise's lesson exists")
    }

    /// The exercises of one lesson, in course order.
    pub fn exercises_of<'a>(&'a self, lesson: &'a Lesson) -> impl Iterator<Item = &'a Exercise> {
        self.exercises
            .iter()
            .filter(move |e| e.lesson == lesson.number)
    }

    /// The exercises the learner can do now: those of ready lessons.
    pub fn available_exercises(&self) -> impl Iterator<Item = &Exercise> {
        self.exercises.iter().filter(|e| self.lesson_of(e).ready)
    }

    /// Looks an exercise up by id; the error suggests the closest id.
    pub fn exercise(&self, id: &str) -> Result<&Exercise, UsageError> {
        if let Some(ex) = self.exercises.iter().find(|e| e.id == id) {
            return Ok(ex);
        }
        let ids = self.exercises.iter().map(|e| e.id.as_str());
        Err(UsageError::unknown(
            "exercise",
            id,
            suggest::closest(id, ids),
        ))
    }

    /// Looks a lesson up by `01`, `1`, `01-coroutines` or `coroutines`.
    pub fn lesson(&self, query: &str) -> Result<&Lesson, UsageError> {
        let query = query.trim();
        let by_number = |l: &&Lesson| match (query.parse::<u32>(), l.number.parse::<u32>()) {
            (Ok(q), Ok(n)) => q == n,
            _ => false,
        };
        let found = self
            .lessons
            .iter()
            .find(|l| l.name() == query || l.slug == query)
            .or_else(|| self.lessons.iter().find(by_number));
        if let Some(lesson) = found {
            return Ok(lesson);
        }
        let names: Vec<String> = self.lessons.iter().map(Lesson::name).collect();
        let closest = suggest::closest(query, names.iter().map(String::as_str));
        Err(UsageError::unknown("lesson", query, closest))
    }
}
