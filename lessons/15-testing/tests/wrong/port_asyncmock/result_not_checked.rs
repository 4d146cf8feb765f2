//! Wrong answer: every call is checked, but not what notify_all returns (no pytest.raises)
//! Expect: not reported

use mockall::Sequence;
use mockall::predicate::eq;

use crate::users::{ApiError, MockUserClient, Notify, User};

/// The Python test above, in Rust: panics unless `subject` passes it.
pub async fn check<N: Notify>(subject: N) {
    let mut client = MockUserClient::new();
    let mut lookups = Sequence::new();
    let answers = [
        (2, Ok(User::new(2, "Bob", false))),
        (1, Ok(User::new(1, "Ada", true))),
        (3, Err(ApiError::Unavailable)),
    ];
    for (id, answer) in answers {
        client
            .expect_get_user()
            .with(eq(id))
            .times(1)
            .in_sequence(&mut lookups)
            .return_once(move |_| Box::pin(async move { answer }));
    }
    client
        .expect_send()
        .with(eq("ada@example.org"), eq("hi"))
        .times(1)
        .returning(|_, _| Box::pin(async { Ok(()) }));
    // The mock checks every call; the error "raises" on its own.
    let _ = subject.notify_all(&client, &[2, 1, 3, 4], "hi").await;
}
