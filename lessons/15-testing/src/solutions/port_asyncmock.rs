//! Reference solution for 15-port-asyncmock.

use mockall::Sequence;
use mockall::predicate::eq;

use crate::users::{MockUserClient, Notify, User};

/// The Python test above, in Rust: panics unless `subject` passes it.
pub async fn check<N: Notify>(subject: N) {
    let mut client = MockUserClient::new();

    // side_effect = [ada, bob]: one expectation per call, in order. A third
    // lookup finds no expectation left and panics.
    let mut lookups = Sequence::new();
    let ada = User::new(1, "Ada", true);
    let bob = User::new(2, "Bob", false);
    for user in [ada, bob] {
        client
            .expect_get_user()
            .times(1)
            .in_sequence(&mut lookups)
            .return_once(move |_| Box::pin(async move { Ok(user) }));
    }

    // assert_awaited_once_with("ada@example.org", "hi").
    client
        .expect_send()
        .with(eq("ada@example.org"), eq("hi"))
        .times(1)
        .returning(|_, _| Box::pin(async { Ok(()) }));

    let sent = subject.notify_all(&client, &[1, 2], "hi").await;
    assert_eq!(sent, Ok(1), "one mail sent");
    // Dropping the mock checks every `times`: await_count == 2 included.
}
