//! The lesson's other demos behave as the chapter says.

use lesson_11_internals::metrics;
use lesson_11_internals::runtime::{Runtime, sleep, spawn};

#[test]
fn spawned_before_block_on_waits_in_the_global_queue() {
    let depths = metrics::global_queue(5);
    assert_eq!(
        depths,
        metrics::QueueDepths {
            workers: 1,
            global_before: 5,
            global_after: 0,
            alive_after: 0,
        }
    );
}

#[test]
fn a_multi_thread_runtime_reports_its_workers() {
    let (workers, _parks) = metrics::workers(2);
    assert_eq!(workers, 2);
}

#[test]
fn join_handles_return_outputs_and_spawn_nests() {
    let runtime = Runtime::new().unwrap();
    let out = runtime.block_on(async {
        let outer = spawn(async {
            let inner = spawn(async { 20 });
            inner.await + 1
        });
        outer.await * 2
    });
    assert_eq!(out, 42);
    assert_eq!(runtime.stats().spawned, 2);
    assert_eq!(runtime.alive_tasks(), 0);
}

#[test]
fn block_on_can_be_called_again_and_tasks_wait_for_it() {
    let runtime = Runtime::new().unwrap();
    let handle = runtime.spawn(async { "ran" });
    // Nothing runs until block_on drives the runtime.
    assert_eq!(runtime.stats().polls, 0);
    assert_eq!(runtime.block_on(handle), "ran");
    assert_eq!(runtime.block_on(async { 1 }), 1);
}

#[test]
fn a_dropped_sleep_leaves_no_waker_behind() {
    let runtime = Runtime::new().unwrap();
    runtime.block_on(async {
        // Polled once (registers a 1 h timer), then dropped.
        let long = sleep(std::time::Duration::from_secs(3600));
        let mut long = std::pin::pin!(long);
        let waker = futures::task::noop_waker();
        let mut cx = std::task::Context::from_waker(&waker);
        assert!(long.as_mut().poll(&mut cx).is_pending());
    });
    assert_eq!(runtime.stats().max_timers, 1);
    assert_eq!(runtime.stats().wakes, 0);
}

#[test]
#[should_panic(expected = "no lesson runtime is running")]
fn spawn_outside_the_runtime_says_why_it_panics() {
    spawn(async {});
}

#[test]
fn a_wake_from_another_thread_rings_the_doorbell() {
    // No timers and no sockets: the runtime sleeps in the reactor with no
    // timeout, and only the doorbell can end that sleep.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = Runtime::new().unwrap();
        let out = runtime
            .block_on(lesson_11_internals::simple_block_on::woken_by_thread(3));
        tx.send((out, runtime.stats())).unwrap();
    });
    let (wakes, stats) = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("a wake from another thread ends the reactor's sleep");
    assert_eq!(wakes, 3);
    assert_eq!(stats.polls, 4, "polled at the start and once per wake");
    // (How often it slept is up to the OS scheduler: each wake comes 5 ms
    // after a poll, and the runtime is normally asleep by then.)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_joined_task_is_finished_before_it_is_released() {
    // Thirty times: spawn, join, read. The handle always says finished;
    // the metric may still count the task, until the worker releases it.
    let runtime = tokio::runtime::Handle::current().metrics();
    let mut still_counted = 0;
    for _ in 0..30 {
        let mut handle = tokio::spawn(async {});
        (&mut handle).await.expect("an empty task does not panic");
        assert!(handle.is_finished());
        if runtime.num_alive_tasks() > 0 {
            still_counted += 1;
        }
        let handles = [handle];
        assert_eq!(metrics::alive_once_released(&handles).await, 0);
    }
    println!("read 1 right after the join in {still_counted} of 30 runs");
}
