//! A pipeline of stages: a reader → N workers → a writer that commits in
//! batches, joined by bounded channels.
//!
//! No stage is told "no more" by a marker. Each one ends when its input
//! channel is closed and drained, and closing flows down the pipeline:
//!
//! 1. The reader runs out of input and ends, dropping its sender.
//! 2. The workers drain what is left; then their shared receiver returns
//!    `None`, and each worker ends, dropping its clone of the writer's
//!    sender.
//! 3. When the last worker is gone, the writer's `recv_many` returns 0: it
//!    commits the partial batch it holds, and ends.
//!
//! So only the stages may hold senders. One kept anywhere else keeps the
//! next stage waiting for ever: see [`crate::pipeline_stuck`].

use std::sync::{Arc, MutexGuard};
use std::time::Duration;

use kit::Timeline;
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;
use tokio::time::sleep;

/// Room in each of the two channels.
pub const CAPACITY: usize = 16;

/// The pipeline's shape and pace.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Records the reader reads.
    pub items: u32,
    /// How long reading one record takes.
    pub read_every: Duration,
    /// How many workers.
    pub workers: usize,
    /// How long a worker takes per record.
    pub work: Duration,
    /// Rows per batch the writer commits.
    pub batch: usize,
}

/// What a worker makes of a record: a row for the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The record's id.
    pub id: u32,
    /// The worker that handled it.
    pub worker: usize,
}

// ANCHOR: sink
/// Where the writer's batches go.
pub trait Sink<T> {
    /// Stores `batch` as one unit: one transaction, one bulk insert.
    fn commit(&mut self, batch: Vec<T>) -> impl Future<Output = ()>;
}
// ANCHOR_END: sink

/// A sink that keeps every batch in memory, in commit order. Its clones
/// share the batches, so a test can read them while the writer owns one.
#[derive(Debug)]
pub struct Recorder<T> {
    batches: Arc<std::sync::Mutex<Vec<Vec<T>>>>,
}

impl<T> Default for Recorder<T> {
    fn default() -> Self {
        Self {
            batches: Arc::default(),
        }
    }
}

impl<T> Clone for Recorder<T> {
    fn clone(&self) -> Self {
        Self {
            batches: self.batches.clone(),
        }
    }
}

impl<T: Clone> Recorder<T> {
    // Never held across an await.
    fn lock(&self) -> MutexGuard<'_, Vec<Vec<T>>> {
        self.batches.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Every batch committed so far.
    pub fn batches(&self) -> Vec<Vec<T>> {
        self.lock().clone()
    }
}

impl<T: Clone> Sink<T> for Recorder<T> {
    async fn commit(&mut self, batch: Vec<T>) {
        self.lock().push(batch);
    }
}

// ANCHOR: reader
/// Reads `items` records, one every `every`, and passes them on.
pub async fn reader(
    to_workers: mpsc::Sender<u32>,
    items: u32,
    every: Duration,
    timeline: &Timeline,
) {
    let mark = timeline.start("reader");
    for id in 0..items {
        sleep(every).await; // reading the next record
        if mark.wait(to_workers.send(id)).await.is_err() {
            break; // every worker is gone: nobody to read for
        }
    }
    mark.end();
} // `to_workers` is dropped here: the workers' channel closes
// ANCHOR_END: reader

// ANCHOR: worker
/// Handles records until the reader is done and none is left.
pub async fn worker(
    n: usize,
    records: Arc<Mutex<mpsc::Receiver<u32>>>,
    to_writer: mpsc::Sender<Row>,
    work: Duration,
    timeline: Timeline,
) {
    let mark = timeline.start(format!("worker {n}"));
    loop {
        let next = mark.wait(async { records.lock().await.recv().await });
        let Some(id) = next.await else { break }; // closed and drained
        sleep(work).await; // the work on one record
        let row = Row { id, worker: n };
        if mark.wait(to_writer.send(row)).await.is_err() {
            break; // the writer is gone
        }
    }
    mark.end();
} // this worker's clone of `to_writer` is dropped here
// ANCHOR_END: worker

// ANCHOR: writer
/// Commits rows in batches of `size`; the last batch may be smaller.
pub async fn writer<T>(
    mut rows: mpsc::Receiver<T>,
    size: usize,
    mut sink: impl Sink<T>,
    timeline: &Timeline,
) {
    assert!(size > 0, "a batch holds at least one row");
    let mark = timeline.start("writer");
    let mut batch = Vec::with_capacity(size);
    loop {
        let room = size - batch.len();
        // Waits for one row, then takes what is ready, up to `room`. 0
        // only once every sender is gone and the channel is empty.
        if mark.wait(rows.recv_many(&mut batch, room)).await == 0 {
            break;
        }
        if batch.len() == size {
            sink.commit(std::mem::take(&mut batch)).await;
        }
    }
    if !batch.is_empty() {
        sink.commit(batch).await; // the last, partial batch
    }
    mark.end();
}
// ANCHOR_END: writer

// ANCHOR: spawn_workers
/// Starts `plan.workers` workers, each with its own clone of `to_writer`.
pub fn spawn_workers(
    plan: Plan,
    records: mpsc::Receiver<u32>,
    to_writer: &mpsc::Sender<Row>,
    timeline: &Timeline,
) -> JoinSet<()> {
    let records = Arc::new(Mutex::new(records));
    let mut workers = JoinSet::new();
    for n in 0..plan.workers {
        let (records, to_writer) = (records.clone(), to_writer.clone());
        let timeline = timeline.clone();
        workers.spawn(worker(n, records, to_writer, plan.work, timeline));
    }
    workers
}
// ANCHOR_END: spawn_workers

// ANCHOR: run
/// The whole pipeline. Returns when every stage has ended.
pub async fn run(plan: Plan, sink: impl Sink<Row>, timeline: &Timeline) {
    let (to_workers, records) = mpsc::channel(CAPACITY);
    let (to_writer, rows) = mpsc::channel(CAPACITY);
    let workers = spawn_workers(plan, records, &to_writer, timeline);
    drop(to_writer); // the workers hold the only senders now
    tokio::join!(
        reader(to_workers, plan.items, plan.read_every, timeline),
        workers.join_all(), // panics if a worker did
        writer(rows, plan.batch, sink, timeline),
    );
}
// ANCHOR_END: run
