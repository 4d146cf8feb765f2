//! Workload 2: what an idle task and an idle thread cost in memory, and
//! how long a million sleeping tasks take.
//!
//! Resident memory (what the process really uses, `VmRSS` in
//! `/proc/self/status`) is read before and after creating the idle things;
//! the difference divided by their number is the cost of one. The program
//! runs each probe in a fresh child process, so nothing measured earlier
//! is still in the figure.

use std::sync::{Arc, Barrier};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_util::task::TaskTracker;

// ANCHOR: peak
/// A field of `/proc/self/status` in bytes (`VmRSS`, `VmSize`, ...), or 0
/// where there is no such file (not Linux).
pub fn proc_status_bytes(field: &str) -> u64 {
    let status =
        std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .map_or(0, |kib: u64| kib * 1024)
}

/// The most resident memory this process has held at any moment so far:
/// the kernel's high-water mark, `VmHWM`.
pub fn peak_resident_bytes() -> u64 {
    proc_status_bytes("VmHWM")
}
// ANCHOR_END: peak

/// CPU seconds this process has used so far, user and system, from
/// `/proc/self/stat` (in ticks of 1/100 s, the usual `CLK_TCK`). Beside the
/// wall time it tells waiting for a core from working.
pub fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok());
    // utime and stime are fields 14 and 15: 11 and 12 after the name.
    ticks(11).unwrap_or(0.0) / 100.0 + ticks(12).unwrap_or(0.0) / 100.0
}

/// Resident bytes of this process now.
pub fn resident_bytes() -> u64 {
    proc_status_bytes("VmRSS")
}

// ANCHOR: sleeper
/// The idle task of the benchmark: it sleeps, then ends. Its whole state
/// is the `Sleep` timer inside, which is what a task costs beyond tokio's
/// own bookkeeping.
pub async fn sleeper(duration: Duration) {
    tokio::time::sleep(duration).await;
}
// ANCHOR_END: sleeper

/// What the task probe found.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct TaskProbe {
    pub tasks: usize,
    pub bytes_per_task: f64,
    pub wall_secs: f64,
    /// From the start until the last task was spawned.
    #[serde(default)]
    pub spawn_secs: f64,
    /// CPU seconds the whole probe used (all threads).
    pub cpu_secs: f64,
}

/// How the task probe spawns and waits: each way is the one before it
/// with one change, so a table of them shows where the time over the
/// ideal (one sleep) goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Spawning {
    /// `block_on` on the main thread spawns, keeps every `JoinHandle`
    /// and awaits each in turn. The main thread is not a worker: every
    /// spawn goes through the runtime's shared queue and wakes a worker.
    FromOutside,
    /// The same loop in a task on a worker: spawns go to its own queue.
    FromAWorker,
    /// And one `TaskTracker` instead of a million handles to await.
    Tracked,
    /// But each `Sleep` made by the spawning loop, so its deadline is
    /// fixed at spawn, not when a worker first polls the task.
    ArmedAtSpawn,
}

impl Spawning {
    /// The argument that asks the probe for this way.
    pub fn arg(self) -> &'static str {
        match self {
            Spawning::FromOutside => "from-outside",
            Spawning::FromAWorker => "from-a-worker",
            Spawning::Tracked => "tracked",
            Spawning::ArmedAtSpawn => "armed-at-spawn",
        }
    }

    pub const ALL: [Spawning; 4] = [
        Spawning::FromOutside,
        Spawning::FromAWorker,
        Spawning::Tracked,
        Spawning::ArmedAtSpawn,
    ];

    /// What the way is, in the words of the chapter's table.
    pub fn describe(self) -> &'static str {
        match self {
            Spawning::FromOutside => "spawned from block_on, handles awaited",
            Spawning::FromAWorker => "spawned from a task on a worker",
            Spawning::Tracked => "... and a TaskTracker, no handles",
            Spawning::ArmedAtSpawn => "... but each Sleep made at spawn",
        }
    }
}

/// Runs the task probe on a fresh multi-thread runtime, the `way` given.
pub fn task_probe(
    n: usize,
    duration: Duration,
    way: Spawning,
) -> std::io::Result<TaskProbe> {
    let runtime = tokio::runtime::Runtime::new()?;
    Ok(match way {
        Spawning::FromOutside => {
            runtime.block_on(idle_tasks_joined(n, duration))
        }
        Spawning::FromAWorker => runtime
            .block_on(runtime.spawn(idle_tasks_joined(n, duration)))
            .expect("the probe does not panic"),
        Spawning::Tracked => runtime
            .block_on(runtime.spawn(idle_tasks(n, duration)))
            .expect("the probe does not panic"),
        Spawning::ArmedAtSpawn => runtime
            .block_on(runtime.spawn(idle_tasks_armed(n, duration)))
            .expect("the probe does not panic"),
    })
}

