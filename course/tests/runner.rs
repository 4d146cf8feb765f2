//! The runner's quick tests in one binary: its pieces (manifest, state,
//! suggestions, test output, helpers) and its command line. The slow ones
//! (cargo builds of a tiny course, a terminal) keep binaries of their own:
//! `end_to_end`, `mistakes` and `watch`.

mod cli;
mod helpers;
mod manifest;
mod state;
mod suggest;
mod test_output;
