//! Keeps the book's timeline pictures honest.
//!
//! A chapter's SVG is rendered from a paused-clock run of the lesson's own
//! demo, so it is deterministic. A test calls [`check_svg`] with the freshly
//! rendered picture: it fails when the committed file differs, and rewrites
//! the file instead when `UPDATE_BOOK_IMAGES=1` is set (`just book-images`).

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
