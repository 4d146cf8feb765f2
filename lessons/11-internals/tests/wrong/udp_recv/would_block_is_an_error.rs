//! Wrong answer: the WouldBlock of the non-blocking socket is returned as the result
//! Expect: returned an error instead of waiting
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
        let this = self.get_mut();
        Poll::Ready(this.socket.inner.recv_from(this.buf))
    }
}
