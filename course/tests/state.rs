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
