//! Lesson 02's claims, each asserted with what it states.

use kit::timing::secs;
use lesson_02_runtime::{scheduling, threadsafe};
use tokio::runtime::Builder;

// claim: runtime/call-later-order
#[test]
fn claim_runtime_call_later_order() {
    // A current-thread runtime on the paused clock: virtual time jumps from
    // timer to timer, so the times below are exact.
    let runtime = Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    // Main sleeps 3 s; then the runtime is dropped, as asyncio.run does.
    let log = scheduling::run_then_shut_down(runtime);
    assert_eq!(
        log,
        [
            ("call_soon", Some(secs(0))),
            ("call_later +2s", Some(secs(2))),
            // Never ran: its task was dropped when the runtime shut down.
            ("call_at +5s", None),
        ]
    );
}

// claim: runtime/threadsafe-submit
#[test]
fn claim_runtime_threadsafe_submit() {
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("runtime-worker")
        .enable_all()
        .build()
        .unwrap();
    let report = threadsafe::from_a_plain_thread(runtime.handle().clone());

    // Submitted from a plain thread, outside any runtime...
    assert!(!report.caller_in_runtime);
    assert_ne!(
        report.caller,
        std::thread::current().id(),
        "a thread of its own"
    );
    // ...it ran on one of the runtime's workers, inside the runtime...
    assert_ne!(report.ran_on, report.caller);
    assert_eq!(report.ran_on_name, "runtime-worker");
    assert!(report.ran_in_runtime);
    // ...and its result came back to the thread that submitted it.
    assert_eq!(report.came_back_on, report.caller);
    assert_eq!(report.value, 42);
}
