//! Wrong answer: each step is limited by per_step only; the budget is only checked between steps
//! Expect: the budget is the tighter limit

use std::future::Future;
use std::time::Duration;

use tokio::time::{Instant, timeout};

/// What became of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<T> {
    /// It finished in time, with this output.
    Done(T),
    /// Its own `per_step` limit cut it; the next step ran.
    TooSlow,
    /// The request's budget cut it; no later step ran.
    CutByBudget,
    /// The budget was spent before its turn.
    NotRun,
}

/// One `Step` per step, in order.
pub async fn within_budget<T, F>(
    budget: Duration,
    per_step: Duration,
    steps: Vec<F>,
) -> Vec<Step<T>>
where
    F: Future<Output = T>,
{
    let start = Instant::now();
    let mut outcomes = Vec::with_capacity(steps.len());
    for future in steps {
        if start.elapsed() >= budget {
            outcomes.push(Step::NotRun);
            continue;
        }
        outcomes.push(match timeout(per_step, future).await {
            Ok(output) => Step::Done(output),
            Err(_) => Step::TooSlow,
        });
    }
    outcomes
}
