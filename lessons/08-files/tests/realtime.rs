//! Lesson 08's reads on a real disk: every content intact, and the
//! speed of four ways of reading measured and printed (run with
//! `--nocapture` to see it), never asserted.

use std::future::Future;

use kit::timing::realtime_lock;
use lesson_08_files::concurrent;

/// Runs `test` on a fresh multi-threaded runtime, holding the lock so no
/// other timing test shares the cores.
fn realtime<F: Future<Output = ()>>(test: F) {
    let _guard = realtime_lock();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("cannot build a tokio runtime")
        .block_on(test);
}

// claim: files/concurrent-reads
#[test]
fn claim_files_concurrent_reads() {
    realtime(async {
        let dir = tempfile::tempdir().unwrap();
        let (paths, contents) =
            concurrent::make_files(dir.path(), 100, 4096).await.unwrap();
        let read = concurrent::read_concurrently(&paths).await.unwrap();
        assert_eq!(read.len(), 100);
        for (i, (got, want)) in read.iter().zip(&contents).enumerate() {
            assert!(got == want, "file {i} came back different");
        }
        // The other ways return the same, and the timings are reported.
        let blocking =
            concurrent::read_in_one_blocking_call(paths.clone()).await;
        assert_eq!(blocking.unwrap(), contents);
        for row in concurrent::compare(&paths, 3).await.unwrap() {
            println!("{:<32} {:?}", row.how, row.median);
        }
    });
}
