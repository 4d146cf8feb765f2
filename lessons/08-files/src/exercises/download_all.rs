//! Exercise 08-download-all (challenge): port this Python program.
//!
//! ```python
//! async def download_all(session, urls, folder, limit):
//!     sem = asyncio.Semaphore(limit)
//!
//!     async def one(i, url):
//!         async with sem:
//!             size = 0
//!             async with session.get(url) as resp:
//!                 resp.raise_for_status()
//!                 async with aiofiles.open(folder / f"{i}.bin", "wb") as f:
//!                     async for chunk in resp.content.iter_chunked(65536):
//!                         await f.write(chunk)
//!                         size += len(chunk)
//!             return size
//!
//!     return await asyncio.gather(*(one(i, url) for i, url in enumerate(urls)))
//! ```
//!
//! URL number `i` goes to `dir/{i}.bin`, streamed chunk by chunk (never the
//! whole body in memory), with at most `limit` downloads at once; return
//! the sizes in the order of `urls`. An error status, a broken connection or
//! a failed write is an error.
//!
//! The tests (`download_all` in `lessons/08-files/tests/exercises.rs`) use
//! the test server's `/bytes/{n}?delay_ms=50`: six downloads under a limit
//! of 2 must reach exactly 2 in flight on the server, never more; every
//! file must hold exactly the bytes the server sent (up to 10 MiB); a 404
//! among the URLs is an error.
//!
//! Check it: `cargo run -p course -- check 08-download-all`

use std::error::Error;
use std::path::Path;

use reqwest::Client;

/// Any error: HTTP or file.
pub type AnyError = Box<dyn Error + Send + Sync>;

/// Downloads every URL into `dir`, at most `limit` at a time; the sizes.
pub async fn download_all(
    client: &Client,
    urls: &[String],
    dir: &Path,
    limit: usize,
) -> Result<Vec<u64>, AnyError> {
    todo!()
}
