//! Timeouts at every layer, and how deadlines nest.
//!
//! A request has a budget (say 1 s, the client's patience); each call it
//! makes has its own limit (say 400 ms, "this service is never slower").
//! Giving each call a fresh 400 ms can overrun the budget: three slow calls
//! would take 1.2 s. The fix is to carry the request's *deadline*, an
//! instant, down the layers, and give each call whichever comes first: its
//! own limit or what is left of the budget.

use std::fmt;
use std::time::Duration;

use kit::Timeline;
use kit::sim::fetch;
use kit::timing::fmt_duration;
use tokio::time::{Instant, timeout_at};

/// What became of one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    /// It hit its own per-call limit.
    CallTimedOut,
    /// The request's budget ran out first.
    BudgetSpent,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Done(text) => write!(f, "{text}"),
            Outcome::CallTimedOut => write!(f, "timed out (its own limit)"),
            Outcome::BudgetSpent => write!(f, "cut off (request budget)"),
        }
    }
}

// ANCHOR: nested
/// Makes `calls` one after another within `budget`, each also limited to
/// `per_call`. Stops at the first call that does not finish. Each call is
/// a row on `timeline`, named with the limit it got.
pub async fn calls_within_budget(
    budget: Duration,
    per_call: Duration,
    calls: &[(&'static str, Duration)],
    timeline: &Timeline,
) -> Vec<Outcome> {
    let request =
        timeline.start(format!("request, budget {}", fmt_duration(budget)));
    let request_deadline = Instant::now() + budget;
    let mut outcomes = Vec::new();
    for &(name, delay) in calls {
        let now = Instant::now();
        // The tighter of the two deadlines wins.
        let deadline = (now + per_call).min(request_deadline);
        let limit = fmt_duration(deadline - now);
        let call = timeline
            .track(format!("{name}, limit {limit}"), fetch(name, delay));
        let outcome = match timeout_at(deadline, call).await {
            Ok(text) => Outcome::Done(text),
            Err(_) if deadline == request_deadline => Outcome::BudgetSpent,
            Err(_) => Outcome::CallTimedOut,
        };
        let stop = !matches!(outcome, Outcome::Done(_));
        outcomes.push(outcome);
        if stop {
            break;
        }
    }
    request.end();
    outcomes
}
// ANCHOR_END: nested
