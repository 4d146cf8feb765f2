//! Lesson 08's claims about crashes (a real child process, killed with
//! SIGKILL mid-write) and about dropping a writer without a flush. (The
//! concurrent-reads claim is in `realtime.rs`, as it also measures.)

use std::path::Path;
use std::time::Duration;

use lesson_08_files::crash::{self, Found, NEW_LEN, Writer};
use lesson_08_files::flush;
use tokio::fs::{File, OpenOptions};

/// This lesson's program, which is also the crash test's child process.
fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_lesson-08-files"))
}

// claim: files/atomic-write
#[tokio::test]
async fn claim_files_atomic_write() {
    let dir = tempfile::tempdir().unwrap();

    // The naive write, killed half-way: the old content is gone and the new
    // one half there. Torn.
    let target = dir.path().join("naive.dat");
    let found = crash::kill_mid_write(exe(), Writer::Naive, &target)
        .await
        .unwrap();
    assert_eq!(found, Found::Torn { len: NEW_LEN / 2 });

    // The atomic write, killed at the same point: the old content, whole.
    let target = dir.path().join("atomic.dat");
    let found = crash::kill_mid_write(exe(), Writer::Atomic, &target)
        .await
        .unwrap();
    assert_eq!(found, Found::Old);
    // The crash left its half-written temp file beside the target.
    assert_eq!(crash::leftover_temps(&target).unwrap().len(), 1);

    // Atomic writes in a loop (new, old, new, ...), killed after 0 to 3
    // whole writes, at once or a little later: old or new, never torn.
    let target = dir.path().join("loop.dat");
    for writes in 0..4 {
        for then in [0, 1, 3, 10] {
            let then = Duration::from_millis(then);
            let found = crash::kill_loop_after(exe(), &target, writes, then)
                .await
                .unwrap();
            assert!(
                matches!(found, Found::Old | Found::New),
                "killed {then:?} after {writes} writes: {found:?}"
            );
        }
    }
}

/// Waits until the file at `path` holds `expected`, for at most 10 s.
async fn eventually_holds(path: &Path, expected: &[u8]) -> bool {
    for _ in 0..10_000 {
        if std::fs::read(path).unwrap() == expected {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    false
}

// claim: files/drop-without-flush
#[tokio::test]
async fn claim_files_drop_without_flush() {
    let dir = tempfile::tempdir().unwrap();
    let data = [b'x'; 100];

    // A File dropped unflushed: the queued write still lands.
    let path = dir.path().join("file.txt");
    let file = File::create(&path).await.unwrap();
    flush::file_dropped(file, &data).await.unwrap();
    assert!(eventually_holds(&path, &data).await, "the 100 bytes land");

    // A BufWriter dropped unflushed: its buffer never reaches the file.
    let path = dir.path().join("buffered.txt");
    let file = File::create(&path).await.unwrap();
    flush::buffer_dropped(file, &data).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(std::fs::read(&path).unwrap().len(), 0, "still empty");

    // Flushed and synced: there the moment the call returns.
    let path = dir.path().join("flushed.txt");
    let file = File::create(&path).await.unwrap();
    flush::flushed(file, &data).await.unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), data);

    // A write that fails (/dev/full: no space left): dropped, the error
    // is lost and the call says Ok; flushed, the error comes back.
    let full = async || {
        let file = OpenOptions::new().write(true).open("/dev/full").await;
        file.unwrap()
    };
    let dropped = flush::file_dropped(full().await, &data).await;
    assert!(dropped.is_ok(), "the failed write went unreported");
    let err = flush::flushed(full().await, &data).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
}
