//! Known-wrong answers: each exercise keeps plausible mistakes in
//! `lessons/NN-topic/tests/wrong/<module>/<mistake>.rs`, and `verify`
//! proves its tests kill every one of them.
//!
//! A wrong answer is compiled exactly where a learner's answer would be: in
//! place of the stub, `src/exercises/<module>.rs`, which is put back
//! afterwards. It must build, it must fail (not hang: a learner's hang must
//! end in a message too), and the first failure a learner would read (the
//! first failing test by name, as `check` lists them) must name the
//! mistake. The file says which words it expects in its header:
//!
//! ```text
//! //! Wrong answer: the balance is read, the audit awaited, then written
//! //! Expect: read the balance before
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use super::super::check::{Target, test_args};
use crate::cargo::TestStatus;
use crate::manifest::{Course, Exercise};
use crate::testrun;
use crate::ui;

/// Every exercise keeps at least this many wrong answers.
pub const AT_LEAST: usize = 2;

/// The header line that describes the mistake.
const MISTAKE: &str = "//! Wrong answer:";
/// The header line with the words the first failure must contain.
const EXPECT: &str = "//! Expect:";

/// One file of `tests/wrong/<module>/`.
#[derive(Debug)]
pub struct WrongAnswer {
    /// The file stem, e.g. `no_lock`.
    pub name: String,
    pub path: PathBuf,
    /// The header's description of the mistake.
    pub mistake: String,
    /// Words the first failure message must contain.
    pub expect: String,
}

/// What one wrong answer did under the tests.
#[derive(Debug)]
pub struct Outcome {
    pub name: String,
    /// The first failure message's first line, when it failed.
    pub first_message: Option<String>,
    /// Why it does not count as proven, if it does not.
    pub problem: Option<String>,
}

/// The folder of `ex`'s wrong answers.
pub fn folder(course: &Course, ex: &Exercise) -> PathBuf {
    course.path(
        &course
            .lesson_of(ex)
            .dir()
            .join("tests/wrong")
            .join(&ex.module),
    )
}

/// The wrong answers of `ex`, by name; a file without its header lines is
/// an error to report.
pub fn wrong_answers(course: &Course, ex: &Exercise) -> Result<Vec<Result<WrongAnswer, String>>> {
    let dir = folder(course, ex);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("could not list {}", dir.display()))?;
    paths.retain(|p| p.extension().is_some_and(|x| x == "rs"));
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        out.push(parse(&path, &text));
    }
    Ok(out)
}

fn parse(path: &Path, text: &str) -> Result<WrongAnswer, String> {
    let header = |prefix: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .map(|rest| rest.trim().to_owned())
            .filter(|rest| !rest.is_empty())
    };
    let (Some(mistake), Some(expect)) = (header(MISTAKE), header(EXPECT)) else {
        return Err(format!(
            "{}: a wrong answer starts with `{MISTAKE} …` and `{EXPECT} …` lines",
            path.display()
        ));
    };
    Ok(WrongAnswer {
        name: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.to_owned(),
        mistake,
        expect,
    })
}

/// Where the learner's file is kept while a wrong answer stands in for it.
fn kept_copy(stub: &Path) -> PathBuf {
    let mut name = stub.as_os_str().to_owned();
    name.push(".verify-orig");
    PathBuf::from(name)
}

/// Puts back a stub that an interrupted `verify` left replaced. Returns
/// whether there was one.
pub fn restore_leftover(course: &Course, ex: &Exercise) -> Result<bool> {
    let stub = course.path(&ex.file);
    let kept = kept_copy(&stub);
    if !kept.is_file() {
        return Ok(false);
    }
    put_back(&kept, &stub)?;
    Ok(true)
}

