//! `asyncio.run(main())`: start a runtime, run one future, shut down.
//!
//! `#[tokio::main]` is a macro that rewrites an `async fn` into a plain
//! one: build a runtime, `block_on` the body, drop the runtime. It works on
//! any function, not only `main`. Writing the same thing by hand shows that
//! there is no magic, and is what you do when you need to choose settings
//! at run time or call async code from a sync library.

use std::time::Duration;

use kit::sim::fetch;

// ANCHOR: tokio_main
/// The macro way. The body is async; the function the macro produces is
/// not: callers get a plain `String`.
#[tokio::main]
pub async fn with_the_macro() -> String {
    fetch("config", Duration::from_millis(50)).await
}
// ANCHOR_END: tokio_main

// ANCHOR: block_on
/// The same, by hand: what `#[tokio::main]` expands to.
pub fn by_hand() -> String {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all() // the I/O driver and the timer
        .build()
        .expect("a tokio runtime");
    runtime.block_on(fetch("config", Duration::from_millis(50)))
    // `runtime` is dropped here: its threads stop, and unfinished tasks
    // are dropped.
}
// ANCHOR_END: block_on
