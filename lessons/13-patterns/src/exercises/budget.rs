//! Exercise 13-budget (warm-up).
//!
//! Run `steps` one after another under one request budget, each step also
//! limited on its own. Unlike the chapter's `calls_within_budget`, a step
//! that is merely too slow does not end the run: it is skipped, and the
//! next step runs. Only the budget ends it. The Python it replaces:
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
//!                 results.append(("done", await step))
//!         except TimeoutError:
//!             if left <= per_step:            # the budget ran out
//!                 results.append(("cut by budget", None))
//!                 results += [("not run", None)] * (len(steps) - i - 1)
//!                 return results
//!             results.append(("too slow", None))
//!     return results
//! ```
//!
//! Every step gets the *tighter* of two limits: `per_step` from its own
//! start, or what is left of `budget` from the call's start. One `Step`
//! per input step, in order: `Done(output)`; `TooSlow` when its own limit
//! cut it (the run goes on); `CutByBudget` when the budget cut it (the
//! budget was the tighter limit, or equal), after which every later step is
//! `NotRun`, never started.
//!
//! The tests (in `lessons/13-patterns/tests/exercises.rs`, paused clock):
//! budget 1 s, 400 ms per step: steps of 300, 300, 300 ms are all done at
//! 900 ms; steps of 300, 500, 100 ms are done, too slow, done at 800 ms;
//! four steps of 300 ms end with step 3 cut by the budget at exactly 1 s
//! (a fresh 400 ms for step 3 would have run to 1.3 s).
//!
//! Check it: `cargo run -p course -- check 13-budget`

use std::future::Future;
use std::time::Duration;

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
    todo!()
}
