//! Smaller pieces: the test arguments `check` builds, backup names, the
//! progress bar, and the watcher's change filter.

use std::path::Path;

use course::changes::Snapshot;
use course::commands::check::{Target, test_args};
use course::commands::reset::backup_path;
use course::manifest::Course;
use course::ui::progress_bar;

const COURSE: &str = r#"
[[lesson]]
number = "01"
slug = "coroutines"
title = "Coroutines"

[[exercise]]
id = "01-flag"
lesson = "01"
level = "core"
title = "t"
hint = "h"

[[exercise]]
id = "01-red-flag"
lesson = "01"
level = "core"
title = "t"
hint = "h"
"#;

#[test]
fn check_runs_exactly_the_exercise_tests() {
    let course = Course::parse(Path::new("."), COURSE).unwrap();
    let flag = course.exercise("01-flag").unwrap();
    let args = test_args(&course, flag, Target::Stub);
    assert_eq!(
        args.join(" "),
        "--ignored flag::stub:: --skip red_flag::stub::",
        "libtest filters by substring, so `red_flag` must be skipped"
    );
    let args = test_args(&course, flag, Target::Solution);
    assert_eq!(
        args.join(" "),
        "flag::solution:: --skip red_flag::solution::"
    );
    let red = course.exercise("01-red-flag").unwrap();
    let args = test_args(&course, red, Target::Stub);
    assert_eq!(args.last().unwrap(), "red_flag::stub::", "nothing to skip");
}

#[test]
fn backups_sit_next_to_the_file() {
    assert_eq!(
        backup_path(Path::new(
            "lessons/01-coroutines/src/exercises/one_after_another.rs"
        )),
        Path::new("lessons/01-coroutines/src/exercises/one_after_another.rs.backup")
    );
}

#[test]
fn progress_bar_is_static_text() {
    // NO_COLOR is not needed: colour is only ever used on a terminal.
    assert_eq!(progress_bar(0, 4, 8), "[░░░░░░░░]   0%");
    assert_eq!(progress_bar(1, 4, 8), "[██░░░░░░]  25%");
    assert_eq!(progress_bar(4, 4, 8), "[████████] 100%");
    assert_eq!(progress_bar(0, 0, 4), "[░░░░]   0%", "an empty course");
}

#[test]
fn only_written_files_count_as_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.rs");
    std::fs::write(&file, "fn a() {}").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let mut snapshot = Snapshot::of(dir.path());

    // Opened, not written: rustc reading the sources during a check.
    assert!(!snapshot.changed([file.as_path()]));

    // Written: a save. Set the time explicitly; coarse clocks may not tick.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert!(snapshot.changed([file.as_path()]));
    assert!(!snapshot.changed([file.as_path()]), "seen now");

    // Created and deleted files count; other extensions never do.
    let new = dir.path().join("b.rs");
    std::fs::write(&new, "").unwrap();
    assert!(snapshot.changed([new.as_path()]));
    std::fs::remove_file(&new).unwrap();
    assert!(snapshot.changed([new.as_path()]));
    assert!(!snapshot.changed([dir.path().join("notes.txt").as_path()]));
    assert!(!snapshot.changed([dir.path().join("a.rs.backup").as_path()]));
}
