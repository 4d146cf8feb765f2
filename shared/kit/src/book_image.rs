//! Keeps the book's timeline pictures honest.
//!
//! A chapter's SVG is rendered from a paused-clock run of the lesson's own
//! demo, so it is deterministic. A test calls [`check_svg`] with the freshly
//! rendered picture: it fails when the committed file differs, and rewrites
//! the file instead when `UPDATE_BOOK_IMAGES=1` is set (`just book-images`).
//!
//! A picture that can only come from a real-clock run (a blocked thread,
//! real sockets: the paused clock would jump while loopback data is in
//! flight) differs run to run; its test calls [`check_svg_rows`] instead.

use std::path::{Path, PathBuf};

/// The environment variable that switches [`check_svg`] from checking to writing.
pub const UPDATE_VAR: &str = "UPDATE_BOOK_IMAGES";

/// The workspace's `book/src/img` folder, found from a crate's manifest dir
/// (pass `env!("CARGO_MANIFEST_DIR")`).
pub fn image_dir(manifest_dir: &str) -> PathBuf {
    let mut dir = Path::new(manifest_dir);
    while !dir.join("book").join("book.toml").exists() {
        dir = dir.parent().expect("a crate inside the course workspace");
    }
    dir.join("book").join("src").join("img")
}

/// Checks (or, with `UPDATE_BOOK_IMAGES=1`, writes) `book/src/img/<name>`.
#[track_caller]
pub fn check_svg(manifest_dir: &str, name: &str, svg: &str) {
    let path = image_dir(manifest_dir).join(name);
    if std::env::var_os(UPDATE_VAR).is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).expect("create book/src/img");
        std::fs::write(&path, svg).expect("write the picture");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == svg,
        "{} is missing or out of date; regenerate it with `just book-images` \
         (UPDATE_BOOK_IMAGES=1 cargo test --workspace)",
        path.display()
    );
}

/// Checks (or, with `UPDATE_BOOK_IMAGES=1`, writes) a picture drawn from a
/// **real-clock** run: blocked threads, CPU work, real sockets, anything
/// tokio's paused clock cannot show (virtual time stands still while a
/// thread sleeps, and jumps ahead while loopback data is in flight).
///
/// Such a picture's times change from run to run, so comparing bytes as
/// [`check_svg`] does would fail every time. Instead this checks that the
/// committed picture exists and still has a row for each name in `rows`
/// (so it matches the code that draws it); the test that calls it asserts
/// the run's shape (a gap, an overlap) itself. When writing, the fresh
/// picture must have those rows too.
#[track_caller]
pub fn check_svg_rows(manifest_dir: &str, name: &str, svg: &str, rows: &[&str]) {
    let path = image_dir(manifest_dir).join(name);
    let update = std::env::var_os(UPDATE_VAR).is_some_and(|v| v == "1");
    check_rows_at(&path, svg, rows, update);
}

#[track_caller]
fn check_rows_at(path: &Path, svg: &str, rows: &[&str], update: bool) {
    if update {
        assert_has_rows(svg, rows, "the fresh picture");
        std::fs::create_dir_all(path.parent().unwrap()).expect("create book/src/img");
        std::fs::write(path, svg).expect("write the picture");
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; draw it with `UPDATE_BOOK_IMAGES=1 cargo test` \
             on this lesson's picture test",
            path.display()
        )
    });
    assert_has_rows(&committed, rows, &path.display().to_string());
}

#[track_caller]
fn assert_has_rows(svg: &str, rows: &[&str], what: &str) {
    assert!(svg.starts_with("<svg"), "{what} is not an SVG");
    // A row's name is the text of its label: `>name</text>`.
    let escaped = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let missing: Vec<_> = rows
        .iter()
        .filter(|row| !svg.contains(&format!(">{}</text>", escaped(row))))
        .collect();
    assert!(
        missing.is_empty(),
        "{what} has no row {missing:?}; redraw it with UPDATE_BOOK_IMAGES=1"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timeline;

    fn picture(rows: &[&str]) -> String {
        let tl = Timeline::new();
        for row in rows {
            tl.start(*row).end();
        }
        tl.render_svg()
    }

    #[tokio::test]
    async fn real_clock_pictures_are_checked_by_their_rows() {
        let dir = std::env::temp_dir().join(format!("kit-book-image-{}", std::process::id()));
        let path = dir.join("rows.svg");
        let _ = std::fs::remove_file(&path);

        // Missing: the check fails and says how to draw it.
        let missing = std::panic::catch_unwind(|| check_rows_at(&path, "", &["a"], false));
        assert!(missing.is_err());

        // Written once; a later run with other times but the same rows passes.
        check_rows_at(&path, &picture(&["call", "a<b"]), &["call", "a<b"], true);
        check_rows_at(
            &path,
            &picture(&["call", "a<b", "c"]),
            &["call", "a<b"],
            false,
        );

        // A row the code now draws but the committed picture lacks: fails.
        let stale = std::panic::catch_unwind(|| {
            check_rows_at(&path, &picture(&["call"]), &["call", "new row"], false)
        });
        assert!(stale.is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
