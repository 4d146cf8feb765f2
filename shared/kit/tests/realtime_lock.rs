//! The real-clock lock's two modes. One test, so that no other test of this
//! binary can queue for the lock in between (std's `RwLock` makes a new
//! reader wait behind a waiting writer, and that would change the answer).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use kit::timing::{realtime_lock, realtime_shared};

/// Holds `held`, starts `take` on a thread, gives it 50 ms, then releases:
/// true if `take` got the lock only after the release.
fn waits_for_release(
    held: kit::timing::RealtimeGuard,
    take: fn() -> kit::timing::RealtimeGuard,
) -> bool {
    let released = Arc::new(AtomicBool::new(false));
    let seen = released.clone();
    let taker = thread::spawn(move || {
        let _guard = take();
        seen.load(Ordering::SeqCst)
    });
    thread::sleep(Duration::from_millis(50));
    released.store(true, Ordering::SeqCst);
    drop(held);
    taker.join().unwrap()
}

#[test]
fn waiting_tests_run_side_by_side_and_a_measuring_test_runs_alone() {
    // Two waiting tests hold the lock at the same time.
    let first = realtime_shared();
    let (tx, rx) = mpsc::channel();
    let second = thread::spawn(move || {
        let _shared = realtime_shared();
        tx.send(()).unwrap();
    });
    rx.recv_timeout(Duration::from_secs(5))
        .expect("a second waiting test could not share the lock");
    second.join().unwrap();

    // A measuring test starts only when the waiting ones are done, and a
    // waiting test only when the measuring one is.
    assert!(
        waits_for_release(first, realtime_lock),
        "a measuring test ran beside a waiting one"
    );
    assert!(
        waits_for_release(realtime_lock(), realtime_shared),
        "a waiting test ran beside a measuring one"
    );
}
