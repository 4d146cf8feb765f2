//! Lesson 07 — HTTP clients with reqwest.
//!
//! Every request in this lesson goes to the course's own test server
//! (`test_server::TestServer`) on 127.0.0.1, never to the internet, so the
//! lesson runs offline and its numbers are the server's, not the network's.
//!
//! Each module is one idea, run in order by `cargo run -p lesson-07-http`
//! and shown in `book/src/07-http.md`:
//!
//! - [`client`]: one `Client`, built once and shared (aiohttp's
//!   `ClientSession`), and what a client per request costs.
//! - [`json`]: GET as text and as JSON into a struct, POST JSON.
//! - [`errors`]: status errors, timeouts, and telling errors apart.
//! - [`speed`]: sequential vs concurrent requests.
//! - [`cap`]: capping requests in flight; [`three_ways`]: one by one, all
//!   at once and capped, on one timeline; [`pool`]: the connection pool.
//! - [`http2`]: many requests over one HTTP/2 connection.
//! - [`retry`]: retrying what is worth retrying, a 503 too, with backoff
//!   and jitter; [`body_drop`]: what a body dropped unread costs.
//! - [`stream`]: a large body, chunk by chunk.
//! - [`cancel`]: a dropped request is abandoned on the server too.
//! - [`blocking`]: the blocking client inside the runtime, and the fixes.

pub mod blocking;
pub mod body_drop;
pub mod cancel;
pub mod cap;
pub mod client;
pub mod errors;
pub mod http2;
pub mod json;
pub mod pool;
pub mod retry;
pub mod speed;
pub mod stream;
pub mod three_ways;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod fetch_users;
    pub mod retry_deadline;
    pub mod status_capped;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod fetch_users;
    pub mod retry_deadline;
    pub mod status_capped;
}
