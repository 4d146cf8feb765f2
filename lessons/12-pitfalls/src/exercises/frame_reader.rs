//! Exercise 12-frame-reader (core): find and fix the pitfall.
//!
//! A chat protocol sends messages as frames: one byte N, then N bytes of
//! UTF-8 text. This reader loses messages when a frame arrives in pieces:
//!
//! ```rust,ignore
//! loop {
//!     tokio::select! {
//!         msg = read_message(&mut stream) => { /* read_exact x2 */ }
//!         () = sleep(heartbeat) => send_ping().await,
//!     }
//! }
//! ```
//!
//! Write `FrameReader`, whose `next_message` can lose a `select!` race at
//! any moment without losing a byte: `Ok(Some(text))` for each message,
//! `Ok(None)` when the stream ends cleanly between frames,
//! `Err(kind UnexpectedEof)` when it ends mid-frame and
//! `Err(kind InvalidData)` for a message that is not UTF-8. Add the fields
//! you need.
//!
//! The tests (in `lessons/12-pitfalls/tests/exercises.rs`, module
//! `frame_reader`, on the paused clock) call `next_message` in a
//! `select!` loop against a 100 ms heartbeat, while the writer sends
//! frames byte by byte with 150 ms pauses: every message must arrive
//! intact and in order.
//!
//! Check it: `cargo run -p course -- check 12-frame-reader`

use std::io;

use tokio::io::AsyncRead;

/// Reads length-prefixed text messages; cancel safe.
#[derive(Debug)]
pub struct FrameReader<R> {
    reader: R,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// Reads frames from `reader`.
    pub fn new(reader: R) -> Self {
        todo!()
    }

    /// The next message; `None` at a clean end of the stream.
    pub async fn next_message(&mut self) -> io::Result<Option<String>> {
        todo!()
    }
}
