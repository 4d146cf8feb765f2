//! Wrong answer: shutdown closes the queue and aborts the workers at once, like the Python's cancel() but without the join(), so accepted jobs are lost
//! Expect: Did shutdown stop the workers before they finished the accepted jobs

use std::sync::{Arc, Mutex};

use async_channel::{Receiver, Sender, TrySendError};
use tokio::task::JoinSet;
use tokio::time::sleep;

use crate::support::{Job, SubmitError};

/// A pool of workers behind a bounded queue, drained on shutdown.
#[derive(Debug)]
pub struct WorkQueue {
    jobs: Sender<Job>,
    workers: Mutex<JoinSet<()>>,
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
            workers: Mutex::new(set),
            done,
        }
    }

    /// Queues `job`, waiting while the queue is full.
    pub async fn submit(&self, job: Job) -> Result<(), SubmitError> {
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
        self.jobs.close();
        self.workers.lock().unwrap().abort_all();
        self.done.lock().unwrap().clone()
    }
}

async fn work(queue: Receiver<Job>, done: Arc<Mutex<Vec<u32>>>) {
    while let Ok(job) = queue.recv().await {
        sleep(job.takes).await;
        done.lock().unwrap().push(job.id);
    }
}
