//! The reactor: one `mio::Poll` (epoll on Linux, kqueue on macOS) that
//! tells us which sockets became ready, and the wakers of the tasks that
//! wait for them.
//!
//! mio registers each socket once, for read and write readiness, in
//! edge-triggered mode: an event means "something changed", so a task tries
//! its operation first and only waits after the OS said `WouldBlock`.

use std::collections::HashMap;
use std::io;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use mio::event::Source;
use mio::{Events, Interest, Token};

use super::context;
use super::queue::ReadyQueue;

/// The token of the reactor's doorbell (see `ReadyQueue`).
pub const DOORBELL: Token = Token(usize::MAX);

/// Which readiness a task waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Read,
    Write,
}

/// The tasks waiting on one socket: one reader, one writer.
#[derive(Debug, Default)]
struct Waiters {
    reader: Option<Waker>,
    writer: Option<Waker>,
}

// ANCHOR: reactor
#[derive(Debug)]
pub struct Reactor {
    poll: mio::Poll,
    events: Events,
    waiters: HashMap<Token, Waiters>,
    next_token: usize,
    /// Readiness events that woke a task (for the lesson's numbers).
    io_wakes: usize,
}

impl Reactor {
    /// Waits for I/O events, at most `timeout` (`None`: until one comes),
    /// and wakes the task waiting on each ready socket.
    pub fn wait(
        &mut self,
        timeout: Option<Duration>,
        queue: &ReadyQueue,
    ) -> io::Result<()> {
        let polled = self.poll.poll(&mut self.events, timeout);
        // Awake again: the wakes below need no doorbell.
        queue.woke_up();
        match polled {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
            other => other?,
        }
        for event in &self.events {
            // The doorbell only ends the sleep; the queue holds the news.
            let Some(waiters) = self.waiters.get_mut(&event.token()) else {
                continue;
            };
            // Closed and error count as ready: the next read or write
            // returns the end of the stream or the error.
            let readable = event.is_readable()
                || event.is_read_closed()
                || event.is_error();
            if readable && let Some(waker) = waiters.reader.take() {
                self.io_wakes += 1;
                waker.wake();
            }
            let writable = event.is_writable()
                || event.is_write_closed()
                || event.is_error();
            if writable && let Some(waker) = waiters.writer.take() {
                self.io_wakes += 1;
                waker.wake();
            }
        }
        Ok(())
    }

    /// Remembers that the task of `waker` waits for `token` to be ready.
    pub fn wake_when(&mut self, token: Token, dir: Direction, waker: &Waker) {
        let waiters = self.waiters.entry(token).or_default();
        let slot = match dir {
            Direction::Read => &mut waiters.reader,
            Direction::Write => &mut waiters.writer,
        };
        *slot = Some(waker.clone());
    }
}
// ANCHOR_END: reactor

impl Reactor {
    /// A reactor and the doorbell that interrupts its `wait`.
    pub fn new() -> io::Result<(Self, mio::Waker)> {
        let poll = mio::Poll::new()?;
        let doorbell = mio::Waker::new(poll.registry(), DOORBELL)?;
        let reactor = Self {
            poll,
            events: Events::with_capacity(256),
            waiters: HashMap::new(),
            next_token: 0,
            io_wakes: 0,
        };
        Ok((reactor, doorbell))
    }

    fn register(&mut self, source: &mut impl Source) -> io::Result<Token> {
        let token = Token(self.next_token);
        self.next_token += 1;
        self.poll.registry().register(
            source,
            token,
            Interest::READABLE | Interest::WRITABLE,
        )?;
        self.waiters.insert(token, Waiters::default());
        Ok(token)
    }

    /// Forgets the socket's waiters. (Closing the socket removes it from
    /// epoll by itself.)
    fn forget(&mut self, token: Token) {
        self.waiters.remove(&token);
    }

    pub fn io_wakes(&self) -> usize {
        self.io_wakes
    }

    /// How many sockets are registered.
    pub fn sources(&self) -> usize {
        self.waiters.len()
    }
}

// ANCHOR: registration
/// A socket registered with the current lesson runtime's reactor.
#[derive(Debug)]
pub struct Registration {
    token: Token,
}

impl Registration {
    /// Registers `source` for read and write readiness. Call it inside
    /// `Runtime::block_on` (it needs the current runtime).
    pub fn new(source: &mut impl Source) -> io::Result<Self> {
        let token = context::with_core(|core| {
            core.reactor.borrow_mut().register(source)
        })?;
        Ok(Self { token })
    }

    /// Wakes the task of `waker` when the socket is ready for `dir`.
    pub fn wake_when(&self, dir: Direction, waker: &Waker) {
        context::with_core(|core| {
            core.reactor.borrow_mut().wake_when(self.token, dir, waker);
        });
    }

    /// Runs a non-blocking operation; on `WouldBlock` arranges a wake-up
    /// when the socket is ready for `dir` and returns `Pending`.
    pub fn poll_io<T>(
        &self,
        dir: Direction,
        cx: &mut Context<'_>,
        mut op: impl FnMut() -> io::Result<T>,
    ) -> Poll<io::Result<T>> {
        match op() {
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                self.wake_when(dir, cx.waker());
                Poll::Pending
            }
            done => Poll::Ready(done),
        }
    }
}
// ANCHOR_END: registration

impl Drop for Registration {
    fn drop(&mut self) {
        let token = self.token;
        context::try_with_core(|core| core.reactor.borrow_mut().forget(token));
    }
}
