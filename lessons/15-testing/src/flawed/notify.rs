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

/// Works through the ids as a stack: from the last one to the first.
#[derive(Debug, Clone, Copy)]
pub struct FromTheEnd;

impl Flaw for FromTheEnd {
    const FLAW: &'static str = "it looks the users up from the last id to \
                                the first, not in the order given";
}

impl Notify for FromTheEnd {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        let mut sent = 0;
        let mut to_do = ids.to_vec();
        while let Some(id) = to_do.pop() {
            let user = client.get_user(id).await?;
            if user.active {
                client.send(&user.email, message).await?;
                sent += 1;
            }
        }
        Ok(sent)
    }
}

/// Goes on after a failed lookup, and reports the error at the end.
#[derive(Debug, Clone, Copy)]
pub struct GoesOnAfterAnError;

impl Flaw for GoesOnAfterAnError {
    const FLAW: &'static str = "after a failed lookup it goes on to look up \
                                the remaining users, and reports the error \
                                only at the end";
}

impl Notify for GoesOnAfterAnError {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        let mut sent = 0;
        let mut failure = None;
        for &id in ids {
            match client.get_user(id).await {
                Ok(user) if user.active => {
                    client.send(&user.email, message).await?;
                    sent += 1;
                }
                Ok(_) => {}
                Err(error) => {
                    failure.get_or_insert(error);
                }
            }
        }
        failure.map_or(Ok(sent), Err)
    }
}

/// Stops at a failed lookup, but reports what it sent as a success.
#[derive(Debug, Clone, Copy)]
pub struct HidesTheError;

impl Flaw for HidesTheError {
    const FLAW: &'static str = "a failed lookup stops the mailing but is not \
                                reported: it returns Ok(mails sent so far), \
                                not the error";
}

impl Notify for HidesTheError {
    async fn notify_all<C: UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, ApiError> {
        let mut sent = 0;
        for &id in ids {
            let Ok(user) = client.get_user(id).await else {
                break;
            };
            if user.active {
                client.send(&user.email, message).await?;
                sent += 1;
            }
        }
        Ok(sent)
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
