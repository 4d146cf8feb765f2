//! The connection pool and its settings.
//!
//! The pool keeps connections that finished a request open ("idle") so the
//! next request to the same host skips the handshake. It does not limit how
//! many connections are *in use*: that is [`crate::cap`]'s job. Its knobs:
//!
//! - `pool_max_idle_per_host(n)`: keep at most `n` idle connections per host
//!   (default: no limit). Extra ones are closed when their request ends.
//! - `pool_idle_timeout(d)`: close a connection idle for longer than `d`
//!   (default 90 s). Servers close idle connections too; a shorter timeout
//!   avoids reusing one the server is about to drop.

use std::time::Duration;

use reqwest::Client;

// ANCHOR: pool
/// A client whose pool keeps at most `idle` connections per host, each for
/// at most 30 s.
pub fn client_with_small_pool(idle: usize) -> reqwest::Result<Client> {
    Client::builder()
        .pool_max_idle_per_host(idle)
        .pool_idle_timeout(Duration::from_secs(30))
        .build()
}
// ANCHOR_END: pool
