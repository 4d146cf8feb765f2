//! Sync code calling async code: `block_on` at the edges, and the bridge.
//!
//! Python's `asyncio.run(coro)` in a sync function has two counterparts:
//! `Runtime::block_on(fut)`, which drives a future on a runtime you own,
//! and `Handle::block_on(fut)`, which a plain thread uses to run a future
//! on a runtime that lives elsewhere. Both block the calling thread, so
//! both belong where no async code runs: `main`, a test, a plain thread,
//! a sync library's methods.
//!
//! The *bridge* keeps a sync API while the code behind it becomes async: a
//! struct owns a small current-thread runtime and `block_on`s each call —
//! tokio's "bridging with sync code" pattern, and how mini-redis offers
//! its blocking client.

use std::collections::HashMap;
use std::io;
use std::time::Duration;

use tokio::runtime::{Builder, Handle, Runtime};
use tokio::time::sleep;

/// An async client (simulated): how many of an item are in stock.
#[derive(Debug, Clone)]
pub struct Inventory {
    stock: HashMap<&'static str, u32>,
    latency: Duration,
}

impl Inventory {
    /// A shop with apples, pears and plums, answering after `latency`.
    pub fn new(latency: Duration) -> Self {
        let stock = HashMap::from([("apples", 12), ("pears", 0), ("plums", 7)]);
        Self { stock, latency }
    }

    /// How many `item`s are in stock; waits like a network call.
    pub async fn stock(&self, item: &str) -> u32 {
        sleep(self.latency).await;
        self.stock.get(item).copied().unwrap_or(0)
    }
}

// ANCHOR: bridge
/// A sync API over the async [`Inventory`]: it owns a runtime and blocks
/// on each call. Callers never see a future.
#[derive(Debug)]
pub struct BlockingInventory {
    inner: Inventory,
    runtime: Runtime,
}

impl BlockingInventory {
    /// Builds the client and its own one-thread runtime.
    pub fn new(inner: Inventory) -> io::Result<Self> {
        let runtime = Builder::new_current_thread().enable_all().build()?;
        Ok(Self { inner, runtime })
    }

    /// How many `item`s are in stock. Blocks the calling thread.
    pub fn stock(&self, item: &str) -> u32 {
        self.runtime.block_on(self.inner.stock(item))
    }

    /// Several items at once: concurrent inside, one wait outside.
    pub fn stock_of_all(&self, items: &[&str]) -> Vec<u32> {
        let lookups = items.iter().map(|item| self.inner.stock(item));
        self.runtime.block_on(futures::future::join_all(lookups))
    }
}
// ANCHOR_END: bridge

// ANCHOR: edge
/// A sync program's `main`: build a runtime, block on the async part,
/// drop the runtime. (`asyncio.run(main())`.)
pub fn sync_main(inventory: Inventory) -> io::Result<u32> {
    let runtime = Runtime::new()?;
    let total = runtime.block_on(async {
        let (apples, plums) =
            tokio::join!(inventory.stock("apples"), inventory.stock("plums"));
        apples + plums
    });
    Ok(total)
}
// ANCHOR_END: edge

// ANCHOR: plain_thread
/// From a plain thread, run a future on a runtime that lives elsewhere
/// and wait for its answer (`asyncio.run_coroutine_threadsafe(...)`
/// followed by `.result()`).
pub fn from_plain_thread(handle: Handle, inventory: Inventory) -> u32 {
    std::thread::spawn(move || {
        // This thread is not a runtime thread, so it may block.
        handle.block_on(inventory.stock("apples"))
    })
    .join()
    .expect("the thread panicked")
}
// ANCHOR_END: plain_thread
