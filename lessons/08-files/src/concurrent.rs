//! Reading many files at once, and what it really costs.
//!
//! Each `tokio::fs::read` is a trip to the blocking pool: hand the call to a
//! pool thread, wait for it, wake the task. Run many at once and they spread
//! over several pool threads, so on slow storage they overlap; on a warm
//! page cache each read takes microseconds and the trips dominate. One
//! `spawn_blocking` that reads every file with plain `std::fs` makes one
//! trip for the lot. [`compare`] measures the four ways on this machine.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures::future::try_join_all;
use kit::timing::measure_blocking;

// ANCHOR: concurrent
/// Reads every file at once with `tokio::fs`: `asyncio.gather` over
/// `aiofiles` reads. Contents come back in the order of `paths`.
pub async fn read_concurrently(paths: &[PathBuf]) -> io::Result<Vec<Vec<u8>>> {
    try_join_all(paths.iter().map(tokio::fs::read)).await
}
// ANCHOR_END: concurrent

/// Reads the files one after another with `tokio::fs`.
pub async fn read_sequentially(paths: &[PathBuf]) -> io::Result<Vec<Vec<u8>>> {
    let mut contents = Vec::with_capacity(paths.len());
    for path in paths {
        contents.push(tokio::fs::read(path).await?);
    }
    Ok(contents)
}

// ANCHOR: one_blocking
/// Reads every file with plain `std::fs`, all inside one `spawn_blocking`:
/// one trip to the pool instead of one per file.
pub async fn read_in_one_blocking_call(
    paths: Vec<PathBuf>,
) -> io::Result<Vec<Vec<u8>>> {
    tokio::task::spawn_blocking(move || {
        paths.iter().map(std::fs::read).collect()
    })
    .await
    .expect("the reading thread panicked")
}
// ANCHOR_END: one_blocking

/// Reads the files with plain `std::fs`, no runtime involved.
pub fn read_with_std(paths: &[PathBuf]) -> io::Result<Vec<Vec<u8>>> {
    paths.iter().map(std::fs::read).collect()
}

/// Writes `count` files of `size` bytes into `dir`; file `i` is filled with
/// a pattern that starts at byte `i`, so every file differs. Returns the
/// paths and what each file holds.
pub async fn make_files(
    dir: &Path,
    count: usize,
    size: usize,
) -> io::Result<(Vec<PathBuf>, Vec<Vec<u8>>)> {
    let mut paths = Vec::with_capacity(count);
    let mut contents = Vec::with_capacity(count);
    for i in 0..count {
        let path = dir.join(format!("file-{i:04}.bin"));
        // Truncation to u8 is the point: the pattern repeats every 256.
        let bytes: Vec<u8> = (0..size).map(|b| (b + i) as u8).collect();
        tokio::fs::write(&path, &bytes).await?;
        paths.push(path);
        contents.push(bytes);
    }
    Ok((paths, contents))
}

/// One row of the comparison: how, and the median time of the runs.
#[derive(Debug, Clone)]
pub struct Row {
    pub how: &'static str,
    pub median: Duration,
}

/// Reads `paths` the four ways, `runs` times each (after a warm-up that
/// puts every file in the page cache), and returns the median of each.
pub async fn compare(paths: &[PathBuf], runs: usize) -> io::Result<Vec<Row>> {
    read_with_std(paths)?; // warm-up: the page cache now holds them all
    let mut rows = Vec::new();
    let mut times = Vec::new();

    for _ in 0..runs {
        times.push(timed(read_sequentially(paths)).await?);
    }
    rows.push(row("tokio::fs, one after another", &mut times));
    for _ in 0..runs {
        times.push(timed(read_concurrently(paths)).await?);
    }
    rows.push(row("tokio::fs, all at once (join)", &mut times));
    for _ in 0..runs {
        times.push(timed(read_in_one_blocking_call(paths.to_vec())).await?);
    }
    rows.push(row("std::fs in one spawn_blocking", &mut times));
    for _ in 0..runs {
        let (read, took) = measure_blocking(|| read_with_std(paths));
        read?;
        times.push(took);
    }
    rows.push(row("std::fs, plain loop", &mut times));
    Ok(rows)
}

/// The real time `fut` takes, checked for errors.
async fn timed<T>(
    fut: impl Future<Output = io::Result<T>>,
) -> io::Result<Duration> {
    let start = tokio::time::Instant::now();
    fut.await?;
    Ok(start.elapsed())
}

/// The median of `times` (emptied for the next row).
fn row(how: &'static str, times: &mut Vec<Duration>) -> Row {
    times.sort();
    let median = times[times.len() / 2];
    times.clear();
    Row { how, median }
}
