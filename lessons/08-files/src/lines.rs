//! Line by line: `async for line in f`, with bounded memory.
//!
//! `BufReader` reads the file in blocks (8 KiB by default) and hands out
//! lines, so a log of any size is filtered with one block and one line in
//! memory at a time.

use std::io;
use std::path::Path;

use tokio::fs::File;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, BufWriter};

// ANCHOR: lines
/// Every line of `path` that contains `ERROR`.
pub async fn error_lines(path: &Path) -> io::Result<Vec<String>> {
    let file = File::open(path).await?;
    let mut lines = BufReader::new(file).lines();
    let mut errors = Vec::new();
    // `async for line in f:` — `None` is the end of the file.
    while let Some(line) = lines.next_line().await? {
        if line.contains("ERROR") {
            errors.push(line);
        }
    }
    Ok(errors)
}
// ANCHOR_END: lines

/// What [`filter_errors`] saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// Lines read.
    pub lines: u64,
    /// Lines containing `ERROR`, copied to the output.
    pub errors: u64,
    /// The capacity the one line buffer grew to: the memory the scan used
    /// for lines, whatever the file's size.
    pub line_buffer: usize,
}

// ANCHOR: filter
/// Copies the `ERROR` lines of `input` to `output`, reusing one line buffer
/// and writing through a `BufWriter`: memory stays at a line and two
/// buffers however large the log is.
pub async fn filter_errors(input: &Path, output: &Path) -> io::Result<Scan> {
    let mut reader = BufReader::new(File::open(input).await?);
    let mut writer = BufWriter::new(File::create(output).await?);
    let mut line = String::new();
    let mut scan = Scan {
        lines: 0,
        errors: 0,
        line_buffer: 0,
    };
    loop {
        line.clear(); // keeps the allocation
        if reader.read_line(&mut line).await? == 0 {
            break; // end of file
        }
        scan.lines += 1;
        if line.contains("ERROR") {
            writer.write_all(line.as_bytes()).await?;
            scan.errors += 1;
        }
    }
    // A BufWriter holds the last block until flushed: without this the
    // output would lose its tail when `writer` is dropped.
    writer.flush().await?;
    scan.line_buffer = line.capacity();
    Ok(scan)
}
// ANCHOR_END: filter

/// Writes a made-up log of `lines` lines to `path`; every tenth line (the
/// 8th, 18th, ...) is an ERROR. Returns the number of ERROR lines.
pub async fn write_sample_log(path: &Path, lines: u64) -> io::Result<u64> {
    let mut out = BufWriter::new(File::create(path).await?);
    let mut errors = 0;
    for i in 0..lines {
        let level = match i % 10 {
            7 => "ERROR",
            3 => "WARN",
            _ => "INFO",
        };
        errors += u64::from(level == "ERROR");
        let line = format!(
            "2026-11-24T12:{:02}:{:02}.{:03} {level:<5} request {i} took {} ms\n",
            i / 60_000 % 60,
            i / 1000 % 60,
            i % 1000,
            i % 97
        );
        out.write_all(line.as_bytes()).await?;
    }
    out.flush().await?;
    Ok(errors)
}
