//! Reference solution for 15-port-asyncmock.

use mockall::Sequence;
use mockall::predicate::eq;

use crate::users::{ApiError, MockUserClient, Notify, User};

/// The Python test above, in Rust: panics unless `subject` passes it.
pub async fn check<N: Notify>(subject: N) {
    let mut client = MockUserClient::new();

    // side_effect = [bob, ada, ApiUnavailable()], and await_args_list ==
    // [call(2), call(1), call(3)]: one expectation per call, each for its
    // id, in a sequence. A lookup out of order, a second lookup of a user,
    // or a lookup of user 4 matches none of them and panics at the call.
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

    // assert_awaited_once_with("ada@example.org", "hi").
    client
        .expect_send()
        .with(eq("ada@example.org"), eq("hi"))
        .times(1)
        .returning(|_, _| Box::pin(async { Ok(()) }));

    // pytest.raises(ApiUnavailable).
    let got = subject.notify_all(&client, &[2, 1, 3, 4], "hi").await;
    assert_eq!(
        got,
        Err(ApiError::Unavailable),
        "the outage must come back as the error"
    );
    // Dropping the mock checks every `times`: three lookups, one mail.
}
