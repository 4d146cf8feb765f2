//! The picture of [`select_loss`](crate::select_loss): what each
//! `read_exact` of the lossy loop took off the stream before it finished
//! or was dropped.
//!
//! The loop is [`read_lossy`](crate::select_loss::read_lossy)'s, with the
//! stream wrapped in a byte counter. A row of the picture can only be
//! named once its read is over ("2 of 4 bytes dropped"), so the reads are
//! recorded first and then replayed onto a [`Timeline`] at the recorded
//! instants.

use std::io::ErrorKind;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use kit::Timeline;
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};
use tokio::time::{Instant, sleep, sleep_until};

use crate::select_loss::Received;

/// How one `read_exact` of the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadEnd {
    /// It filled its 4 bytes: this number.
    Frame(u32),
    /// The heartbeat won; the future was dropped with what it held.
    Dropped,
    /// The stream was closed.
    EndOfStream,
}

/// One `read_exact` of the loop, times from the loop's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub started: Duration,
    /// When its first byte came off the stream, if one did.
    pub first_byte: Option<Duration>,
    pub ended: Duration,
    /// Bytes it took off the stream.
    pub bytes: usize,
    pub end: ReadEnd,
}

impl Read {
    /// The row's name in the picture.
    pub fn label(&self, number: usize) -> String {
        let what = match self.end {
            ReadEnd::Frame(n) => format!("4 of 4 bytes, got {n}"),
            ReadEnd::Dropped if self.bytes == 0 => {
                "heartbeat won, held nothing".into()
            }
            ReadEnd::Dropped => {
                format!("heartbeat won, {} of 4 bytes dropped", self.bytes)
            }
            ReadEnd::EndOfStream => "end of stream".into(),
        };
        format!("read {number}: {what}")
    }
}

/// Bytes taken since the last reset, and when the first came.
#[derive(Debug, Default)]
struct Taken {
    bytes: usize,
    first: Option<Instant>,
}

/// A reader that counts the bytes its caller takes.
struct Counted<R> {
    inner: R,
    taken: Arc<Mutex<Taken>>,
}

impl<R: AsyncRead + Unpin> AsyncRead for Counted<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        let new = buf.filled().len() - before;
        if new > 0 {
            let mut taken = self.taken.lock().expect("not poisoned");
            taken.bytes += new;
            taken.first.get_or_insert_with(Instant::now);
        }
        polled
    }
}

/// [`read_lossy`](crate::select_loss::read_lossy)'s loop, recording each
/// `read_exact`.
pub async fn record_lossy(
    stream: impl AsyncRead + Unpin,
    heartbeat: Duration,
) -> (Received, Vec<Read>) {
    let start = Instant::now();
    let taken = Arc::new(Mutex::new(Taken::default()));
    let mut stream = Counted {
        inner: stream,
        taken: taken.clone(),
    };
    let mut got = Received::default();
    let mut reads = Vec::new();
    loop {
        *taken.lock().expect("not poisoned") = Taken::default();
        let started = start.elapsed();
        let mut frame = [0u8; 4];
        let end = tokio::select! {
            read = stream.read_exact(&mut frame) => match read {
                Ok(_) => {
                    let n = u32::from_be_bytes(frame);
                    got.numbers.push(n);
                    ReadEnd::Frame(n)
                }
                Err(e) if e.kind() == ErrorKind::UnexpectedEof => {
                    ReadEnd::EndOfStream
                }
                Err(e) => panic!("read failed: {e}"),
            },
            () = sleep(heartbeat) => {
                got.heartbeats += 1;
                ReadEnd::Dropped
            }
        };
        let taken = taken.lock().expect("not poisoned");
        reads.push(Read {
            started,
            first_byte: taken.first.map(|at| at - start),
            ended: start.elapsed(),
            bytes: taken.bytes,
            end,
        });
        if end == ReadEnd::EndOfStream {
            break;
        }
    }
    (got, reads)
}

/// Replays `reads` onto a fresh timeline, one row per read: pale while it
/// held no bytes, solid once it held some, red if it was dropped.
pub async fn draw(reads: &[Read]) -> Timeline {
    let timeline = Timeline::new();
    let origin = Instant::now();
    for (i, read) in reads.iter().enumerate() {
        sleep_until(origin + read.started).await;
        let mark = timeline.start(read.label(i + 1));
        let holding = read.first_byte.unwrap_or(read.ended);
        mark.wait(sleep_until(origin + holding)).await;
        sleep_until(origin + read.ended).await;
        match read.end {
            ReadEnd::Dropped => drop(mark), // recorded as cancelled
            _ => mark.end(),
        }
    }
    timeline
}
