//! The listen backlog: how many connections the kernel may hold, handshake
//! done, until the server's `accept` takes them.
//!
//! `TcpListener::bind` asks for 1,024. When ten thousand HTTP/1.1 clients
//! connect at once, the queue fills faster than one accept loop empties
//! it; Linux then ignores the handshake's last packet (and counts a
//! `ListenOverflows` in `/proc/net/netstat`), and that connection is made
//! only when the handshake is sent again, a second or more later. Asking
//! for the kernel's own ceiling, `net.core.somaxconn`, removes the stall.

use std::io;
use std::net::SocketAddr;

use tokio::net::{TcpListener, TcpSocket};

/// What tokio's `TcpListener::bind` asks for, and the fallback where the
/// kernel's ceiling cannot be read.
const TOKIO_DEFAULT: u32 = 1_024;

/// The kernel's ceiling on a listen backlog (`net.core.somaxconn`), or
/// `None` off Linux. A larger request is silently cut down to it.
pub fn somaxconn() -> Option<u32> {
    let text = std::fs::read_to_string("/proc/sys/net/core/somaxconn").ok()?;
    text.trim().parse().ok()
}

/// The backlog the server asks for: the kernel's ceiling, never less than
/// tokio's default.
pub fn listen_backlog() -> u32 {
    somaxconn().map_or(TOKIO_DEFAULT, |max| max.max(TOKIO_DEFAULT))
}

// ANCHOR: listen
/// Binds `addr` and listens with `backlog`, as `TcpListener::bind` does
/// but with the queue length chosen here.
pub(crate) fn listen(addr: SocketAddr, backlog: u32) -> io::Result<TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => TcpSocket::new_v4()?,
        SocketAddr::V6(_) => TcpSocket::new_v6()?,
    };
    // As `TcpListener::bind` does: a restarted server may take its port
    // back while old connections sit in TIME_WAIT.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(backlog)
}
// ANCHOR_END: listen

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backlog_is_the_kernels_ceiling_and_never_below_tokios() {
        let backlog = listen_backlog();
        assert!(backlog >= TOKIO_DEFAULT, "backlog {backlog}");
        if let Some(max) = somaxconn() {
            assert_eq!(backlog, max.max(TOKIO_DEFAULT));
        }
    }

    #[tokio::test]
    async fn a_taken_port_is_refused() {
        let first = listen("127.0.0.1:0".parse().unwrap(), 16).unwrap();
        let taken = first.local_addr().unwrap();
        let err = listen(taken, 16).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AddrInUse);
    }
}
