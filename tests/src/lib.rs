//! Cross-lesson checks. The tests in `tests/` read `course.toml` with the
//! runner's own parser and hold the lessons, their tests and the book to it.