/// Writes `kept` over `stub` and removes it. Written, not renamed: the
/// file must get a new modification time, or cargo would take the build of
/// the wrong answer for up to date.
fn put_back(kept: &Path, stub: &Path) -> Result<()> {
    let original =
        std::fs::read(kept).with_context(|| format!("could not read {}", kept.display()))?;
    std::fs::write(stub, original)
        .with_context(|| format!("could not put {} back", stub.display()))?;
    std::fs::remove_file(kept).with_context(|| format!("could not remove {}", kept.display()))
}

/// Stands a wrong answer in for the stub until dropped.
struct StandIn {
    stub: PathBuf,
    kept: PathBuf,
}

impl StandIn {
    fn new(stub: &Path, answer: &Path) -> Result<StandIn> {
        let kept = kept_copy(stub);
        // A copy on disk as well as the rename back on drop: if verify is
        // killed, the next run finds it and puts it back.
        std::fs::copy(stub, &kept).with_context(|| format!("could not keep {}", stub.display()))?;
        std::fs::copy(answer, stub)
            .with_context(|| format!("could not put {} in place", answer.display()))?;
        Ok(StandIn {
            stub: stub.to_owned(),
            kept,
        })
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        if let Err(e) = put_back(&self.kept, &self.stub) {
            eprintln!("error: {e:#}");
        }
    }
}

/// Builds and runs `ex`'s tests with `answer` in place of the stub.
pub fn try_answer(
    course: &Course,
    ex: &Exercise,
    answer: &WrongAnswer,
    timeout: Duration,
) -> Result<Outcome> {
    let lesson = course.lesson_of(ex);
    let label = format!("{}/{}", ex.id, answer.name);
    let outcome = |first_message: Option<String>, problem: Option<String>| Outcome {
        name: answer.name.clone(),
        first_message,
        problem: problem.map(|p| format!("{label}: {p}")),
    };

    let spinner = ui::spinner(format!("trying the wrong answer {label}"));
    let _stand_in = StandIn::new(&course.path(&ex.file), &answer.path)?;
    let built = testrun::build(&course.root, &ex.package, &lesson.dir());
    let binary = match built {
        Ok(Ok(binary)) => binary,
        Ok(Err(log)) => {
            spinner.finish_and_clear();
            let problem = format!(
                "does not compile, so it proves nothing:\n{}",
                testrun::shown_log(&log)
            );
            return Ok(outcome(None, Some(problem)));
        }
        Err(e) => {
            spinner.finish_and_clear();
            return Err(e);
        }
    };
    let limit = timeout.min(ex.time_limit);
    let run = binary.run(&test_args(course, ex, Target::Stub), limit);
    spinner.finish_and_clear();
    let run = run?;

    if let Some(still) = run.hung {
        let problem = format!(
            "hangs instead of failing (stopped after {} s; still running: {}): \
             the tests must time it out with a message",
            limit.as_secs(),
            still.join(", ")
        );
        return Ok(outcome(None, Some(problem)));
    }
    let mut failed: Vec<&str> = run
        .results
        .iter()
        .filter(|r| r.status == TestStatus::Failed)
        .map(|r| r.name.as_str())
        .collect();
    failed.sort_unstable();
    let Some(first) = failed.first() else {
        let problem = format!(
            "passes every test: the tests let this mistake through ({})",
            answer.mistake
        );
        return Ok(outcome(None, Some(problem)));
    };
    let message = run
        .failures
        .iter()
        .find(|f| f.name == *first)
        .map(|f| f.message.clone())
        .unwrap_or_default();
    let first_line = message.lines().next().unwrap_or_default().to_owned();
    if message.starts_with("not yet implemented") {
        let problem = "fails on a todo!(), not on the mistake".to_owned();
        return Ok(outcome(Some(first_line), Some(problem)));
    }
    if !message.contains(&answer.expect) {
        let problem = format!(
            "the first failure ({first}) does not name the mistake: it should contain \
             {:?}, it says:\n{}",
            answer.expect,
            ui::indent(&message, 2)
        );
        return Ok(outcome(Some(first_line), Some(problem)));
    }
    Ok(outcome(Some(first_line), None))
}
