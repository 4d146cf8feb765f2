//! Wrong answer: an unbounded queue, so submit never waits and try_submit never says Full
//! Expect: Is the queue bounded at `capacity`

use std::sync::{Arc, Mutex};

use async_channel::{Receiver, Sender};
use tokio::task::JoinSet;
use tokio::time::sleep;

use crate::support::{Job, SubmitError};

/// A pool of workers behind a bounded queue, drained on shutdown.
#[derive(Debug)]
pub struct WorkQueue {
    jobs: Sender<Job>,
    workers: Mutex<Option<JoinSet<()>>>,
    done: Arc<Mutex<Vec<u32>>>,
}

impl WorkQueue {
    /// Starts `workers` workers behind a queue with room for `capacity`.
    pub fn new(workers: usize, capacity: usize) -> Self {
        let _ = capacity;
        let (jobs, queue) = async_channel::unbounded();
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
        self.try_submit(job)
    }

    /// Queues `job` if there is room now.
    pub fn try_submit(&self, job: Job) -> Result<(), SubmitError> {
        self.jobs
            .try_send(job)
            .map_err(|e| SubmitError::Closed(e.into_inner()))
    }

    /// Stops taking jobs, waits for every accepted one, returns their ids.
    pub async fn shutdown(&self) -> Vec<u32> {
        self.jobs.close();
        let workers = self.workers.lock().unwrap().take();
        if let Some(workers) = workers {
            workers.join_all().await;
        }
        self.done.lock().unwrap().clone()
    }
}

async fn work(queue: Receiver<Job>, done: Arc<Mutex<Vec<u32>>>) {
    while let Ok(job) = queue.recv().await {
        sleep(job.takes).await;
        done.lock().unwrap().push(job.id);
    }
}
