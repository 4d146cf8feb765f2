//! Wrong answer: each job is awaited inside the loop, not run as its own task
//! Expect: awaited in the loop

use std::time::Duration;

use futures::future::BoxFuture;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;

/// A named piece of work.
pub struct Job {
    pub name: &'static str,
    pub work: BoxFuture<'static, ()>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job").field("name", &self.name).finish()
    }
}

/// What became of the jobs that were started.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// In the order they finished.
    pub finished: Vec<&'static str>,
    /// In any order.
    pub cancelled: Vec<&'static str>,
}

/// Runs jobs until `stop`, then drains them within `grace`.
pub async fn run_jobs(
    mut jobs: mpsc::Receiver<Job>,
    stop: CancellationToken,
    grace: Duration,
) -> Report {
    // A JoinSet rather than a TaskTracker: we want each task's result
    // (its name) as it finishes, and a way to abort the rest.
    let mut running = JoinSet::new();
    let mut started = Vec::new();
    let mut report = Report::default();

    loop {
        tokio::select! {
            biased; // stopping wins a tie, as in the Python
            () = stop.cancelled() => break,
            Some(done) = running.join_next() => {
                report.finished.push(done.expect("a job panicked"));
            }
            job = jobs.recv() => match job {
                Some(Job { name, work }) => {
                    // Run it here: the loop takes the next job after it.
                    started.push(name);
                    work.await;
                    report.finished.push(name);
                }
                None => break, // every sender is gone: nothing more to do
            },
        }
    }

    // The grace period: collect what finishes in time.
    let _ = timeout(grace, async {
        while let Some(done) = running.join_next().await {
            report.finished.push(done.expect("a job panicked"));
        }
    })
    .await;

    // Abort what is left, and wait until it is gone: whatever started and
    // did not finish was cancelled.
    running.shutdown().await;
    report.cancelled = started
        .into_iter()
        .filter(|name| !report.finished.contains(name))
        .collect();
    report
}
