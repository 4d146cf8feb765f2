//! What becomes of a connection when an answer's body is dropped unread.
//!
//! `send().await` returns once the status line and headers are in; the
//! body may still be on its way. Over HTTP/1.1 the connection can carry
//! the next request only after this body has been read off it, so hyper
//! (under reqwest) gives the connection back to the pool only when the
//! whole body has been received. Drop a response whose body has not all
//! arrived and the connection is closed; the next request opens a new one.
//!
//! A small error body (a 503's few bytes of JSON) usually arrives in the
//! same packet as the headers, and hyper has read it already: the
//! connection survives the drop. A large body does not, and it is closed.
//! Reading the body to its end (`bytes().await`) keeps the connection in
//! every case, without depending on how the bytes happened to arrive.

use reqwest::Client;

/// What to do with each answer's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Drop the response as soon as the headers are in.
    DropUnread,
    /// Read the body to its end first.
    ReadToEnd,
}

// ANCHOR: drop_or_read
/// GETs `url` `times` times, one after another, with one client, and does
/// `body` with each answer's body. The server counts the connections.
pub async fn get_in_turn(
    client: &Client,
    url: &str,
    times: usize,
    body: Body,
) -> reqwest::Result<()> {
    for _ in 0..times {
        let response = client.get(url).send().await?;
        match body {
            Body::DropUnread => drop(response),
            Body::ReadToEnd => {
                response.bytes().await?;
            }
        }
    }
    Ok(())
}
// ANCHOR_END: drop_or_read
