//! A large body, chunk by chunk.
//!
//! `response.bytes()` and `.text()` collect the whole body in memory before
//! you see any of it. `bytes_stream()` hands it over in the chunks that
//! arrive from the socket, so a 10 MiB download (or a 10 GiB one) needs
//! only one chunk's worth of memory at a time — `async for chunk in
//! resp.content.iter_chunked(n)` in aiohttp.

use futures::StreamExt;
use reqwest::Client;

/// What a streamed download saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streamed {
    /// Bytes received in all.
    pub bytes: u64,
    /// How many chunks they came in.
    pub chunks: u64,
    /// The largest chunk: the most body held in memory at once.
    pub largest_chunk: usize,
    /// Whether every byte matched the test server's `/bytes` pattern
    /// (byte `i` is `i % 256`).
    pub pattern_ok: bool,
}

// ANCHOR: stream
/// Downloads `url` chunk by chunk, checking each byte and keeping none.
pub async fn download_streamed(
    client: &Client,
    url: &str,
) -> reqwest::Result<Streamed> {
    let response = client.get(url).send().await?.error_for_status()?;
    let mut body = response.bytes_stream();
    let mut seen = Streamed {
        bytes: 0,
        chunks: 0,
        largest_chunk: 0,
        pattern_ok: true,
    };
    while let Some(chunk) = body.next().await {
        let chunk = chunk?; // a chunk is `Bytes`; the error is a broken body
        for (offset, &byte) in chunk.iter().enumerate() {
            let position = seen.bytes + offset as u64;
            seen.pattern_ok &= u64::from(byte) == position % 256;
        }
        seen.bytes += chunk.len() as u64;
        seen.chunks += 1;
        seen.largest_chunk = seen.largest_chunk.max(chunk.len());
    } // each chunk is dropped here, before the next arrives
    Ok(seen)
}
// ANCHOR_END: stream
