//! Broken [`Notify`]s.

use super::Flaw;
use crate::users::{ApiError, Notify, UserClient};

/// Forgets to look at `active`.
#[derive(Debug, Clone, Copy)]
pub struct MailsEveryone;

impl Flaw for MailsEveryone {
    const FLAW: &'static str = "it mails inactive users too";
}

impl Notify for MailsEveryone {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        let mut sent = 0;
        for &id in ids {
            let user = client.get_user(id).await?;
            client.send(&user.email, message).await?;
            sent += 1;
        }
        Ok(sent)
    }
}

// ANCHOR: swapped
/// Passes the two `&str` arguments the wrong way round: it compiles.
#[derive(Debug, Clone, Copy)]
pub struct SwappedArguments;

impl Flaw for SwappedArguments {
    const FLAW: &'static str = "it sends the message as the address and the \
                                address as the message";
}

impl Notify for SwappedArguments {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        let mut sent = 0;
        for &id in ids {
            let user = client.get_user(id).await?;
            if user.active {
                client.send(message, &user.email).await?;
                sent += 1;
            }
        }
        Ok(sent)
    }
}
// ANCHOR_END: swapped

/// Counts the users it looked at, not the mails it sent.
#[derive(Debug, Clone, Copy)]
pub struct CountsUsers;

impl Flaw for CountsUsers {
    const FLAW: &'static str = "it returns how many users it looked up, not \
                                how many mails it sent";
}

impl Notify for CountsUsers {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        for &id in ids {
            let user = client.get_user(id).await?;
            if user.active {
                client.send(&user.email, message).await?;
            }
        }
        Ok(ids.len())
    }
}

/// Looks each active user up again (a "fresh read") before sending.
#[derive(Debug, Clone, Copy)]
pub struct FetchesTwice;

impl Flaw for FetchesTwice {
    const FLAW: &'static str = "it fetches each active user twice";
}

impl Notify for FetchesTwice {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        let mut sent = 0;
        for &id in ids {
            let user = client.get_user(id).await?;
            if user.active {
                let fresh = client.get_user(id).await?;
                client.send(&fresh.email, message).await?;
                sent += 1;
            }
        }
        Ok(sent)
    }
}
