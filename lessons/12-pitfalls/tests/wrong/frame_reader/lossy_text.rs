//! Wrong answer: text that is not UTF-8 is decoded lossily instead of being an error
//! Expect: expected an InvalidData error
use std::io::{self, ErrorKind};

use tokio::io::{AsyncRead, AsyncReadExt};

/// Reads length-prefixed text messages; cancel safe.
#[derive(Debug)]
pub struct FrameReader<R> {
    reader: R,
    buffer: Vec<u8>,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// Reads frames from `reader`.
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            buffer: Vec::new(),
        }
    }

    /// The next message; `None` at a clean end of the stream.
    pub async fn next_message(&mut self) -> io::Result<Option<String>> {
        loop {
            if let Some(&len) = self.buffer.first() {
                let end = 1 + usize::from(len);
                if self.buffer.len() >= end {
                    let body: Vec<u8> =
                        self.buffer.drain(..end).skip(1).collect();
                    return Ok(Some(
                        String::from_utf8_lossy(&body).into_owned(),
                    ));
                }
            }
            if self.reader.read_buf(&mut self.buffer).await? == 0 {
                return if self.buffer.is_empty() {
                    Ok(None)
                } else {
                    Err(io::Error::new(ErrorKind::UnexpectedEof, "cut short"))
                };
            }
        }
    }
}
