//! Exercise 13-budget (core).
//!
//! Run `steps` one after another under one request budget, each step also
//! limited on its own. The Python it replaces:
//!
//! ```python
//! async def within_budget(budget, per_step, steps):
//!     loop = asyncio.get_running_loop()
//!     deadline = loop.time() + budget
//!     results = []
//!     for i, step in enumerate(steps):
//!         left = deadline - loop.time()
//!         try:
//!             async with asyncio.timeout(min(per_step, left)):
//!                 results.append(await step)
//!         except TimeoutError:
//!             reason = "budget" if left <= per_step else "step"
//!             raise Stopped(i, reason)
//!     return results
//! ```
//!
//! Every step gets the *tighter* of two limits: `per_step` from its own
//! start, or what is left of `budget` from the call's start. When a step
//! does not finish in time, stop (later steps never run) and return
//! `Stopped { step, cause }`: `Cause::BudgetSpent` when the budget was the
//! tighter limit (or equal), `Cause::StepTooSlow` when `per_step` was.
//!
//! The tests (in `lessons/13-patterns/tests/exercises.rs`, paused clock):
//! budget 1 s, 400 ms per step: steps of 300, 300, 300 ms give all three
//! results at 900 ms; steps of 300, 500 ms stop at step 1, too slow, at
//! 700 ms; four steps of 300 ms stop at step 3, budget spent, at exactly
//! 1 s (a fresh 400 ms for step 3 would have run to 1.3 s).
//!
//! Check it: `cargo run -p course -- check 13-budget`

use std::future::Future;
use std::time::Duration;

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
    todo!()
}
