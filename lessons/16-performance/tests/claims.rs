//! The lesson's one asserted figure, `perf/task-bytes`: the bytes a spawned
//! sleeping task allocates, counted by a global allocator that wraps the
//! system's. Speeds are not asserted anywhere: the benchmark program
//! measures them (`cargo run --release -p lesson-16-performance -- all`).

// A `GlobalAlloc` is an unsafe trait: the allocator must hand out valid
// memory. This one only counts and passes every call on to `System`.
#![allow(unsafe_code)]

use std::time::Duration;

use lesson_16_performance::memory::sleeper;

mod counting;
use counting::allocated;

/// The bound the claim states: a spawned task sleeping 1 s allocates at
/// most this many bytes (its future, tokio's header and trailer, padding).
const TASK_BYTES_BOUND: usize = 512;

// claim: perf/task-bytes
#[test]
fn claim_perf_task_bytes() {
    let n = 10_000;
    // A current-thread runtime: every spawn allocates on this thread,
    // where the counter is.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap();
    let _guard = runtime.enter();
    let mut handles = Vec::with_capacity(n);
    let before = allocated();
    for _ in 0..n {
        handles.push(tokio::spawn(sleeper(Duration::from_secs(1))));
    }
    let per_task = (allocated() - before) / n;
    let future = size_of_val(&sleeper(Duration::from_secs(1)));
    println!("{per_task} bytes allocated per task; the future is {future}");
    assert!(
        per_task <= TASK_BYTES_BOUND,
        "a sleeping task allocated {per_task} bytes, over {TASK_BYTES_BOUND}"
    );
    // The future itself is the floor: the task holds it inside.
    assert!(
        per_task >= future,
        "{per_task} < the future's {future} bytes"
    );
    runtime.block_on(async {
        for handle in handles {
            handle.await.unwrap();
        }
    });
}
