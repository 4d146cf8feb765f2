//! The lesson's one asserted figure, `perf/task-bytes`: the bytes a spawned
//! sleeping task allocates, counted by a global allocator that wraps the
//! system's. Speeds are not asserted anywhere: the benchmark program
//! measures them (`cargo run --release -p lesson-16-performance -- all`).

// A `GlobalAlloc` is an unsafe trait: the allocator must hand out valid
// memory. This one only counts and passes every call on to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Duration;

use lesson_16_performance::memory::sleeper;

/// Counts the bytes allocated by the current thread, so tests running
/// side by side on other threads do not add to it.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call goes to `System` unchanged; we only add to a
// thread-local counter, which does not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|n| n.set(n.get() + layout.size()));
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn allocated() -> usize {
    ALLOCATED.with(Cell::get)
}

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
