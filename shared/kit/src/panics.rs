//! Reading panic messages back, so tests and demos can show them: a
//! payload's text, a task's `JoinError`, the panic of a spawned future.

use std::any::Any;

use tokio::task::JoinError;

/// The message of a panic payload (`panic!` gives a `&str` or a `String`).
pub fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "(a panic with a non-text payload)".to_owned()
    }
}

/// What a task's `JoinError` says: the panic message, or "cancelled".
pub fn join_error_text(error: JoinError) -> String {
    if error.is_panic() {
        message(&*error.into_panic())
    } else {
        "cancelled".to_owned()
    }
}

/// Runs `fut` as a task and returns its panic message, or `None` if it
/// finished normally. The panic is caught by the runtime, not by us: a
/// panicking task ends with `Err(JoinError)` and the caller goes on.
pub async fn panic_text_of<F>(fut: F) -> Option<String>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    tokio::spawn(fut).await.err().map(join_error_text)
}
