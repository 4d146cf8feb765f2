//! Reference solution for 07-fetch-users.

use futures::future::try_join_all;
use reqwest::Client;

use crate::json::User;

/// Every user at `urls`, fetched concurrently, in the order of `urls`.
pub async fn fetch_users(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<User>> {
    let requests = urls.iter().map(|url| async move {
        // The shared client: every request uses its pool.
        let response = client.get(url).send().await?.error_for_status()?;
        response.json::<User>().await
    });
    // Input order; the first error drops (cancels) the others.
    try_join_all(requests).await
}
