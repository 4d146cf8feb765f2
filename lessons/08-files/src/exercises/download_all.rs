//! Exercise 08-download-all (challenge): port this Python program.
//!
//! ```python
//! async def download_all(session, urls, folder, limit):
//!     queue = asyncio.Queue()
//!     for i, url in enumerate(urls):
//!         queue.put_nowait((i, url))
//!     sizes = [0] * len(urls)
//!
//!     async def worker():
//!         while not queue.empty():
//!             i, url = queue.get_nowait()
//!             async with session.get(url) as resp:
//!                 resp.raise_for_status()
//!                 async with aiofiles.open(folder / f"{i}.bin", "wb") as f:
//!                     async for chunk in resp.content.iter_chunked(65536):
//!                         await f.write(chunk)
//!                         sizes[i] += len(chunk)
//!                     await f.flush()
//!
//!     async with asyncio.TaskGroup() as tg:     # the first error cancels
//!         for _ in range(min(limit, len(urls))):  # the other workers
//!             tg.create_task(worker())
//!     return sizes
//! ```
//!
//! URL number `i` goes to `dir/{i}.bin`, streamed chunk by chunk (never the
//! whole body in memory), by at most `limit` worker tasks (spawned: they
//! run on the runtime's threads); return the sizes in the order of `urls`.
//! When `download_all` returns, every file is complete on disk. An error
//! status, a broken connection or a failed write is an error.
//!
//! The tests (`download_all` in `lessons/08-files/tests/exercises.rs`): six
//! downloads under a limit of 2 reach exactly 2 in flight on the server
//! and run in exactly 2 tasks; every file holds exactly the bytes the
//! server sent (up to 10 MiB); a server that sends half a body and waits
//! must find that half on disk before it sends the rest; a file must be
//! complete the moment `download_all` returns; a 404 is an error.
//!
//! Check it: `cargo run -p course -- check 08-download-all`

use std::error::Error;
use std::path::Path;

use reqwest::Client;

/// Any error: HTTP or file.
pub type AnyError = Box<dyn Error + Send + Sync>;

/// Downloads every URL into `dir` with `limit` workers; the sizes.
pub async fn download_all(
    client: &Client,
    urls: &[String],
    dir: &Path,
    limit: usize,
) -> Result<Vec<u64>, AnyError> {
    todo!()
}
