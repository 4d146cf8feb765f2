//! The state file: round trip, comments, unknown ids.

use course::state::{STATE_FILE, State};

#[test]
fn round_trips_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = State::path(dir.path());
    assert_eq!(path, dir.path().join(STATE_FILE));

    let fresh = State::load(&path).unwrap();
    assert_eq!(fresh, State::default(), "a missing file means nothing done");

    let mut state = State::default();
    assert!(state.mark_done("01-timed"));
    assert!(!state.mark_done("01-timed"), "already done");
    assert!(state.mark_done("01-one-after-another"));
    state.save(&path).unwrap();

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with('#'),
        "a comment header explains the file:\n{text}"
    );
    let loaded = State::load(&path).unwrap();
    assert_eq!(loaded, state);
    assert!(loaded.is_done("01-timed"));
    assert!(!loaded.is_done("01-flag"));

    let mut loaded = loaded;
    assert!(loaded.mark_not_done("01-timed"));
    assert!(!loaded.mark_not_done("01-timed"));
    assert!(!loaded.is_done("01-timed"));
}

#[test]
fn skips_comments_and_blank_lines_and_keeps_unknown_ids() {
    let state = State::parse("# header\n\n  01-timed  \n# 01-flag\n99-gone\n");
    let ids: Vec<&str> = state.ids().collect();
    assert_eq!(ids, ["01-timed", "99-gone"]);
    assert!(!state.is_done("01-flag"));
}

#[test]
fn a_damaged_file_is_read_for_what_it_holds_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = State::path(dir.path());
    let damaged = "01-timed\n\u{0}\u{0}garbage line\n02-run-sync\n";
    std::fs::write(&path, damaged).unwrap();

    let state = State::load(&path).unwrap();
    let ids: Vec<&str> = state.ids().collect();
    assert_eq!(
        ids,
        ["01-timed", "02-run-sync"],
        "the valid lines still count"
    );
    let copy = State::damaged_copy(&path);
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        damaged,
        "a copy is kept"
    );

    // Not text at all: nothing counts, and the bytes are kept.
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    assert_eq!(State::load(&path).unwrap(), State::default());
    assert_eq!(std::fs::read(&copy).unwrap(), [0xff, 0xfe, 0x00, 0x41]);
}
