//! Lesson 06 — queues and channels: producers and consumers.
//!
//! asyncio has one `Queue` that everyone shares. Tokio splits a channel
//! into its two ends — senders and receivers — and that one change is what
//! lets a channel *close*: when the last sender is dropped, receivers drain
//! what is left and then hear "no more", so consumers end by themselves,
//! with no end-marker to count and no `join()` to get wrong.
//!
//! The modules, in the order `cargo run -p lesson-06-queues` and
//! `book/src/06-queues.md` show them:
//!
//! - [`backpressure`], [`try_send`]: a bounded `mpsc` is `Queue(maxsize)`.
//! - [`python_queue`], [`python_one_marker`], [`python_markers_and_join`]:
//!   the two programs from the Python tutorials this course follows that
//!   hang, translated faithfully.
//! - [`closing`], [`shared_receiver`]: the versions that cannot hang, with
//!   a multi-consumer channel or a shared tokio receiver.
//! - [`close_and_drain`], [`send_error`]: `close()` from either end, and
//!   the item a failed send hands back.
//! - [`pipeline`], [`pipeline_stuck`]: reader → workers → batching writer,
//!   ended by closing alone; and the sender that keeps it from ending.
//! - [`task_done`]: `task_done()` and `join()` without closing.
//! - [`oneshot`], [`broadcast`], [`watch`]: one reply, every message to
//!   every receiver, only the latest value.

pub mod backpressure;
pub mod broadcast;
pub mod close_and_drain;
pub mod closing;
pub mod log;
pub mod oneshot;
pub mod pipeline;
pub mod pipeline_stuck;
pub mod python_markers_and_join;
pub mod python_one_marker;
pub mod python_queue;
pub mod send_error;
pub mod shared_receiver;
pub mod support;
pub mod task_done;
pub mod try_send;
pub mod watch;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod ordered_workers;
    pub mod sum_produced;
    pub mod work_queue;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod ordered_workers;
    pub mod sum_produced;
    pub mod work_queue;
}
