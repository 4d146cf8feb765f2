//! The real-clock lock's two modes. One test, so that no other test of this
//! binary can queue for the lock in between (std's `RwLock` makes a new
//! reader wait behind a waiting writer, and that would change the answer).

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use kit::timing::{realtime_lock, realtime_shared};

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

    // A measuring test starts only when the waiting ones are done ...
    let alone = thread::spawn(|| {
        let _alone = realtime_lock();
        Instant::now()
    });
    thread::sleep(Duration::from_millis(50));
    let released = Instant::now();
    drop(first);
    let started = alone.join().unwrap();
    assert!(started >= released, "it ran beside a waiting test");

    // ... and while it runs, a waiting test waits.
    let held = realtime_lock();
    let waiter = thread::spawn(|| {
        let _shared = realtime_shared();
        Instant::now()
    });
    thread::sleep(Duration::from_millis(50));
    let released = Instant::now();
    drop(held);
    assert!(
        waiter.join().unwrap() >= released,
        "it ran beside a measuring test"
    );
}
