//! The tour: one function per section of the chapter, in its order.

use std::path::{Path, PathBuf};
use std::time::Duration;

use kit::heading;
use kit::timing::fmt_duration;
use lesson_08_files::crash::{self, Writer};
use lesson_08_files::json_file::{self, Settings};
use lesson_08_files::{basics, concurrent, flush, lines, listing};
use tokio::fs::{File, OpenOptions};

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

pub async fn run() -> Result {
    println!("Lesson 08 — files: tokio::fs and the blocking pool");
    let dir = tempfile::tempdir()?;
    let at = |name: &str| -> PathBuf { dir.path().join(name) };
    println!("(working in {})", dir.path().display());
    whole_files_and_handles(&at("hello.txt")).await?;
    dropped_without_a_flush(&at).await?;
    line_by_line(&at("app.log"), &at("errors.log")).await?;
    let paths = several_files_at_once(&at("many")).await?;
    what_it_costs_measured(&paths).await?;
    try_collect(&at("small")).await?;
    a_json_round_trip(&at("settings.json"), &at("broken.json")).await?;
    proof_a_real_crash(&at).await?;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
    Ok(())
}

/// ### Whole files, and handles
async fn whole_files_and_handles(path: &Path) -> Result {
    heading("whole files, and handles");
    let text = basics::write_then_read(path, "hello\n").await?;
    println!("write then read: {text:?}");
    let text = basics::append_line(path, "again").await?;
    println!("after appending: {text:?}");
    Ok(())
}

/// ### Dropped without a flush
async fn dropped_without_a_flush(at: impl Fn(&str) -> PathBuf) -> Result {
    heading("dropped without a flush: a File, then a BufWriter");
    let data = [b'x'; 100];
    let path = at("dropped.txt");
    flush::file_dropped(File::create(&path).await?, &data).await?;
    let landed = eventually_len(&path, 100).await?;
    println!(
        "File, 100 bytes, dropped:      {landed} bytes in the file soon after"
    );
    let path = at("buffered.txt");
    flush::buffer_dropped(File::create(&path).await?, &data).await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let len = tokio::fs::metadata(&path).await?.len();
    println!(
        "BufWriter, 100 bytes, dropped: {len} bytes in the file 200 ms later"
    );
    let path = at("flushed.txt");
    flush::flushed(File::create(&path).await?, &data).await?;
    let len = tokio::fs::metadata(&path).await?.len();
    println!(
        "BufWriter, flushed and synced: {len} bytes when the call returns"
    );
    // /dev/full (Linux) fails every write: "No space left on device".
    let full = async || OpenOptions::new().write(true).open("/dev/full").await;
    if let Ok(file) = full().await {
        let dropped = flush::file_dropped(file, &data).await;
        println!(
            "/dev/full, dropped unflushed:  {dropped:?} (the error is lost)"
        );
        if let Err(err) = flush::flushed(full().await?, &data).await {
            println!("/dev/full, flushed:            Err({:?})", err.kind());
        }
    }
    Ok(())
}

/// ### Line by line: `async for line in f`
async fn line_by_line(log: &Path, errors_log: &Path) -> Result {
    heading("line by line: the ERROR lines of a 200,000-line log");
    let expected = lines::write_sample_log(log, 200_000).await?;
    let size = tokio::fs::metadata(log).await?.len();
    let errors = lines::error_lines(log).await?;
    println!(
        "{size} bytes, {} ERROR lines (expected {expected})",
        errors.len()
    );
    println!("first: {}", errors[0]);
    let scan = lines::filter_errors(log, errors_log).await?;
    println!(
        "filtered to errors.log: {} of {} lines; the line buffer grew to {} bytes",
        scan.errors, scan.lines, scan.line_buffer
    );
    Ok(())
}

/// ### Several files at once
///
/// Returns the files it made, for the next section to time.
async fn several_files_at_once(dir: &Path) -> Result<Vec<PathBuf>> {
    heading("reading 200 small files: four ways, median of 5 runs");
    tokio::fs::create_dir(dir).await?;
    let (paths, contents) = concurrent::make_files(dir, 200, 4096).await?;
    let read = concurrent::read_concurrently(&paths).await?;
    println!("all 200 read back intact: {}", read == contents);
    Ok(paths)
}

