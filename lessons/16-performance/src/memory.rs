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
    /// CPU seconds the whole probe used (all threads).
    pub cpu_secs: f64,
}

// ANCHOR: idle_tasks
/// Spawns `n` tasks that each sleep `duration`, reads the resident memory
/// while they all sleep, then waits for all of them. Run it inside a
/// multi-thread runtime.
pub async fn idle_tasks(n: usize, duration: Duration) -> TaskProbe {
    // Room for the handles, touched now so it is in the "before" figure.
    let mut handles: Vec<Option<JoinHandle<()>>> =
        (0..n).map(|_| None).collect();
    let before = resident_bytes();
    let cpu_before = cpu_secs();
    let start = Instant::now();
    for slot in &mut handles {
        *slot = Some(tokio::spawn(sleeper(duration)));
    }
    let after = resident_bytes();
    for handle in handles.into_iter().flatten() {
        handle.await.expect("a sleeper does not panic");
    }
    TaskProbe {
        tasks: n,
        bytes_per_task: after.saturating_sub(before) as f64 / n as f64,
        wall_secs: start.elapsed().as_secs_f64(),
        cpu_secs: cpu_secs() - cpu_before,
    }
}
// ANCHOR_END: idle_tasks

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
