//! Wrong answer: each request builds a client of its own, not the one given
//! Expect: use the client you are given
use futures::future::try_join_all;
use reqwest::Client;

use crate::json::User;

/// Every user at `urls`, fetched concurrently, in the order of `urls`.
pub async fn fetch_users(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<User>> {
    let requests = urls.iter().map(|url| async move {
        let response = reqwest::get(url).await?.error_for_status()?;
        response.json::<User>().await
    });
    try_join_all(requests).await
}
