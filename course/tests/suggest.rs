//! "Did you mean ...?"

use course::suggest::{closest, distance};

const IDS: [&str; 3] = ["01-one-after-another", "01-timed", "01-flag"];

#[test]
fn edit_distance() {
    assert_eq!(distance("", ""), 0);
    assert_eq!(distance("abc", ""), 3);
    assert_eq!(distance("kitten", "sitting"), 3);
    assert_eq!(distance("01-timed", "01-timed"), 0);
    assert_eq!(distance("01-tmied", "01-timed"), 2);
}

#[test]
fn suggests_typos_and_missing_prefixes() {
    assert_eq!(closest("01-timd", IDS), Some("01-timed"));
    assert_eq!(closest("01-flga", IDS), Some("01-flag"));
    assert_eq!(
        closest("timed", IDS),
        Some("01-timed"),
        "lesson prefix left out"
    );
    assert_eq!(
        closest("one_after_another", IDS),
        Some("01-one-after-another"),
        "module name"
    );
    assert_eq!(
        closest("1-one-after-anoter", IDS),
        Some("01-one-after-another")
    );
}

#[test]
fn suggests_nothing_when_nothing_is_close() {
    assert_eq!(closest("banana-split", IDS), None);
    assert_eq!(closest("", IDS), None);
    assert_eq!(
        closest("01", IDS),
        None,
        "matches all three: ambiguous, and too far from each"
    );
}
