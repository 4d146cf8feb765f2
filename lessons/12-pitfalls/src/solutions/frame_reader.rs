//! Reference solution for 12-frame-reader.

use std::io::{self, ErrorKind};

use tokio::io::{AsyncRead, AsyncReadExt};

/// Reads length-prefixed text messages; cancel safe.
#[derive(Debug)]
pub struct FrameReader<R> {
    reader: R,
    // Bytes read but not yet returned. They live in the struct, not in
    // the future, so a dropped `next_message` loses none of them.
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
            // A whole frame buffered? Take it out and decode it.
            if let Some(&len) = self.buffer.first() {
                let end = 1 + usize::from(len);
                if self.buffer.len() >= end {
                    let body = self.buffer[1..end].to_vec();
                    self.buffer.drain(..end);
                    let text = String::from_utf8(body).map_err(|e| {
                        io::Error::new(ErrorKind::InvalidData, e)
                    })?;
                    return Ok(Some(text));
                }
            }
            // `read_buf` is cancel safe: dropped before it finishes, it
            // has read nothing. Its bytes go straight into the buffer.
            if self.reader.read_buf(&mut self.buffer).await? == 0 {
                return if self.buffer.is_empty() {
                    Ok(None)
                } else {
                    Err(io::Error::new(
                        ErrorKind::UnexpectedEof,
                        "the stream ended in the middle of a frame",
                    ))
                };
            }
        }
    }
}
