//! An async collaborator behind a trait, and the code that uses it.
//!
//! Python hands the code under test an `AsyncMock()` in place of the real
//! client: every attribute is an awaitable that records its calls. In Rust
//! the code is written against a trait, and `#[mockall::automock]` writes
//! `MockUserClient`, a type that implements it and checks expectations set
//! by the test: what each call returns (`returning`), how often it may
//! happen (`times`), with which arguments (`with`), and in what order
//! (`in_sequence`).
//!
//! The methods are declared as `fn … -> impl Future<Output = …> + Send`
//! rather than `async fn`: the `+ Send` lets the axum service hold any
//! implementation, and mockall then lets an expectation return any future
//! — a ready one, or one that sleeps to act as a slow server.

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use mockall::automock;
use serde::{Deserialize, Serialize};

/// A user, as the user API returns it (and as a database row).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow,
)]
pub struct User {
    pub id: u32,
    pub name: String,
    pub email: String,
    pub active: bool,
}

impl User {
    /// A user for tests and demos: `{name}@example.org`.
    pub fn new(id: u32, name: &str, active: bool) -> User {
        User {
            id,
            name: name.to_owned(),
            email: format!("{}@example.org", name.to_lowercase()),
            active,
        }
    }
}

/// What can go wrong talking to the user API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    NotFound(u32),
    Unavailable,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::NotFound(id) => write!(f, "no user {id}"),
            ApiError::Unavailable => write!(f, "the user API is unavailable"),
        }
    }
}

impl std::error::Error for ApiError {}

// ANCHOR: trait
/// The user API: look a user up, send someone a mail.
#[automock]
pub trait UserClient {
    fn get_user(
        &self,
        id: u32,
    ) -> impl Future<Output = Result<User, ApiError>> + Send;

    fn send(
        &self,
        email: &str,
        message: &str,
    ) -> impl Future<Output = Result<(), ApiError>> + Send;
}
// ANCHOR_END: trait

// ANCHOR: notify_all
/// Mails `message` to every *active* user among `ids`, one after another;
/// returns how many mails were sent.
pub async fn notify_all<C: UserClient>(
    client: &C,
    ids: &[u32],
    message: &str,
) -> Result<usize, ApiError> {
    let mut sent = 0;
    for &id in ids {
        let user = client.get_user(id).await?;
        if user.active {
            client.send(&user.email, message).await?;
            sent += 1;
        }
    }
    Ok(sent)
}
// ANCHOR_END: notify_all

/// What the challenge 15-port-asyncmock's `check` is given: something that
/// notifies users. [`Notifier`] is the correct one; [`crate::flawed::notify`]
/// has the broken ones.
pub trait Notify {
    /// Notifies the active users among `ids`; see [`notify_all`].
    fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> impl Future<Output = Result<usize, ApiError>>;
}

/// The correct [`Notify`]: [`notify_all`].
#[derive(Debug, Clone, Copy)]
pub struct Notifier;

impl Notify for Notifier {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        notify_all(client, ids, message).await
    }
}

/// A real (in-memory) user API for the demo and the server tests: each
/// lookup takes `latency`, and sent mails are only counted.
#[derive(Debug, Default)]
pub struct InMemoryUsers {
    users: HashMap<u32, User>,
    latency: Duration,
    sent: std::sync::atomic::AtomicUsize,
}

impl InMemoryUsers {
    pub fn new(
        users: impl IntoIterator<Item = User>,
        latency: Duration,
    ) -> Self {
        InMemoryUsers {
            users: users.into_iter().map(|u| (u.id, u)).collect(),
            latency,
            sent: Default::default(),
        }
    }

    /// How many mails were sent.
    pub fn sent(&self) -> usize {
        self.sent.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl UserClient for InMemoryUsers {
    async fn get_user(&self, id: u32) -> Result<User, ApiError> {
        tokio::time::sleep(self.latency).await;
        self.users.get(&id).cloned().ok_or(ApiError::NotFound(id))
    }

    async fn send(&self, _email: &str, _message: &str) -> Result<(), ApiError> {
        self.sent.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }
}
