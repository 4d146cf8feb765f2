//! TCP for the lesson's runtime: mio's non-blocking sockets, plus a
//! [`Registration`] that turns `WouldBlock` into "wake me when ready".

use std::future::poll_fn;
use std::io::{self, Read, Write};
use std::net::SocketAddr;

use super::reactor::{Direction, Registration};

// ANCHOR: listener
/// A listening socket whose `accept` is a future.
#[derive(Debug)]
pub struct TcpListener {
    inner: mio::net::TcpListener,
    registration: Registration,
}

impl TcpListener {
    /// Binds `addr` (port 0: any free port). Inside `block_on` only.
    pub fn bind(addr: SocketAddr) -> io::Result<Self> {
        let mut inner = mio::net::TcpListener::bind(addr)?;
        let registration = Registration::new(&mut inner)?;
        Ok(Self {
            inner,
            registration,
        })
    }

    /// Waits for the next connection.
    pub async fn accept(&self) -> io::Result<(TcpStream, SocketAddr)> {
        let (stream, peer) = poll_fn(|cx| {
            self.registration
                .poll_io(Direction::Read, cx, || self.inner.accept())
        })
        .await?;
        Ok((TcpStream::new(stream)?, peer))
    }
    // ANCHOR_END: listener

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

// ANCHOR: stream
/// A connected socket whose reads and writes are futures.
#[derive(Debug)]
pub struct TcpStream {
    inner: mio::net::TcpStream,
    registration: Registration,
}

impl TcpStream {
    fn new(mut inner: mio::net::TcpStream) -> io::Result<Self> {
        let registration = Registration::new(&mut inner)?;
        Ok(Self {
            inner,
            registration,
        })
    }

    /// Reads what is there (at least one byte), or `Ok(0)` at the end.
    pub async fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Self {
            inner,
            registration,
        } = self;
        poll_fn(|cx| {
            registration.poll_io(Direction::Read, cx, || inner.read(buf))
        })
        .await
    }

    /// Writes some of `buf`; returns how much.
    pub async fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Self {
            inner,
            registration,
        } = self;
        poll_fn(|cx| {
            registration.poll_io(Direction::Write, cx, || inner.write(buf))
        })
        .await
    }
    // ANCHOR_END: stream

    /// Writes all of `buf`.
    pub async fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() {
            let n = self.write(buf).await?;
            if n == 0 {
                return Err(io::ErrorKind::WriteZero.into());
            }
            buf = &buf[n..];
        }
        Ok(())
    }

    /// Connects to `addr`. mio starts the connection without blocking; it
    /// is made when the socket turns writable and has a peer address.
    pub async fn connect(addr: SocketAddr) -> io::Result<Self> {
        let stream = Self::new(mio::net::TcpStream::connect(addr)?)?;
        poll_fn(|cx| {
            stream.registration.poll_io(Direction::Write, cx, || {
                if let Some(error) = stream.inner.take_error()? {
                    return Err(error);
                }
                match stream.inner.peer_addr() {
                    // Not yet connected: try again on the next event.
                    Err(e) if e.kind() == io::ErrorKind::NotConnected => {
                        Err(io::ErrorKind::WouldBlock.into())
                    }
                    other => other,
                }
            })
        })
        .await?;
        Ok(stream)
    }

    /// Closes the writing half: the peer reads the end of the stream.
    pub fn shutdown_write(&self) -> io::Result<()> {
        self.inner.shutdown(std::net::Shutdown::Write)
    }
}
