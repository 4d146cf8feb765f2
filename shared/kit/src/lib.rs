//! The course's shared kit.
//!
//! Every lesson leans on the same small tools:
//!
//! - [`timeline`]: records when named tasks start, wait and end, and draws it
//!   as an ASCII Gantt chart (terminal) or an SVG (book).
//! - [`timing`]: measures elapsed time and asserts it, exactly under tokio's
//!   paused clock, with one stated margin under the real clock.
//! - [`sim`]: simulated I/O (`fetch(name, delay)` and friends), the running
//!   example of the tutorials this course follows.
//! - [`panics`]: the text of a panic, from a payload or a task's `JoinError`.
//! - [`in_flight`]: a gauge of jobs in flight and the most at once
//!   ([`InFlight`]), built in lesson 05.
//! - [`grade`]: exercise-test verdicts that say what was compared, and
//!   "too slow" told apart from "never finished".
//! - [`show`]: the section headings every lesson program prints.
//! - [`book_image`]: checks the book's timeline pictures against a fresh run.
//! - [`servers`]: finds a real server (PostgreSQL, MySQL, Redis) for a test
//!   through its URL variable; skips, or in CI fails, when it is missing.
//! - [`cli`]: a program's error on one line, and the checks of every
//!   lesson's `tests/cli.rs` (`--help`, an unknown argument).
//! - [`exercise_tests!`]: writes an exercise's tests once and runs them
//!   against both the learner's stub and the reference solution.

pub mod book_image;
pub mod cli;
pub mod exercise;
pub mod grade;
pub mod in_flight;
pub mod panics;
pub mod servers;
pub mod show;
pub mod sim;
pub mod timeline;
pub mod timing;

pub use in_flight::{InFlight, InFlightGuard};
pub use show::heading;
pub use timeline::Timeline;
