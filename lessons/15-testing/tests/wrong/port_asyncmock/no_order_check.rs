//! Wrong answer: the side_effect list ported without saying which id each lookup is for
//! Expect: from the last id to the first

use mockall::Sequence;

use crate::users::{ApiError, MockUserClient, Notify, User};

/// The Python test above, in Rust: panics unless `subject` passes it.
pub async fn check<N: Notify>(subject: N) {
    let mut client = MockUserClient::new();
    let mut lookups = Sequence::new();
    let answers = [
        Ok(User::new(2, "Bob", false)),
        Ok(User::new(1, "Ada", true)),
        Err(ApiError::Unavailable),
    ];
    // Three answers, one per call, in this order: like side_effect.
    for answer in answers {
        client
            .expect_get_user()
            .times(1)
            .in_sequence(&mut lookups)
            .return_once(move |_| Box::pin(async move { answer }));
    }
    client
        .expect_send()
        .with(
            mockall::predicate::eq("ada@example.org"),
            mockall::predicate::eq("hi"),
        )
        .times(1)
        .returning(|_, _| Box::pin(async { Ok(()) }));
    let got = subject.notify_all(&client, &[2, 1, 3, 4], "hi").await;
    assert_eq!(got, Err(ApiError::Unavailable), "the outage is the error");
}
