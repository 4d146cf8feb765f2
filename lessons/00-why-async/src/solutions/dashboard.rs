//! Reference solution for 00-dashboard.

use crate::services::{
    Dashboard, fetch_orders, fetch_profile, fetch_settings, fetch_user,
};

/// Loads everything the dashboard of user `name` shows, as fast as the
/// dependencies between the calls allow.
pub async fn load_dashboard(name: &str) -> Dashboard {
    // The chain that needs the user: 100 ms, then max(200, 300) ms = 400 ms.
    let user_part = async {
        let user = fetch_user(name).await;
        let (orders, profile) =
            tokio::join!(fetch_orders(user.id), fetch_profile(user.id));
        (user, orders, profile)
    };
    // Settings (350 ms) need nobody: run them alongside the whole chain.
    let ((user, orders, profile), settings) =
        tokio::join!(user_part, fetch_settings());
    Dashboard {
        user,
        orders,
        profile,
        settings,
    }
}
