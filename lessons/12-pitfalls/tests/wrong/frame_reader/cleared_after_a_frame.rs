//! Wrong answer: the whole buffer is cleared after a frame, losing the start of the next one
//! Expect: were bytes after the first frame dropped
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
                    let body = self.buffer[1..end].to_vec();
                    self.buffer.clear();
                    return String::from_utf8(body).map(Some).map_err(|e| {
                        io::Error::new(ErrorKind::InvalidData, e)
                    });
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