/// The probe's clock and memory readings, from before the first spawn.
struct Meter {
    before: u64,
    cpu_before: f64,
    start: Instant,
    spawn_secs: f64,
    after: u64,
}

impl Meter {
    fn start() -> Meter {
        Meter {
            before: resident_bytes(),
            cpu_before: cpu_secs(),
            start: Instant::now(),
            spawn_secs: 0.0,
            after: 0,
        }
    }

    /// Every task is spawned: note the time and the memory they hold.
    fn spawned(&mut self) {
        self.spawn_secs = self.start.elapsed().as_secs_f64();
        self.after = resident_bytes();
    }

    /// Every task is done.
    fn done(self, n: usize) -> TaskProbe {
        TaskProbe {
            tasks: n,
            bytes_per_task: self.after.saturating_sub(self.before) as f64
                / n as f64,
            wall_secs: self.start.elapsed().as_secs_f64(),
            spawn_secs: self.spawn_secs,
            cpu_secs: cpu_secs() - self.cpu_before,
        }
    }
}

// ANCHOR: idle_tasks
/// Spawns `n` tasks that each sleep `duration`, reads the resident memory
/// while they all sleep, then waits for all of them. Run it inside a
/// multi-thread runtime (the probe spawns it as a task of its own).
pub async fn idle_tasks(n: usize, duration: Duration) -> TaskProbe {
    // No handles to keep: the tracker counts the tasks still running.
    let tracker = TaskTracker::new();
    let mut meter = Meter::start();
    for _ in 0..n {
        tracker.spawn(sleeper(duration));
    }
    meter.spawned();
    tracker.close(); // no more tasks: `wait` ends when the last one does
    tracker.wait().await;
    meter.done(n)
}
// ANCHOR_END: idle_tasks

/// As [`idle_tasks`], but the spawning loop makes each `Sleep`, so its
/// deadline is fixed at spawn rather than at the task's first poll.
pub async fn idle_tasks_armed(n: usize, duration: Duration) -> TaskProbe {
    let tracker = TaskTracker::new();
    let mut meter = Meter::start();
    for _ in 0..n {
        tracker.spawn(tokio::time::sleep(duration));
    }
    meter.spawned();
    tracker.close();
    tracker.wait().await;
    meter.done(n)
}

/// The first version: keeps every `JoinHandle` and awaits each in turn.
pub async fn idle_tasks_joined(n: usize, duration: Duration) -> TaskProbe {
    // Room for the handles, touched now so it is in the "before" figure.
    let mut handles: Vec<Option<JoinHandle<()>>> =
        (0..n).map(|_| None).collect();
    let mut meter = Meter::start();
    for slot in &mut handles {
        *slot = Some(tokio::spawn(sleeper(duration)));
    }
    meter.spawned();
    for handle in handles.into_iter().flatten() {
        handle.await.expect("a sleeper does not panic");
    }
    meter.done(n)
}

/// What the thread probe found.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct ThreadProbe {
    pub threads: usize,
    pub resident_per_thread: f64,
    pub reserved_per_thread: f64,
}

// ANCHOR: idle_threads
/// Starts `n` OS threads that wait on a barrier, reads resident and
/// reserved (virtual) memory while they all wait, then lets them go.
pub fn idle_threads(n: usize) -> std::io::Result<ThreadProbe> {
    let started = Arc::new(Barrier::new(n + 1));
    let release = Arc::new(Barrier::new(n + 1));
    let (rss0, vm0) = (resident_bytes(), proc_status_bytes("VmSize"));
    let mut threads = Vec::with_capacity(n);
    for _ in 0..n {
        let (started, release) = (started.clone(), release.clone());
        threads.push(std::thread::Builder::new().spawn(move || {
            started.wait();
            release.wait();
        })?);
    }
    started.wait(); // every thread exists and is parked
    let (rss1, vm1) = (resident_bytes(), proc_status_bytes("VmSize"));
    release.wait();
    for thread in threads {
        thread.join().expect("an idle thread does not panic");
    }
    let per = |a: u64, b: u64| b.saturating_sub(a) as f64 / n as f64;
    Ok(ThreadProbe {
        threads: n,
        resident_per_thread: per(rss0, rss1),
        reserved_per_thread: per(vm0, vm1),
    })
}
// ANCHOR_END: idle_threads
