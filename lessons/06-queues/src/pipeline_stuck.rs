//! The pipeline's classic mistake: a sender kept where no stage is.
//!
//! [`crate::pipeline::run`] with one line missing, `drop(to_writer)`. The
//! reader ends, the workers drain and end — and the writer waits for ever,
//! because the sender kept here is never dropped. It never commits the
//! partial batch it holds, and the program never ends. The compiler cannot
//! see this: the channel is open, as far as anyone can tell.

use kit::Timeline;
use tokio::sync::mpsc;

use crate::pipeline::{
    CAPACITY, Plan, Row, Sink, reader, spawn_workers, writer,
};

// ANCHOR: stuck
/// The pipeline, but `to_writer` stays alive here. Never returns.
pub async fn run_keeping_a_sender(
    plan: Plan,
    sink: impl Sink<Row>,
    timeline: &Timeline,
) {
    let (to_workers, records) = mpsc::channel(CAPACITY);
    let (to_writer, rows) = mpsc::channel(CAPACITY);
    let workers = spawn_workers(plan, records, &to_writer, timeline);
    // Missing: drop(to_writer). It lives until this function returns,
    // which waits for the writer, which waits for `to_writer` to go.
    tokio::join!(
        reader(to_workers, plan.items, plan.read_every, timeline),
        workers.join_all(),
        writer(rows, plan.batch, sink, timeline),
    );
}
// ANCHOR_END: stuck