/// ### What it costs, measured
async fn what_it_costs_measured(paths: &[PathBuf]) -> Result {
    let rows = concurrent::compare(paths, 5).await?;
    let slowest = rows.iter().map(|r| r.median).max().unwrap_or_default();
    for row in &rows {
        let speed = slowest.as_secs_f64() / row.median.as_secs_f64();
        println!(
            "{:<32} {:>8}  ({speed:.1}× the slowest)",
            row.how,
            fmt_duration_us(row.median)
        );
    }
    println!(
        "(a Python tutorial this course follows says: 10 file operations, 1 s sync, 0.2 s async)"
    );
    Ok(())
}

/// ### All of them, or the first error: `try_collect`
async fn try_collect(small: &Path) -> Result {
    heading("try_collect: a directory's entries, then its files");
    tokio::fs::create_dir(small).await?;
    for (name, text) in [("b.txt", "bee"), ("a.txt", "ay"), ("c.txt", "sea")] {
        tokio::fs::write(small.join(name), text).await?;
    }
    println!("names: {:?}", listing::file_names(small).await?);
    println!("read:  {:?}", listing::read_all(small).await?);
    tokio::fs::write(small.join("d.bin"), [0xff, 0xfe]).await?;
    if let Err(err) = listing::read_all(small).await {
        println!("with a file that is not UTF-8: {:?}: {err}", err.kind());
    }
    Ok(())
}

/// ### A JSON round trip
async fn a_json_round_trip(path: &Path, broken: &Path) -> Result {
    heading("a JSON round trip");
    let settings = Settings {
        name: "crawler".into(),
        retries: 3,
        servers: vec!["127.0.0.1:8080".into(), "127.0.0.1:8081".into()],
    };
    json_file::save(path, &settings).await?;
    let back = json_file::load(path).await?;
    println!("saved and loaded back equal: {}", back == settings);
    tokio::fs::write(broken, "{\"name\": \"crawl").await?;
    if let Err(err) = json_file::load(broken).await {
        println!("a broken file: {:?}: {err}", err.kind());
    }
    Ok(())
}

/// ### Proof: a real crash
///
/// (The writers it kills are the previous section's, "Writing safely:
/// temp file, sync, rename".)
async fn proof_a_real_crash(at: impl Fn(&str) -> PathBuf) -> Result {
    heading("a crash mid-write: SIGKILL, then look at the file");
    let exe = std::env::current_exe()?;
    for writer in [Writer::Naive, Writer::Atomic] {
        let target = at(&format!("{}.dat", writer.name()));
        let found = crash::kill_mid_write(&exe, writer, &target).await?;
        println!(
            "{:<7} write killed half-way: the file holds {found:?}",
            writer.name()
        );
    }
    let target = at("atomic.dat");
    let temps = crash::leftover_temps(&target)?;
    println!(
        "left behind by the killed atomic write: {} temp file(s)",
        temps.len()
    );
    let mut seen = Vec::new();
    for writes in 0..4 {
        let then = Duration::from_millis(2);
        seen.push(crash::kill_loop_after(&exe, &target, writes, then).await?);
    }
    println!("atomic writes in a loop, killed after 0..3 writes: {seen:?}");
    Ok(())
}

/// The length of the file at `path` once it reaches `len`, or after 10 s.
async fn eventually_len(path: &Path, len: u64) -> Result<u64> {
    for _ in 0..10_000 {
        if tokio::fs::metadata(path).await?.len() >= len {
            break;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    Ok(tokio::fs::metadata(path).await?.len())
}

/// Short file reads take microseconds: print them that way.
fn fmt_duration_us(d: Duration) -> String {
    if d.as_millis() >= 10 {
        fmt_duration(d)
    } else {
        format!("{}µs", d.as_micros())
    }
}
