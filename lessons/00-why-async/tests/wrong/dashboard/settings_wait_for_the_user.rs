//! Wrong answer: fetches the user first, then everything else together, settings included
//! Expect: the settings waited for the user

use crate::services::{
    Dashboard, fetch_orders, fetch_profile, fetch_settings, fetch_user,
};

/// Loads everything the dashboard of user `name` shows, as fast as the
/// dependencies between the calls allow.
pub async fn load_dashboard(name: &str) -> Dashboard {
    let user = fetch_user(name).await;
    let (orders, profile, settings) = tokio::join!(
        fetch_orders(user.id),
        fetch_profile(user.id),
        fetch_settings()
    );
    Dashboard {
        user,
        orders,
        profile,
        settings,
    }
}
