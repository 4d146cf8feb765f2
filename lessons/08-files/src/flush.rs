//! What a drop without `flush` loses: the data, or only the news.
//!
//! A `tokio::fs::File` hands each write to the blocking pool and reports
//! `Ok` once it is queued. Dropped unflushed, the file lets that write go
//! on without it: the data reaches the file a moment later, but an error
//! in the write is lost, and a reader that opens the file at once may find
//! it not yet there.
//!
//! A `tokio::io::BufWriter` keeps small writes in its buffer (8 KiB) and
//! passes them on only when it is full or flushed. Dropped unflushed, the
//! buffer is simply freed: that data is lost for good.
//!
//! `Drop` cannot `.await`, so neither can flush for you. `flush().await`
//! waits until the data is in the kernel's hands (and returns its error);
//! `sync_all().await` then waits until it is on the disk.

use std::io;

use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

// ANCHOR: file_dropped
/// Writes `data` and drops the file without a flush.
pub async fn file_dropped(mut file: File, data: &[u8]) -> io::Result<()> {
    file.write_all(data).await?; // Ok once queued on the pool, not written
    Ok(())
} // the file is dropped here; the queued write goes on without it
// ANCHOR_END: file_dropped

// ANCHOR: buffer_dropped
/// Writes `data` through a `BufWriter` and drops it without a flush.
pub async fn buffer_dropped(file: File, data: &[u8]) -> io::Result<()> {
    let mut writer = BufWriter::new(file);
    writer.write_all(data).await?; // less than 8 KiB: it stays in the buffer
    Ok(())
} // the buffer is freed here, unwritten
// ANCHOR_END: buffer_dropped

// ANCHOR: flushed
/// Writes `data` through a `BufWriter`, flushes it and syncs the file:
/// when this returns `Ok`, the data is on the disk.
pub async fn flushed(file: File, data: &[u8]) -> io::Result<()> {
    let mut writer = BufWriter::new(file);
    writer.write_all(data).await?;
    writer.flush().await?; // buffer → file → kernel; a failed write shows here
    writer.get_ref().sync_all().await?; // kernel → disk
    Ok(())
}
// ANCHOR_END: flushed
