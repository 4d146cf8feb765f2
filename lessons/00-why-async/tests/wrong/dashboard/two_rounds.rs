//! Wrong answer: joins the two independent calls first, then the two that need the user
//! Expect: waited for the settings

use crate::services::{
    Dashboard, fetch_orders, fetch_profile, fetch_settings, fetch_user,
};

/// Loads everything the dashboard of user `name` shows, as fast as the
/// dependencies between the calls allow.
pub async fn load_dashboard(name: &str) -> Dashboard {
    let (user, settings) = tokio::join!(fetch_user(name), fetch_settings());
    let (orders, profile) =
        tokio::join!(fetch_orders(user.id), fetch_profile(user.id));
    Dashboard {
        user,
        orders,
        profile,
        settings,
    }
}
