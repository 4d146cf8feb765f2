//! One module per subcommand. Each takes the loaded [`Course`] and returns
//! the process exit code; errors are reported by `main`.
//!
//! [`Course`]: crate::manifest::Course

pub mod check;
pub mod hint;
pub mod list;
pub mod next;
pub mod reset;
pub mod run;
pub mod verify;
pub mod watch;
