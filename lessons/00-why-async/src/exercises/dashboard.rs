//! Exercise 00-dashboard (challenge): wait only for what you must.
//!
//! A dashboard page needs four things from `crate::services`:
//!
//! | call                     | takes  | needs        |
//! |--------------------------|--------|--------------|
//! | `fetch_user(name)`       | 100 ms | nothing      |
//! | `fetch_orders(user.id)`  | 200 ms | the user     |
//! | `fetch_profile(user.id)` | 300 ms | the user     |
//! | `fetch_settings()`       | 350 ms | nothing      |
//!
//! One after another that is 950 ms. Write `load_dashboard` so it takes
//! exactly as long as the longest chain of calls that *must* wait for each
//! other (the critical path). Work out that number first; the tests know it.
//!
//! Check it: `cargo run -p course -- check 00-dashboard`

use crate::services::{
    Dashboard, fetch_orders, fetch_profile, fetch_settings, fetch_user,
};

/// Loads everything the dashboard of user `name` shows, as fast as the
/// dependencies between the calls allow.
pub async fn load_dashboard(name: &str) -> Dashboard {
    todo!()
}
