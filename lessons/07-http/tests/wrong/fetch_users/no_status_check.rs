//! Wrong answer: the status is never checked, so a 404 fails only as bad JSON
//! Expect: error_for_status, before reading the body
use futures::future::try_join_all;
use reqwest::Client;

use crate::json::User;

/// Every user at `urls`, fetched concurrently, in the order of `urls`.
pub async fn fetch_users(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<User>> {
    let requests = urls.iter().map(|url| async move {
        client.get(url).send().await?.json::<User>().await
    });
    try_join_all(requests).await
}
