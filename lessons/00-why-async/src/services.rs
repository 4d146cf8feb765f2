//! Simulated back-end services for exercise `00-dashboard`.
//!
//! A dashboard page needs a user, then that user's orders and profile, plus
//! site settings that depend on nobody. Each call is a timer on tokio's
//! clock, so the exercise tests can check the total exactly.

use std::time::Duration;

use tokio::time::sleep;

/// A user, as the user service returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The user's id: needed for the orders and the profile.
    pub id: u32,
    /// The name that was looked up.
    pub name: String,
}

/// Everything the dashboard page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// From [`fetch_user`].
    pub user: User,
    /// From [`fetch_orders`].
    pub orders: Vec<u32>,
    /// From [`fetch_profile`].
    pub profile: String,
    /// From [`fetch_settings`].
    pub settings: String,
}

/// Looks a user up by name: 100 ms.
pub async fn fetch_user(name: &str) -> User {
    sleep(Duration::from_millis(100)).await;
    let id = name.bytes().map(u32::from).sum();
    User {
        id,
        name: name.to_string(),
    }
}

/// The user's orders: 200 ms. Needs the user's id.
pub async fn fetch_orders(user_id: u32) -> Vec<u32> {
    sleep(Duration::from_millis(200)).await;
    vec![user_id * 10 + 1, user_id * 10 + 2]
}

/// The user's profile: 300 ms. Needs the user's id.
pub async fn fetch_profile(user_id: u32) -> String {
    sleep(Duration::from_millis(300)).await;
    format!("profile of user {user_id}")
}

/// Site-wide settings: 350 ms. Needs nothing.
pub async fn fetch_settings() -> String {
    sleep(Duration::from_millis(350)).await;
    "theme=dark".to_string()
}
