//! Wrong answer: "every lookup after ada fails" as one open-ended expectation, so a 4th lookup goes unnoticed
//! Expect: goes on to look up the remaining users

use mockall::Sequence;
use mockall::predicate::eq;

use crate::users::{ApiError, MockUserClient, Notify, User};

/// The Python test above, in Rust: panics unless `subject` passes it.
pub async fn check<N: Notify>(subject: N) {
    let mut client = MockUserClient::new();
    let mut lookups = Sequence::new();
    for user in [User::new(2, "Bob", false), User::new(1, "Ada", true)] {
        client
            .expect_get_user()
            .with(eq(user.id))
            .times(1)
            .in_sequence(&mut lookups)
            .return_once(move |_| Box::pin(async move { Ok(user) }));
    }
    // Then the API is down: any further lookup fails.
    client
        .expect_get_user()
        .returning(|_| Box::pin(async { Err(ApiError::Unavailable) }));
    client
        .expect_send()
        .with(eq("ada@example.org"), eq("hi"))
        .times(1)
        .returning(|_, _| Box::pin(async { Ok(()) }));
    let got = subject.notify_all(&client, &[2, 1, 3, 4], "hi").await;
    assert_eq!(got, Err(ApiError::Unavailable), "the outage is the error");
}
