//! Wrong answer: a step too slow for its own limit ends the run, as in the chapter's calls_within_budget
//! Expect: does not stop the run

use std::future::Future;
use std::time::Duration;

use tokio::time::{Instant, timeout_at};

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
    // Fixed once: every step shares what is left of it.
    let budget_ends = Instant::now() + budget;
    let mut outcomes = Vec::with_capacity(steps.len());
    let mut spent = false;
    for future in steps {
        if spent {
            outcomes.push(Step::NotRun); // dropped without being polled
            continue;
        }
        let step_ends = Instant::now() + per_step;
        let deadline = step_ends.min(budget_ends);
        outcomes.push(match timeout_at(deadline, future).await {
            Ok(output) => Step::Done(output),
            Err(_) if budget_ends <= step_ends => {
                spent = true;
                Step::CutByBudget
            }
            // Like calls_within_budget: the first failure ends the run.
            Err(_) => {
                spent = true;
                Step::TooSlow
            }
        });
    }
    outcomes
}
