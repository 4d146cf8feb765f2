//! Wrong answer: one read is taken for one whole frame
//! Expect: a frame may take several reads
use std::io::{self, ErrorKind};

use tokio::io::{AsyncRead, AsyncReadExt};

/// Reads length-prefixed text messages; cancel safe.
#[derive(Debug)]
pub struct FrameReader<R> {
    reader: R,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// Reads frames from `reader`.
    pub fn new(reader: R) -> Self {
        Self { reader }
    }

    /// The next message; `None` at a clean end of the stream.
    pub async fn next_message(&mut self) -> io::Result<Option<String>> {
        // `read` is cancel safe, so this is too.
        let mut buf = [0; 256];
        let n = self.reader.read(&mut buf).await?;
        if n == 0 {
            return Ok(None);
        }
        let end = (1 + usize::from(buf[0])).min(n);
        String::from_utf8(buf[1..end].to_vec())
            .map(Some)
            .map_err(|e| io::Error::new(ErrorKind::InvalidData, e))
    }
}
