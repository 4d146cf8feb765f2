//! Exercise 15-port-asyncmock (challenge): port a pytest-asyncio test.
//!
//! The code under test is `notify_all` (see `crate::users`), which came from
//! this Python, together with its test:
//!
//! ```python
//! async def notify_all(client, user_ids, message):
//!     sent = 0
//!     for user_id in user_ids:
//!         user = await client.get_user(user_id)
//!         if user["active"]:
//!             await client.send(user["email"], message)
//!             sent += 1
//!     return sent
//!
//! @pytest.mark.asyncio
//! async def test_only_active_users_are_mailed():
//!     client = AsyncMock()
//!     client.get_user.side_effect = [
//!         {"id": 1, "email": "ada@example.org", "active": True},
//!         {"id": 2, "email": "bob@example.org", "active": False},
//!     ]
//!     sent = await notify_all(client, [1, 2], "hi")
//!     assert sent == 1
//!     assert client.get_user.await_count == 2
//!     client.send.assert_awaited_once_with("ada@example.org", "hi")
//! ```
//!
//! Port the test into `check`: the same two users, the same call
//! `subject.notify_all(&client, &[1, 2], "hi")`, and every assertion the
//! Python makes (it returns `Ok(1)`; two lookups, in that order; exactly
//! one mail, to ada@example.org, saying "hi"). `client` is the `UserClient`
//! the code talks to. The course runs your `check` on the correct
//! `notify_all`, where it must pass, and on four subtly broken ones, where
//! it must panic.
//!
//! The tests are the `port_asyncmock` module of `tests/exercises.rs`.
//!
//! Check it: `cargo run -p course -- check 15-port-asyncmock`

use crate::users::Notify;

/// The Python test above, in Rust: panics unless `subject` passes it.
pub async fn check<N: Notify>(subject: N) {
    todo!()
}
