//! Reference solution for 13-graceful.

use std::collections::HashMap;
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
    // (its name) as it finishes, and dropping the set aborts the rest.
    let mut running = JoinSet::new();
    let mut names = HashMap::new();
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
                    let id = running.spawn(async move {
                        work.await;
                        name
                    }).id();
                    names.insert(id, name);
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

    // The rest are aborted; their names come back with their ids.
    running.abort_all();
    while let Some(ended) = running.join_next_with_id().await {
        match ended {
            // It finished just before the abort reached it.
            Ok((_, name)) => report.finished.push(name),
            Err(error) => report.cancelled.push(names[&error.id()]),
        }
    }
    report
}
