//! Wrong answer: every call awaits the one before it
//! Expect: every call waited for the one before it

use crate::services::{
    Dashboard, fetch_orders, fetch_profile, fetch_settings, fetch_user,
};

/// Loads everything the dashboard of user `name` shows, as fast as the
/// dependencies between the calls allow.
pub async fn load_dashboard(name: &str) -> Dashboard {
    let user = fetch_user(name).await;
    let orders = fetch_orders(user.id).await;
    let profile = fetch_profile(user.id).await;
    let settings = fetch_settings().await;
    Dashboard {
        user,
        orders,
        profile,
        settings,
    }
}
