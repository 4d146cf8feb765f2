//! Lesson 10's claims that need no real clock. The two real-clock claims
//! (`executors/blocking-offloaded`, `executors/cpu-parallel`) are in
//! `tests/realtime.rs`.

use std::sync::Arc;

use kit::timing::ms;
use lesson_10_executors::bridge::{BlockingInventory, Inventory};
use lesson_10_executors::nested::{self, NESTED_RUNTIME};
use lesson_10_executors::panics::panic_text_of;

fn inventory() -> Inventory {
    Inventory::new(ms(10))
}

#[track_caller]
fn assert_nested_panic(what: &str, text: Option<String>) {
    let text = text.unwrap_or_else(|| panic!("{what}: expected a panic"));
    assert!(
        text.starts_with(NESTED_RUNTIME),
        "{what}: tokio's message should start with {NESTED_RUNTIME:?}, got {text:?}"
    );
}

// claim: executors/nested-runtime
#[test]
fn claim_executors_nested_runtime() {
    // Built (and later dropped) outside any runtime, as a bridge must be.
    let facade = Arc::new(BlockingInventory::new(inventory()).unwrap());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();

    runtime.block_on(async {
        // The three ways in: each task panics with tokio's message...
        assert_nested_panic(
            "a new runtime's block_on in async code",
            panic_text_of(nested::new_runtime_inside(inventory())).await,
        );
        assert_nested_panic(
            "Handle::current().block_on in async code",
            panic_text_of(nested::current_handle_block_on(inventory())).await,
        );
        assert_nested_panic(
            "a sync facade called from async code",
            panic_text_of(nested::sync_facade_inside(facade.clone())).await,
        );

        // ...and the runtime is fine: each fix returns the 12 apples.
        assert_eq!(nested::just_await(inventory()).await, 12);
        assert_eq!(nested::facade_on_blocking_pool(facade.clone()).await, 12);
        assert_eq!(nested::block_in_place_then_block_on(inventory()).await, 12);
    });
    drop(runtime);
    drop(facade);
}
