//! `cargo run -p lesson-08-files`: every demo of lesson 08, in order, in a
//! temporary directory that is removed at the end.
//!
//! The same program is the crash test's child process:
//! `lesson-08-files crash-writer naive|atomic|atomic-loop PATH` (see
//! `lesson_08_files::crash`); the tour starts it that way itself.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use kit::heading;
use kit::timing::fmt_duration;
use lesson_08_files::crash::{self, Writer};
use lesson_08_files::json_file::{self, Settings};
use lesson_08_files::{basics, concurrent, flush, lines, listing};
use tokio::fs::{File, OpenOptions};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        None => tour().await,
        Some("crash-writer") => crash_writer(&args[1..]).await,
        Some(other) => Err(format!(
            "unknown command {other:?}: run with no arguments for the tour"
        )
        .into()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The child process of the crash test. It only returns on an error.
async fn crash_writer(args: &[String]) -> Result {
    let [mode, path] = args else {
        return Err("usage: crash-writer naive|atomic|atomic-loop PATH".into());
    };
    let writer = Writer::parse(mode)
        .ok_or_else(|| format!("unknown writer {mode:?}"))?;
    crash::child(writer, Path::new(path)).await?;
    Ok(())
}

async fn tour() -> Result {
    println!("Lesson 08 — files: tokio::fs and the blocking pool");
    let dir = tempfile::tempdir()?;
    let at = |name: &str| -> PathBuf { dir.path().join(name) };
    println!("(working in {})", dir.path().display());

    heading("whole files, and handles");
    let text = basics::write_then_read(&at("hello.txt"), "hello\n").await?;
    println!("write then read: {text:?}");
    let text = basics::append_line(&at("hello.txt"), "again").await?;
    println!("after appending: {text:?}");

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

    heading("line by line: the ERROR lines of a 200,000-line log");
    let log = at("app.log");
    let expected = lines::write_sample_log(&log, 200_000).await?;
    let size = tokio::fs::metadata(&log).await?.len();
    let errors = lines::error_lines(&log).await?;
    println!(
        "{size} bytes, {} ERROR lines (expected {expected})",
        errors.len()
    );
    println!("first: {}", errors[0]);
    let scan = lines::filter_errors(&log, &at("errors.log")).await?;
    println!(
        "filtered to errors.log: {} of {} lines; the line buffer grew to {} bytes",
        scan.errors, scan.lines, scan.line_buffer
    );

    heading("reading 200 small files: four ways, median of 5 runs");
    let files = at("many");
    tokio::fs::create_dir(&files).await?;
    let (paths, contents) = concurrent::make_files(&files, 200, 4096).await?;
    let read = concurrent::read_concurrently(&paths).await?;
    println!("all 200 read back intact: {}", read == contents);
    let rows = concurrent::compare(&paths, 5).await?;
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

    heading("try_collect: a directory's entries, then its files");
    let small = at("small");
    tokio::fs::create_dir(&small).await?;
    for (name, text) in [("b.txt", "bee"), ("a.txt", "ay"), ("c.txt", "sea")] {
        tokio::fs::write(small.join(name), text).await?;
    }
    println!("names: {:?}", listing::file_names(&small).await?);
    println!("read:  {:?}", listing::read_all(&small).await?);
    tokio::fs::write(small.join("d.bin"), [0xff, 0xfe]).await?;
    if let Err(err) = listing::read_all(&small).await {
        println!("with a file that is not UTF-8: {:?}: {err}", err.kind());
    }

    heading("a JSON round trip");
    let settings = Settings {
        name: "crawler".into(),
        retries: 3,
        servers: vec!["127.0.0.1:8080".into(), "127.0.0.1:8081".into()],
    };
    json_file::save(&at("settings.json"), &settings).await?;
    let back = json_file::load(&at("settings.json")).await?;
    println!("saved and loaded back equal: {}", back == settings);
    tokio::fs::write(at("broken.json"), "{\"name\": \"crawl").await?;
    if let Err(err) = json_file::load(&at("broken.json")).await {
        println!("a broken file: {:?}: {err}", err.kind());
    }

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
        let then = std::time::Duration::from_millis(2);
        seen.push(crash::kill_loop_after(&exe, &target, writes, then).await?);
    }
    println!("atomic writes in a loop, killed after 0..3 writes: {seen:?}");

    println!("\nNext: `cargo run -p course -- next` for the exercises.");
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
fn fmt_duration_us(d: std::time::Duration) -> String {
    if d.as_millis() >= 10 {
        fmt_duration(d)
    } else {
        format!("{}µs", d.as_micros())
    }
}
