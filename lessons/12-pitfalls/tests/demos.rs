//! The demos (and the chapter's warnings) behave as the chapter says.

use std::sync::{Arc, Mutex};

use kit::timing::{assert_exact, measure, secs};
use lesson_12_pitfalls::panics::panic_text_of;
use lesson_12_pitfalls::{builder, locks, nested, never_awaited, sequential};

#[tokio::test(start_paused = true)]
async fn a_future_never_awaited_does_nothing() {
    let store = never_awaited::Store::default();
    never_awaited::forgot_the_await(store.clone()).await;
    tokio::time::sleep(secs(1)).await; // plenty of time: still nothing
    assert!(store.lock().unwrap().is_empty());

    never_awaited::awaited(store.clone()).await;
    assert_eq!(*store.lock().unwrap(), ["order #1"]);
}

#[tokio::test(start_paused = true)]
async fn sequential_awaits_add_up_and_join_does_not() {
    let (one_by_one, took) = measure(sequential::one_by_one(secs(1))).await;
    assert_exact(took, secs(3));
    let (joined, took) = measure(sequential::joined(secs(1))).await;
    assert_exact(took, secs(1));
    assert_eq!(one_by_one, joined, "same results, same order");
}

#[tokio::test]
async fn a_hidden_block_on_panics_and_awaiting_works() {
    let text = panic_text_of(nested::setting_from_async_code("beta")).await;
    let text = text.expect("block_on inside the runtime panics");
    assert!(
        text.starts_with("Cannot start a runtime from within a runtime"),
        "{text}"
    );
    assert_eq!(nested::setting_awaited("beta").await, "beta=on");
}

#[tokio::test(start_paused = true)]
async fn the_lock_fixes_compile_and_count_right() {
    let std_counter = Arc::new(Mutex::new(0));
    let tokio_counter = Arc::new(tokio::sync::Mutex::new(0));
    let mut tasks = Vec::new();
    for _ in 0..10 {
        // Both futures are `Send`, so both can be spawned.
        tasks.push(tokio::spawn(locks::add_then_wait(std_counter.clone())));
        tasks.push(tokio::spawn(locks::add_while_waiting(
            tokio_counter.clone(),
        )));
    }
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(*std_counter.lock().unwrap(), 10);
    assert_eq!(*tokio_counter.lock().await, 10);
}

#[tokio::test(start_paused = true)]
async fn rc_works_in_local_tasks() {
    // The tasks wait 30, 20 and 10 ms, so they finish in reverse order.
    assert_eq!(locks::rc_on_one_thread().await, [2, 1, 0]);
}

#[test]
fn a_runtime_without_enable_all_panics_on_timers_and_sockets() {
    assert_eq!(
        builder::sleep_without_enable_time().as_deref(),
        Some(
            "A Tokio 1.x context was found, but timers are disabled. \
             Call `enable_time` on the runtime builder to enable timers."
        )
    );
    assert_eq!(
        builder::socket_without_enable_io().as_deref(),
        Some(
            "A Tokio 1.x context was found, but IO is disabled. \
             Call `enable_io` on the runtime builder to enable IO."
        )
    );
    assert_eq!(
        builder::sleep_without_a_runtime().as_deref(),
        Some(
            "there is no reactor running, must be called from the context \
             of a Tokio 1.x runtime"
        )
    );
    assert_eq!(builder::sleep_with_enable_all(), None);
}
