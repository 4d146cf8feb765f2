//! Reference solution for 06-work-queue.

use std::sync::{Arc, Mutex};

use async_channel::{Receiver, Sender, TrySendError};
use tokio::task::JoinSet;
use tokio::time::sleep;

use crate::support::{Job, SubmitError};

/// A pool of workers behind a bounded queue, drained on shutdown.
#[derive(Debug)]
pub struct WorkQueue {
    jobs: Sender<Job>,
    // Taken by the first `shutdown`. A std Mutex: only ever held to take.
    workers: Mutex<Option<JoinSet<()>>>,
    done: Arc<Mutex<Vec<u32>>>,
}

impl WorkQueue {
    /// Starts `workers` workers behind a queue with room for `capacity`.
    pub fn new(workers: usize, capacity: usize) -> Self {
        let (jobs, queue) = async_channel::bounded(capacity);
        let done = Arc::new(Mutex::new(Vec::new()));
        let mut set = JoinSet::new();
        for _ in 0..workers {
            set.spawn(work(queue.clone(), done.clone()));
        }
        Self {
            jobs,
            workers: Mutex::new(Some(set)),
            done,
        }
    }

    /// Queues `job`, waiting while the queue is full.
    pub async fn submit(&self, job: Job) -> Result<(), SubmitError> {
        // Fails if the channel is closed, also while this call waits.
        self.jobs
            .send(job)
            .await
            .map_err(|e| SubmitError::Closed(e.into_inner()))
    }

    /// Queues `job` if there is room now.
    pub fn try_submit(&self, job: Job) -> Result<(), SubmitError> {
        self.jobs.try_send(job).map_err(|e| match e {
            TrySendError::Full(job) => SubmitError::Full(job),
            TrySendError::Closed(job) => SubmitError::Closed(job),
        })
    }

    /// Stops taking jobs, waits for every accepted one, returns their ids.
    pub async fn shutdown(&self) -> Vec<u32> {
        // `close` refuses new jobs at once, whoever else holds a sender;
        // the workers still receive what is queued, then see the end.
        self.jobs.close();
        let workers = self.workers.lock().unwrap().take();
        if let Some(workers) = workers {
            workers.join_all().await; // every worker has drained and ended
        }
        self.done.lock().unwrap().clone()
    }
}

/// A worker: handles jobs until the queue is closed and empty.
async fn work(queue: Receiver<Job>, done: Arc<Mutex<Vec<u32>>>) {
    while let Ok(job) = queue.recv().await {
        sleep(job.takes).await;
        done.lock().unwrap().push(job.id);
    }
}
