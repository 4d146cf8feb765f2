//! The demos (and the chapter's warnings) behave as the chapter says.

use std::sync::Arc;

use kit::timing::{assert_exact, measure, ms};
use lesson_10_executors::block_in_place::{demo_db, lookup_in_place};
use lesson_10_executors::bridge::{self, BlockingInventory, Inventory};
use lesson_10_executors::nested::{self, DROP_IN_ASYNC};
use lesson_10_executors::panics::{message, panic_text_of};

/// tokio's message for `block_in_place` on a current-thread runtime.
const NOT_MULTI_THREAD: &str =
    "can call blocking only when running on the multi-threaded runtime";

/// tokio's message for a tokio timer or socket used outside any runtime.
const NO_REACTOR: &str = "there is no reactor running, must be called from \
                          the context of a Tokio 1.x runtime";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn block_in_place_works_on_the_multi_threaded_runtime() {
    let db = demo_db();
    let found = lookup_in_place(&db, &["a", "b"]).await;
    assert_eq!(found, ["a: found", "b: found"]);
}

#[tokio::test] // current_thread
async fn block_in_place_panics_on_the_current_thread_runtime() {
    let text = panic_text_of(async {
        lookup_in_place(&demo_db(), &["a"]).await;
    })
    .await;
    assert_eq!(text.as_deref(), Some(NOT_MULTI_THREAD));
}

#[test]
fn a_runtime_dropped_inside_async_code_panics() {
    let facade = BlockingInventory::new(Inventory::new(ms(1))).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let text =
        runtime.block_on(panic_text_of(nested::drop_facade_inside(facade)));
    let text = text.expect("dropping a runtime in async code panics");
    assert!(text.starts_with(DROP_IN_ASYNC), "{text}");
}

#[test]
fn a_tokio_timer_outside_any_runtime_panics_with_no_reactor() {
    // `futures::executor::block_on` is an executor, but not tokio's: there
    // is no tokio timer driver for the sleep to register with.
    let caught = std::panic::catch_unwind(|| {
        futures::executor::block_on(tokio::time::sleep(ms(1)));
    });
    let payload = caught.expect_err("a tokio timer needs a tokio runtime");
    assert_eq!(message(&*payload), NO_REACTOR);
}

#[test]
fn the_bridge_gives_a_sync_api() {
    let facade = BlockingInventory::new(Inventory::new(ms(10))).unwrap();
    assert_eq!(facade.stock("apples"), 12);
    assert_eq!(facade.stock("kiwis"), 0);
    assert_eq!(
        facade.stock_of_all(&["apples", "pears", "plums"]),
        [12, 0, 7]
    );
    // Shared by plain threads: `Runtime::block_on` takes `&self`.
    let facade = Arc::new(facade);
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| assert_eq!(facade.stock("plums"), 7));
        }
    });
}

#[test]
fn sync_main_blocks_on_the_async_part() {
    assert_eq!(bridge::sync_main(Inventory::new(ms(10))).unwrap(), 19);
}

#[test]
fn a_plain_thread_runs_a_future_on_another_runtime() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let handle = runtime.handle().clone();
    assert_eq!(
        bridge::from_plain_thread(handle, Inventory::new(ms(10))),
        12
    );
}

#[tokio::test(start_paused = true)]
async fn the_bridge_lookups_run_concurrently_inside() {
    // The async side of the bridge: three 1 s lookups joined take 1 s.
    let inventory = Inventory::new(ms(1000));
    let (_, took) = measure(async {
        tokio::join!(
            inventory.stock("apples"),
            inventory.stock("pears"),
            inventory.stock("plums")
        )
    })
    .await;
    assert_exact(took, ms(1000));
}

#[tokio::test]
async fn blocking_lock_in_async_code_panics() {
    // The `blocking_*` methods of tokio's sync types are for sync code
    // (a plain thread, a `spawn_blocking` closure); inside a task they
    // refuse, like `block_on`.
    let text = panic_text_of(async {
        let lock = tokio::sync::Mutex::new(0);
        *lock.blocking_lock() += 1;
    })
    .await;
    assert_eq!(
        text.as_deref(),
        Some(
            "Cannot block the current thread from within a runtime. This \
             happens because a function attempted to block the current \
             thread while the thread is being used to drive asynchronous \
             tasks."
        )
    );
}

#[tokio::test]
async fn blocking_lock_is_fine_in_spawn_blocking() {
    let lock = Arc::new(tokio::sync::Mutex::new(0));
    let shared = lock.clone();
    tokio::task::spawn_blocking(move || *shared.blocking_lock() += 1)
        .await
        .unwrap();
    assert_eq!(*lock.lock().await, 1);
}

#[tokio::test]
async fn a_job_on_the_pool_runs_on_its_named_threads() {
    let pool = lesson_10_executors::cpu::pool(2);
    assert_eq!(pool.current_num_threads(), 2);
    // The answer comes back through the oneshot: here, the thread's name.
    let name = lesson_10_executors::cpu::on_pool(&pool, || {
        std::thread::current().name().map(String::from)
    })
    .await;
    assert!(
        matches!(name.as_deref(), Some("cpu-0" | "cpu-1")),
        "{name:?}"
    );
}
