//! The nested-runtime panic, the three ways people hit it, and the fixes.
//!
//! `block_on` parks the calling thread until a future is done. A thread
//! that is driving async tasks must never park like that — the tasks it
//! drives would stop, maybe including the one that `block_on` waits for —
//! so tokio checks, and panics with:
//!
//! > Cannot start a runtime from within a runtime. This happens because a
//! > function (like `block_on`) attempted to block the current thread
//! > while the thread is being used to drive asynchronous tasks. If you
//! > are in an async function, use `.await` on the future instead of
//! > blocking on it.
//!
//! Python's counterpart is `asyncio.run() cannot be called from a running
//! event loop` (the Jupyter error).

use std::sync::Arc;

use tokio::runtime::{Handle, Runtime};

use crate::bridge::{BlockingInventory, Inventory};

/// The start of tokio's message.
pub const NESTED_RUNTIME: &str = "Cannot start a runtime from within a runtime";

/// Tokio's message when a runtime is dropped inside async code.
pub const DROP_IN_ASYNC: &str =
    "Cannot drop a runtime in a context where blocking is not allowed";

// ANCHOR: mistakes
/// Mistake 1: a new runtime's `block_on` inside async code. (A helper
/// marked `#[tokio::main]` is the same thing in disguise: the attribute
/// builds a runtime and calls `block_on`.)
pub async fn new_runtime_inside(inventory: Inventory) -> u32 {
    let runtime = Runtime::new().expect("a runtime can be built");
    runtime.block_on(inventory.stock("apples")) // panics
}

/// Mistake 2: blocking on the runtime we are already running on.
pub async fn current_handle_block_on(inventory: Inventory) -> u32 {
    Handle::current().block_on(inventory.stock("apples")) // panics
}

/// Mistake 3: a sync API that blocks inside (the bridge, a blocking HTTP
/// client, a database driver with a sync facade) called from async code.
pub async fn sync_facade_inside(facade: Arc<BlockingInventory>) -> u32 {
    facade.stock("apples") // panics
}
// ANCHOR_END: mistakes

// ANCHOR: fixes
/// Fix 1: in async code, don't block on a future, await it.
pub async fn just_await(inventory: Inventory) -> u32 {
    inventory.stock("apples").await
}

/// Fix 2: keep the sync API, and call it from a blocking-pool thread,
/// which is not driving tasks and may block.
pub async fn facade_on_blocking_pool(facade: Arc<BlockingInventory>) -> u32 {
    tokio::task::spawn_blocking(move || facade.stock("apples"))
        .await
        .expect("the lookup panicked")
}

/// Fix 3 (multi-threaded runtime only): `block_in_place` turns this
/// worker into a blocking thread first, so blocking on the current
/// runtime becomes legal.
pub async fn block_in_place_then_block_on(inventory: Inventory) -> u32 {
    tokio::task::block_in_place(|| {
        Handle::current().block_on(inventory.stock("apples"))
    })
}
// ANCHOR_END: fixes

// ANCHOR: drop_inside
/// A runtime dropped inside async code panics too: dropping waits for the
/// runtime's blocking threads, and waiting is blocking. Build and drop
/// bridges outside async code (or drop them in `spawn_blocking`).
pub async fn drop_facade_inside(facade: BlockingInventory) {
    drop(facade); // panics
}
// ANCHOR_END: drop_inside
