//! Reference solution for 13-budget.

use std::future::Future;
use std::time::Duration;

use tokio::time::{Instant, timeout_at};

/// Why the steps stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The step hit its own `per_step` limit.
    StepTooSlow,
    /// The request's budget ran out first.
    BudgetSpent,
}

/// Which step (0-based) did not finish, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped {
    pub step: usize,
    pub cause: Cause,
}

/// Every step's output in order, or where and why they stopped.
pub async fn within_budget<T, F>(
    budget: Duration,
    per_step: Duration,
    steps: Vec<F>,
) -> Result<Vec<T>, Stopped>
where
    F: Future<Output = T>,
{
    let budget_ends = Instant::now() + budget;
    let mut outputs = Vec::with_capacity(steps.len());
    for (step, future) in steps.into_iter().enumerate() {
        let step_ends = Instant::now() + per_step;
        let (deadline, cause) = if budget_ends <= step_ends {
            (budget_ends, Cause::BudgetSpent)
        } else {
            (step_ends, Cause::StepTooSlow)
        };
        match timeout_at(deadline, future).await {
            Ok(output) => outputs.push(output),
            Err(_) => return Err(Stopped { step, cause }),
        }
    }
    Ok(outputs)
}
