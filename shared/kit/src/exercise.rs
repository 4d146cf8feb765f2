//! Exercise tests, written once, run twice.
//!
//! Each exercise has a stub the learner edits (`src/exercises/NAME.rs`) and a
//! reference solution (`src/solutions/NAME.rs`). Both always compile, so the
//! workspace stays green. [`exercise_tests!`] takes the tests once and expands
//! them into two modules:
//!
//! - `NAME::solution::*` run on every `cargo test --workspace`, proving the
//!   reference solution;
//! - `NAME::stub::*` are `#[ignore]`d with a reason that names the command
//!   that checks them, so an unfinished stub is listed as "ignored", never
//!   counted as a failure and never silently absent. `cargo run -p course --
//!   check ID` runs exactly these with `--ignored`.
//!
//! Inside the tests, `subject` is the module under test.

/// Declares the tests of one exercise; see the [module docs](self).
///
/// ```ignore
/// // ignore: expands only inside a lesson's `tests/exercises.rs`, where the
/// // lesson crate with its `exercises` and `solutions` modules exists.
/// kit::exercise_tests! {
///     lesson: lesson_01_coroutines, exercise: sequential, id: "01-sequential";
///
///     #[tokio::test(start_paused = true)]
///     async fn takes_the_sum() {
///         let (_, took) = kit::timing::measure(subject::fetch_all()).await;
///         assert_eq!(took, std::time::Duration::from_millis(600));
///     }
/// }
/// ```
#[macro_export]
macro_rules! exercise_tests {
    (
        lesson: $lesson:ident, exercise: $name:ident, id: $id:literal;
        $($test:item)*
    ) => {
        mod $name {
            /// The learner's stub: ignored by `cargo test`, run by the runner.
            mod stub {
                #[allow(unused_imports)]
                use super::super::*;
                #[allow(unused_imports)]
                use $lesson::exercises::$name as subject;
                $(
                    #[ignore = concat!("exercise: check it with `cargo run -p course -- check ", $id, "`")]
                    $test
                )*
            }
            /// The reference solution: always tested.
            mod solution {
                #[allow(unused_imports)]
                use super::super::*;
                #[allow(unused_imports)]
                use $lesson::solutions::$name as subject;
                $($test)*
            }
        }
    };
}
