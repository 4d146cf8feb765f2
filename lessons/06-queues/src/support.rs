//! What the exercises are given: a job for the work queue, and its errors.

use std::fmt;
use std::time::Duration;

/// A job for exercise 06-work-queue: handling it takes `takes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    /// Its id, reported when it is done.
    pub id: u32,
    /// How long a worker takes to handle it.
    pub takes: Duration,
}

/// Why a job was not accepted; the job comes back with the error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmitError {
    /// The queue is full (only `try_submit` says this; `submit` waits).
    Full(Job),
    /// The queue is shutting down or shut down.
    Closed(Job),
}

impl fmt::Display for SubmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Full(job) => write!(f, "job {} refused: queue full", job.id),
            Self::Closed(job) => write!(f, "job {} refused: shut down", job.id),
        }
    }
}

impl std::error::Error for SubmitError {}
