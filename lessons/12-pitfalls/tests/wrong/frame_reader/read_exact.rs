//! Wrong answer: read_u8 then read_exact inside next_message: a lost race drops the half-frame they had read
//! Expect: a cancelled read must lose nothing
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
        let len = match self.reader.read_u8().await {
            Ok(len) => len,
            Err(e) if e.kind() == ErrorKind::UnexpectedEof => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut body = vec![0; usize::from(len)];
        self.reader.read_exact(&mut body).await?;
        String::from_utf8(body)
            .map(Some)
            .map_err(|e| io::Error::new(ErrorKind::InvalidData, e))
    }
}
