//! The crash test: a child process writing a large file is killed with
//! SIGKILL in the middle of the write, and the parent looks at what is left.
//!
//! The child is this lesson's own program, run as
//! `lesson-08-files crash-writer naive|atomic|atomic-loop PATH`. For `naive`
//! and `atomic` it writes half of the new content and then stalls forever,
//! so the parent can kill it at a known point: once half the new bytes are
//! on the disk (in the target for the naive write, in the temporary file
//! for the atomic one). For `atomic-loop` it rewrites the target atomically
//! in an endless loop, for kills at arbitrary moments.

use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::Stdio;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, ReadBuf,
};
use tokio::process::Command;

use crate::atomic::{is_temp_for, write_atomic, write_naive};

/// The target's content before the child runs: 1 MiB of `o`.
pub const OLD_LEN: usize = 1 << 20;
/// What the child writes: 8 MiB of `n`.
pub const NEW_LEN: usize = 8 << 20;

pub fn old_contents() -> Vec<u8> {
    vec![b'o'; OLD_LEN]
}

pub fn new_contents() -> Vec<u8> {
    vec![b'n'; NEW_LEN]
}

/// What a file holds after the crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Exactly the old content.
    Old,
    /// Exactly the new content.
    New,
    /// Anything else: part of one, part of the other, or cut short.
    Torn { len: usize },
    /// No file at all.
    Missing,
}

/// Looks at `path` and says which of [`Found`] it is.
pub async fn inspect(path: &Path) -> io::Result<Found> {
    let bytes = match tokio::fs::read(path).await {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok(Found::Missing);
        }
        Err(err) => return Err(err),
    };
    let all = |byte: u8| bytes.iter().all(|&b| b == byte);
    Ok(match bytes.len() {
        OLD_LEN if all(b'o') => Found::Old,
        NEW_LEN if all(b'n') => Found::New,
        len => Found::Torn { len },
    })
}

/// How the child writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// [`write_naive`], stalled half-way.
    Naive,
    /// [`write_atomic`], stalled half-way.
    Atomic,
    /// [`write_atomic`] again and again, alternating new and old content.
    AtomicLoop,
}

impl Writer {
    pub fn name(self) -> &'static str {
        match self {
            Writer::Naive => "naive",
            Writer::Atomic => "atomic",
            Writer::AtomicLoop => "atomic-loop",
        }
    }

    pub fn parse(name: &str) -> Option<Writer> {
        [Writer::Naive, Writer::Atomic, Writer::AtomicLoop]
            .into_iter()
            .find(|w| w.name() == name)
    }
}

/// A reader that never produces a byte and never wakes its task: the child
/// hangs here, mid-write, until it is killed.
struct Stall;

impl AsyncRead for Stall {
    fn poll_read(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        _buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Poll::Pending
    }
}

/// The child's side: writes `path` the way `writer` says, and never
/// returns unless writing fails.
pub async fn child(writer: Writer, path: &Path) -> io::Result<()> {
    let new = new_contents();
    let half = &new[..NEW_LEN / 2];
    match writer {
        Writer::Naive => write_naive(path, half.chain(Stall)).await,
        Writer::Atomic => write_atomic(path, half.chain(Stall)).await,
        Writer::AtomicLoop => {
            // After each write, say which content is now in place.
            let old = old_contents();
            let mut stdout = tokio::io::stdout();
            loop {
                write_atomic(path, &new[..]).await?;
                stdout.write_all(b"new\n").await?;
                stdout.flush().await?;
                write_atomic(path, &old[..]).await?;
                stdout.write_all(b"old\n").await?;
                stdout.flush().await?;
            }
        }
    }
}

/// The parent's side: fills `target` with the old content, starts the
/// child (`exe crash-writer ...`), waits until it is half-way through
/// writing, kills it with SIGKILL and reports what `target` holds.
pub async fn kill_mid_write(
    exe: &Path,
    writer: Writer,
    target: &Path,
) -> io::Result<Found> {
    tokio::fs::write(target, old_contents()).await?;
    let mut child = spawn_child(exe, writer, target, Stdio::null())?;
    let half = (NEW_LEN / 2) as u64;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = child.try_wait()? {
            return Err(io::Error::other(format!(
                "the child exited before the kill: {status}"
            )));
        }
        let written = match writer {
            Writer::Naive => file_len(target),
            _ => temp_len(target)?,
        };
        if written == Some(half) {
            break; // half the new bytes are on disk: the child is mid-write
        }
        if tokio::time::Instant::now() > deadline {
            child.kill().await?;
            return Err(io::Error::other("the child never got half-way"));
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    child.kill().await?; // SIGKILL: no destructor, no flush, no goodbye
    inspect(target).await
}

/// Starts an `atomic-loop` child on `target` (filled with the old content
/// first), lets it finish `writes` whole writes, waits `then` more, kills
/// it with SIGKILL and reports what `target` holds. The writes take turns:
/// new, old, new, ...; killed at once after an odd number, the file should
/// hold the new content, after an even number the old; in between, a write
/// is in progress.
pub async fn kill_loop_after(
    exe: &Path,
    target: &Path,
    writes: usize,
    then: Duration,
) -> io::Result<Found> {
    tokio::fs::write(target, old_contents()).await?;
    let mut child =
        spawn_child(exe, Writer::AtomicLoop, target, Stdio::piped())?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    for _ in 0..writes {
        let line =
            tokio::time::timeout(Duration::from_secs(30), lines.next_line())
                .await
                .map_err(|_| {
                    io::Error::other("the child wrote nothing for 30 s")
                })??;
        if line.is_none() {
            return Err(io::Error::other("the child exited"));
        }
    }
    tokio::time::sleep(then).await;
    if let Some(status) = child.try_wait()? {
        return Err(io::Error::other(format!("the child exited: {status}")));
    }
    child.kill().await?;
    inspect(target).await
}

fn spawn_child(
    exe: &Path,
    writer: Writer,
    target: &Path,
    stdout: Stdio,
) -> io::Result<tokio::process::Child> {
    Command::new(exe)
        .arg("crash-writer")
        .arg(writer.name())
        .arg(target)
        .stdin(Stdio::null())
        .stdout(stdout)
        .kill_on_drop(true) // a failing test must not leave it running
        .spawn()
}

fn file_len(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.len())
}

/// The length of the child's temporary file beside `target`, if any.
fn temp_len(target: &Path) -> io::Result<Option<u64>> {
    let dir = target.parent().unwrap_or(Path::new("."));
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if is_temp_for(target, &entry.file_name().to_string_lossy()) {
            return Ok(file_len(&entry.path()));
        }
    }
    Ok(None)
}

/// Temporary files of [`write_atomic`] left beside `target` (by a crash).
pub fn leftover_temps(target: &Path) -> io::Result<Vec<PathBuf>> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if is_temp_for(target, &entry.file_name().to_string_lossy()) {
            found.push(entry.path());
        }
    }
    Ok(found)
}
