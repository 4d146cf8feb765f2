//! Between two fan-out runs: what the machine must finish before the next
//! run starts, so that no run pays for the one before it.
//!
//! Two things linger after ten thousand HTTP/1.1 connections. The server
//! still has to close them (its CPU, shared with the next run): every run
//! waits for that. And every connection the client closed first leaves its
//! local port in `TIME_WAIT` for a minute: a new `connect` to the same
//! server may take such a port only once it is `tcp_tw_reuse_delay` old
//! (1 s), so a run that opens thousands of connections sooner makes the
//! kernel walk past thousands of taken ports on every `connect`. Measured
//! here: the client's CPU for 10,000 HTTP/1.1 requests went from about
//! 0.5 s to 1.6 s, and the run from 0.45 s to 1.2 s, when it began right
//! after Python's ten thousand connections. Only such a run waits for the
//! ports: an h2c run opens one connection and has nothing to wait for.
//! (A pause also used to let the client's allocator hand back the memory
//! the next run needed; `allocator` now keeps it.)

use std::time::Duration;

use anyhow::bail;

/// `http://host:port` of a URL on the test server.
pub fn base_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| i + after_scheme);
    url[..end].to_owned()
}

/// How long a closed connection's local port stays out of reach of a new
/// `connect` to the same address: Linux's `tcp_tw_reuse_delay` (a setting
/// since 6.14, fixed at 1 s before it).
pub fn port_reuse_delay() -> Duration {
    std::fs::read_to_string("/proc/sys/net/ipv4/tcp_tw_reuse_delay")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .map_or(Duration::from_secs(1), Duration::from_millis)
}

/// Waits until the test server at `base` holds no connection but the one
/// asking (its `/stats`), at most 10 s. After ten thousand HTTP/1.1
/// connections the server needs a moment to close them all; a run started
/// meanwhile would share the cores with that work.
pub fn wait_for_closed(base: &str) -> anyhow::Result<()> {
    let agent = ureq::Agent::new_with_defaults(); // one connection, kept
    let url = format!("{base}/stats");
    // 1,000 looks 10 ms apart: 10 s at least.
    for _ in 0..1_000 {
        let text = agent.get(&url).call()?.body_mut().read_to_string()?;
        let stats: serde_json::Value = serde_json::from_str(&text)?;
        let Some(open) = stats["open_connections"].as_u64() else {
            bail!("{url} does not count open connections: {text}");
        };
        if open <= 1 {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    bail!("the server at {base} still holds connections after 10 s")
}

// ANCHOR: ports
/// Before a run that opens `n` connections: if that is many, waits until
/// the ports the runs before it closed may be taken again.
pub fn before_connecting(n: usize) {
    if n >= MANY_CONNECTIONS {
        std::thread::sleep(port_reuse_delay());
    }
}
// ANCHOR_END: ports

/// From this many connections on, a run first waits for the ports.
/// Below it the kernel finds a free port at once (Linux offers 28,232).
pub const MANY_CONNECTIONS: usize = 1_000;
