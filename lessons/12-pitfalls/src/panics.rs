//! Reading tokio's panic messages back (the kit's helpers, shared with
//! lesson 10).

pub use kit::panics::{join_error_text, message, panic_text_of};
