//! Wrong answer: the requests are awaited one after another in a loop
//! Expect: the most requests in flight at once was 1
use reqwest::Client;

use crate::json::User;

/// Every user at `urls`, fetched concurrently, in the order of `urls`.
pub async fn fetch_users(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<User>> {
    let mut users = Vec::new();
    for url in urls {
        let response = client.get(url).send().await?.error_for_status()?;
        users.push(response.json::<User>().await?);
    }
    Ok(users)
}
