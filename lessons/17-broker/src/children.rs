//! Worker processes: the lesson's own binary run as `worker`, its events
//! read line by line from its standard output.

use std::path::Path;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use anyhow::Context as _;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::queue::Names;
use crate::worker::{AckWhen, Event, Plan};

/// A running worker process.
#[derive(Debug)]
pub struct WorkerProcess {
    child: Child,
    events: mpsc::UnboundedReceiver<(Instant, Event)>,
    /// Every event so far, with when this process read it.
    pub seen: Vec<(Instant, Event)>,
}

// ANCHOR: spawn
impl WorkerProcess {
    /// Starts `exe worker ...` and waits until it says it is ready.
    pub async fn spawn(
        exe: &Path,
        url: &str,
        names: &Names,
        plan: &Plan,
    ) -> anyhow::Result<WorkerProcess> {
        let ack = match plan.ack {
            AckWhen::After => "after",
            AckWhen::Before => "before",
        };
        let mut child = Command::new(exe)
            .arg("worker")
            .args(["--url", url, "--stream", &names.stream])
            .args(["--consumer", &names.consumer, "--name", &plan.name])
            .args(["--work-ms", &plan.work.as_millis().to_string()])
            .args(["--capacity", &plan.capacity.to_string(), "--ack", ack])
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {}", exe.display()))?;
        // ANCHOR_END: spawn
        let stdout = child.stdout.take().context("no stdout")?;
        let (tx, events) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut lines = BufReader::new(stdout).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(event) = Event::parse(&line) {
                    let _ = tx.send((Instant::now(), event));
                }
            }
        });
        let mut worker = WorkerProcess {
            child,
            events,
            seen: Vec::new(),
        };
        worker
            .wait_for(Duration::from_secs(10), |e| *e == Event::Ready)
            .await
            .context("the worker did not get ready")?;
        Ok(worker)
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id().unwrap_or(0)
    }

    /// Reads events until one matches, or `limit` passes (an error).
    pub async fn wait_for(
        &mut self,
        limit: Duration,
        wanted: impl Fn(&Event) -> bool,
    ) -> anyhow::Result<(Instant, Event)> {
        let deadline = Instant::now() + limit;
        loop {
            let next =
                tokio::time::timeout_at(deadline, self.events.recv()).await;
            match next {
                Ok(Some(seen)) => {
                    self.seen.push(seen);
                    if wanted(&seen.1) {
                        return Ok(seen);
                    }
                }
                Ok(None) => anyhow::bail!("the worker's output ended"),
                Err(_) => anyhow::bail!("no such event within {limit:?}"),
            }
        }
    }

    /// Counts the `Got` events read so far.
    pub fn got(&self) -> usize {
        self.seen
            .iter()
            .filter(|(_, e)| matches!(e, Event::Got { .. }))
            .count()
    }

    /// Sends a signal by name (`TERM`, `KILL`) with the system's `kill`.
    pub async fn signal(&self, name: &str) -> anyhow::Result<()> {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .await?;
        anyhow::ensure!(status.success(), "kill -{name} failed");
        Ok(())
    }

    /// SIGKILL: the worker dies at once, holding what it holds.
    pub async fn crash(mut self) -> anyhow::Result<()> {
        self.signal("KILL").await?;
        self.child.wait().await?;
        Ok(())
    }

    /// Reads the remaining events and waits for the exit (at most `limit`).
    pub async fn finish(
        &mut self,
        limit: Duration,
    ) -> anyhow::Result<ExitStatus> {
        let deadline = Instant::now() + limit;
        while let Ok(Some(seen)) =
            tokio::time::timeout_at(deadline, self.events.recv()).await
        {
            self.seen.push(seen);
        }
        let status = tokio::time::timeout_at(deadline, self.child.wait()).await;
        Ok(status.context("the worker did not exit in time")??)
    }

    /// The worker's totals, once it has finished.
    pub fn summary(&self) -> Option<crate::worker::Summary> {
        self.seen.iter().find_map(|(_, e)| match e {
            Event::Finished(s) => Some(*s),
            _ => None,
        })
    }

    /// SIGTERM, then wait for the exit; the totals.
    pub async fn stop(
        mut self,
        limit: Duration,
    ) -> anyhow::Result<crate::worker::Summary> {
        self.signal("TERM").await?;
        let status = self.finish(limit).await?;
        anyhow::ensure!(status.success(), "the worker exited with {status}");
        self.summary().context("the worker printed no totals")
    }
}
