//! Pitfall: a non-cancel-safe read in a `select!` loop loses data.
//!
//! `select!` drops the branches that lose. Dropping a future is harmless
//! if it had done nothing yet, like `mpsc::Receiver::recv` (its docs say
//! it is *cancel safe*). `read_exact` is not: it may already have taken
//! some bytes off the stream into its buffer when it is dropped, and the
//! next `read_exact` starts over with what comes after. A heartbeat timer
//! that fires mid-frame is enough.
//!
//! The stream here carries 4-byte big-endian numbers. The writer sends
//! 1, 2, 3, 4, 5, every 50 ms, but frame 3 arrives in two halves 230 ms
//! apart. The reader logs a heartbeat whenever 100 ms pass with no frame.

use std::io::ErrorKind;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tokio::time::sleep;

/// The numbers the writer sends.
pub const SENT: [u32; 5] = [1, 2, 3, 4, 5];

/// What a reader got.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Received {
    /// The numbers, in the order they were read.
    pub numbers: Vec<u32>,
    /// How many heartbeats it logged.
    pub heartbeats: u32,
}

/// Writes [`SENT`], one frame every 50 ms, frame 3 split in two halves
/// 230 ms apart, then closes the stream.
pub async fn write_frames(mut stream: impl AsyncWrite + Unpin) {
    for n in SENT {
        let frame = n.to_be_bytes();
        if n == 3 {
            stream.write_all(&frame[..2]).await.expect("write");
            sleep(Duration::from_millis(230)).await;
            stream.write_all(&frame[2..]).await.expect("write");
        } else {
            stream.write_all(&frame).await.expect("write");
        }
        sleep(Duration::from_millis(50)).await;
    }
    // Dropping the stream closes it: the reader sees end of file.
}

// ANCHOR: lossy
/// The mistake: `read_exact` as a `select!` branch, in a loop.
pub async fn read_lossy(
    mut stream: impl AsyncRead + Unpin,
    heartbeat: Duration,
) -> Received {
    let mut got = Received::default();
    loop {
        let mut frame = [0u8; 4];
        tokio::select! {
            read = stream.read_exact(&mut frame) => match read {
                Ok(_) => got.numbers.push(u32::from_be_bytes(frame)),
                Err(e) if e.kind() == ErrorKind::UnexpectedEof => break,
                Err(e) => panic!("read failed: {e}"),
            },
            // If this wins mid-frame, the bytes read so far are dropped
            // with the `read_exact` future.
            () = sleep(heartbeat) => got.heartbeats += 1,
        }
    }
    got
}
// ANCHOR_END: lossy

// ANCHOR: fixed
/// The fix: a task of its own reads whole frames, never interrupted, and
/// sends them on a channel; the `select!` waits on `recv`, which is
/// cancel safe — a lost race takes nothing off the channel.
pub async fn read_via_channel(
    mut stream: impl AsyncRead + Unpin + Send + 'static,
    heartbeat: Duration,
) -> Received {
    let (tx, mut rx) = mpsc::channel(16);
    tokio::spawn(async move {
        let mut frame = [0u8; 4];
        while stream.read_exact(&mut frame).await.is_ok() {
            if tx.send(u32::from_be_bytes(frame)).await.is_err() {
                break; // the reader is gone
            }
        }
    });
    let mut got = Received::default();
    loop {
        tokio::select! {
            number = rx.recv() => match number {
                Some(n) => got.numbers.push(n),
                None => break, // the stream ended and the task with it
            },
            () = sleep(heartbeat) => got.heartbeats += 1,
        }
    }
    got
}
// ANCHOR_END: fixed
