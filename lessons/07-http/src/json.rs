//! GET as text and as JSON into a struct; POST a struct as JSON.
//!
//! `serde` does what `await resp.json()` plus dictionary lookups do in
//! Python, but checked: the body is parsed straight into a typed struct, and
//! a missing or mistyped field is an error at that line, not a `KeyError`
//! three functions later.

use reqwest::Client;
use serde::{Deserialize, Serialize};

// ANCHOR: user
/// What `GET /users/{name}` answers. Fields the server sends but the struct
/// does not name are ignored; a field the struct names but the server
/// leaves out is a decode error.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct User {
    pub name: String,
    pub id: u32,
    pub greeting: String,
}
// ANCHOR_END: user

// ANCHOR: get_json
/// `GET {base}/users/{name}` as a [`User`]; a 4xx or 5xx is an error.
pub async fn get_user(
    client: &Client,
    base: &str,
    name: &str,
) -> reqwest::Result<User> {
    client
        .get(format!("{base}/users/{name}"))
        .send()
        .await? // the status line and headers have arrived
        .error_for_status()? // Python's raise_for_status()
        .json::<User>()
        .await // the body, read to the end and parsed
}
// ANCHOR_END: get_json

// ANCHOR: get_text
/// The body as text, whatever the status.
pub async fn get_text(client: &Client, url: &str) -> reqwest::Result<String> {
    client.get(url).send().await?.text().await
}
// ANCHOR_END: get_text

// ANCHOR: post_json
/// An order to send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub item: String,
    pub quantity: u32,
}

/// `POST /post` echoes the JSON it gets as `{"json": ...}`.
#[derive(Debug, Deserialize)]
struct Echo<T> {
    json: T,
}

/// POSTs `order` as JSON and returns what the server saw.
pub async fn post_order(
    client: &Client,
    base: &str,
    order: &Order,
) -> reqwest::Result<Order> {
    let echo: Echo<Order> = client
        .post(format!("{base}/post"))
        .json(order) // serialises, and sets Content-Type: application/json
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(echo.json)
}
// ANCHOR_END: post_json
