//! Wrong answer: runs the settings alongside, but awaits orders and then profile in turn
//! Expect: orders and profile ran one after another

use crate::services::{
    Dashboard, fetch_orders, fetch_profile, fetch_settings, fetch_user,
};

/// Loads everything the dashboard of user `name` shows, as fast as the
/// dependencies between the calls allow.
pub async fn load_dashboard(name: &str) -> Dashboard {
    let user_part = async {
        let user = fetch_user(name).await;
        let orders = fetch_orders(user.id).await;
        let profile = fetch_profile(user.id).await;
        (user, orders, profile)
    };
    let ((user, orders, profile), settings) =
        tokio::join!(user_part, fetch_settings());
    Dashboard {
        user,
        orders,
        profile,
        settings,
    }
}
