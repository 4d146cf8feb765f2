//! tokio observed through `tracing`: a span per task, and how long each
//! one was busy (polled) versus idle (waiting).
//!
//! asyncio's debug mode logs any callback that holds the loop for more
//! than 100 ms. A `tracing` span around a task gives the same signal and
//! more: with `FmtSpan::CLOSE`, `tracing-subscriber` prints each span's
//! `time.busy` and `time.idle` when it ends. A task that blocks the thread
//! shows up as busy; a task that awaits shows up as idle.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tracing::{Instrument, info, info_span};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;

// ANCHOR: spans
/// Two tasks, each in its own span: one blocks the thread for `pause`
/// (the mistake debug mode catches), one sleeps for `pause` (fine).
pub async fn blocker_and_sleeper(pause: Duration) {
    let blocker = tokio::spawn(
        async move {
            info!("blocking the thread");
            std::thread::sleep(pause); // wrong in async code: lesson 12
        }
        .instrument(info_span!("task", name = "blocker")),
    );
    let sleeper = tokio::spawn(
        async move {
            info!("awaiting a timer");
            tokio::time::sleep(pause).await;
        }
        .instrument(info_span!("task", name = "sleeper")),
    );
    let (a, b) = tokio::join!(blocker, sleeper);
    a.and(b).expect("no task panics");
}

/// Runs [`blocker_and_sleeper`] on a current-thread runtime with a
/// subscriber that prints every event and each span's busy and idle time
/// when it closes; returns what it printed.
pub fn traced(pause: Duration) -> String {
    let out = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_span_events(FmtSpan::CLOSE)
        .with_writer(out.clone())
        .with_ansi(false)
        .with_timer(()) // no timestamps, but keep the span timings
        .with_target(false)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(blocker_and_sleeper(pause));
    });
    out.text()
}
// ANCHOR_END: spans

/// The `time.busy` (or `time.idle`) of the span whose line contains
/// `name`, from [`traced`]'s output: `("blocker", "busy")`.
pub fn span_time(output: &str, name: &str, which: &str) -> Option<Duration> {
    let line = output
        .lines()
        .find(|l| l.contains(name) && l.contains("close"))?;
    let key = format!("time.{which}=");
    let value = line.split_whitespace().find_map(|w| w.strip_prefix(&key))?;
    parse_duration(value)
}

/// Parses tracing-subscriber's durations: `30.1ms`, `52.3µs`, `1.00s`.
fn parse_duration(text: &str) -> Option<Duration> {
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let seconds = match unit {
        "s" => number,
        "ms" => number / 1e3,
        "µs" | "us" => number / 1e6,
        "ns" => number / 1e9,
        _ => return None,
    };
    Some(Duration::from_secs_f64(seconds))
}

/// A `MakeWriter` that collects the subscriber's output in memory.
#[derive(Debug, Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Self;

    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_in_every_unit() {
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_duration("30ms"), Some(Duration::from_millis(30)));
        assert_eq!(parse_duration("40µs"), Some(Duration::from_micros(40)));
        assert_eq!(parse_duration("7ns"), Some(Duration::from_nanos(7)));
        assert_eq!(parse_duration("7 parsecs"), None);
    }
}
