//! Real-clock tests: blocking calls hold real threads, which tokio's paused
//! clock cannot show. Each takes `realtime_lock`, so they never overlap,
//! and asserts counts, strict lower bounds, or the course's one margin.

use kit::Timeline;
use kit::timing::{assert_realtime, ms, realtime_lock};
use lesson_12_pitfalls::blocking::{Wait, three_handlers};
use lesson_12_pitfalls::server::ServerThread;

// claim: pitfalls/blocking-sleep
#[tokio::test] // a current-thread runtime
async fn claim_pitfalls_blocking_sleep() {
    let _guard = realtime_lock();

    // Each handler holds the only thread for its 100 ms: one at a time.
    let blocked =
        three_handlers(&Timeline::new(), Wait::ThreadSleep, ms(100)).await;
    assert_eq!(blocked.peak, 1, "the handlers took turns");
    assert!(
        blocked.took >= ms(300),
        "three blocking 100 ms sleeps take at least 300 ms, took {:?}",
        blocked.took
    );

    // With tokio's sleep all three wait together: about 100 ms.
    let fixed =
        three_handlers(&Timeline::new(), Wait::TokioSleep, ms(100)).await;
    assert_eq!(fixed.peak, 3, "all three waited at once");
    assert_realtime(fixed.took, ms(100));
}

#[test]
fn a_sync_http_call_blocks_the_runtime_and_spawn_blocking_fixes_it() {
    let _guard = realtime_lock();
    // The server runs on a runtime of its own; the handlers on this one.
    let server = ServerThread::start().expect("server");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    let blocked = runtime.block_on(three_handlers(
        &Timeline::new(),
        Wait::BlockingHttp(server.addr()),
        ms(100),
    ));
    assert_eq!(blocked.peak, 1, "one request at a time");
    assert!(blocked.took >= ms(300), "{:?}", blocked.took);

    let fixed = runtime.block_on(three_handlers(
        &Timeline::new(),
        Wait::HttpOnBlockingPool(server.addr()),
        ms(100),
    ));
    assert_eq!(fixed.peak, 3, "three requests in flight together");
    assert_realtime(fixed.took, ms(100));
}
