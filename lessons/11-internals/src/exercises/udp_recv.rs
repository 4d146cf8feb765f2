//! Exercise 11-udp-recv (core).
//!
//! A UDP socket for the lesson's own runtime. `bind`, `local_addr` and
//! `recv_from` are written; the future that `recv_from` returns is yours:
//! write `RecvFrom::poll` so that it waits for a datagram the way the
//! lesson's `TcpStream::read` waits for bytes — without a busy loop and
//! without blocking the thread (the socket is non-blocking: `recv_from` on
//! it returns `WouldBlock` when nothing has arrived).
//!
//! Python's counterpart is the `loop.sock_recvfrom(sock, n)` coroutine.
//!
//! The tests (the `udp_recv` module of
//! `lessons/11-internals/tests/exercises.rs`) send three datagrams from a
//! plain thread, 15 ms apart ("one", "two", then 1200 bytes), and receive
//! each into a 2048-byte buffer. They check that:
//! - all three arrive whole and in order, with the sender's address;
//! - each `recv_from` is polled at most twice (once before the datagram
//!   is there, once after the wake), so 6 polls at most for three;
//! - the wakes came from the reactor.
//!
//! Check it: `cargo run -p course -- check 11-udp-recv`

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::runtime::Registration;

/// A UDP socket registered with the lesson runtime's reactor.
#[derive(Debug)]
pub struct UdpSocket {
    inner: mio::net::UdpSocket,
    registration: Registration,
}

impl UdpSocket {
    /// Binds `addr`. Inside `Runtime::block_on` only.
    pub fn bind(addr: SocketAddr) -> io::Result<Self> {
        let mut inner = mio::net::UdpSocket::bind(addr)?;
        let registration = Registration::new(&mut inner)?;
        Ok(Self {
            inner,
            registration,
        })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }

    /// Receives one datagram into `buf`: its length and its sender.
    pub fn recv_from<'a>(&'a self, buf: &'a mut [u8]) -> RecvFrom<'a> {
        RecvFrom { socket: self, buf }
    }
}

/// The future returned by [`UdpSocket::recv_from`].
#[derive(Debug)]
pub struct RecvFrom<'a> {
    socket: &'a UdpSocket,
    buf: &'a mut [u8],
}

impl Future for RecvFrom<'_> {
    type Output = io::Result<(usize, SocketAddr)>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        todo!()
    }
}
