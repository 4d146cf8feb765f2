//! Wrong answer: shutdown sets a `closed` flag, as the Python does, but never closes the channel, so the workers wait for more jobs for ever
//! Expect: never finished

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc::{self, Receiver, Sender, error::TrySendError};
use tokio::task::JoinSet;
use tokio::time::sleep;

use crate::support::{Job, SubmitError};

/// A pool of workers behind a bounded queue, drained on shutdown.
#[derive(Debug)]
pub struct WorkQueue {
    jobs: Sender<Job>,
    closed: AtomicBool,
    workers: tokio::sync::Mutex<JoinSet<()>>,
    done: Arc<Mutex<Vec<u32>>>,
}

impl WorkQueue {
    /// Starts `workers` workers behind a queue with room for `capacity`.
    pub fn new(workers: usize, capacity: usize) -> Self {
        let (jobs, queue) = mpsc::channel(capacity);
        let queue = Arc::new(tokio::sync::Mutex::new(queue));
        let done = Arc::new(Mutex::new(Vec::new()));
        let mut set = JoinSet::new();
        for _ in 0..workers {
            set.spawn(work(queue.clone(), done.clone()));
        }
        Self {
            jobs,
            closed: AtomicBool::new(false),
            workers: tokio::sync::Mutex::new(set),
            done,
        }
    }

    /// Queues `job`, waiting while the queue is full.
    pub async fn submit(&self, job: Job) -> Result<(), SubmitError> {
        if self.closed.load(Ordering::SeqCst) {
            return Err(SubmitError::Closed(job));
        }
        self.jobs
            .send(job)
            .await
            .map_err(|e| SubmitError::Closed(e.0))
    }

    /// Queues `job` if there is room now.
    pub fn try_submit(&self, job: Job) -> Result<(), SubmitError> {
        if self.closed.load(Ordering::SeqCst) {
            return Err(SubmitError::Closed(job));
        }
        self.jobs.try_send(job).map_err(|e| match e {
            TrySendError::Full(job) => SubmitError::Full(job),
            TrySendError::Closed(job) => SubmitError::Closed(job),
        })
    }

    /// Stops taking jobs, waits for every accepted one, returns their ids.
    pub async fn shutdown(&self) -> Vec<u32> {
        self.closed.store(true, Ordering::SeqCst);
        let mut workers = self.workers.lock().await;
        while workers.join_next().await.is_some() {}
        self.done.lock().unwrap().clone()
    }
}

async fn work(
    queue: Arc<tokio::sync::Mutex<Receiver<Job>>>,
    done: Arc<Mutex<Vec<u32>>>,
) {
    loop {
        let job = queue.lock().await.recv().await;
        let Some(job) = job else { break };
        sleep(job.takes).await;
        done.lock().unwrap().push(job.id);
    }
}
