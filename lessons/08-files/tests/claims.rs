//! Lesson 08's claim about crashes: a real child process, killed with
//! SIGKILL mid-write. (The concurrent-reads claim is in `realtime.rs`, as
//! it also measures.)

use std::path::Path;
use std::time::Duration;

use lesson_08_files::crash::{self, Found, NEW_LEN, Writer};

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
