//! Exercise 15-port-asyncmock (challenge): port a pytest-asyncio test.
//!
//! The code under test is `notify_all` (see `crate::users`), which came from
//! this Python. Its test suite has a test of what happens when the user API
//! goes down in the middle of a mailing:
//!
//! ```python
//! async def notify_all(client, user_ids, message):
//!     sent = 0
//!     for user_id in user_ids:
//!         user = await client.get_user(user_id)   # may raise
//!         if user["active"]:
//!             await client.send(user["email"], message)
//!             sent += 1
//!     return sent
//!
//! @pytest.mark.asyncio
//! async def test_an_outage_stops_the_mailing():
//!     client = AsyncMock()
//!     client.get_user.side_effect = [
//!         {"id": 2, "email": "bob@example.org", "active": False},
//!         {"id": 1, "email": "ada@example.org", "active": True},
//!         ApiUnavailable(),
//!     ]
//!     with pytest.raises(ApiUnavailable):
//!         await notify_all(client, [2, 1, 3, 4], "hi")
//!     assert client.get_user.await_args_list == [call(2), call(1), call(3)]
//!     client.send.assert_awaited_once_with("ada@example.org", "hi")
//! ```
//!
//! Port the test into `check`: the same answers (bob inactive, then ada
//! active, then `ApiError::Unavailable`), the same call
//! `subject.notify_all(&client, &[2, 1, 3, 4], "hi")`, and every assertion
//! the Python makes: the error comes back; exactly three lookups, of 2, 1
//! and 3, in that order (user 4 is never looked up); exactly one mail, to
//! ada@example.org, saying "hi". `client` is the `UserClient` the code
//! talks to. The course runs your `check` on the correct `notify_all`,
//! where it must pass, and on six subtly broken ones, where it must panic.
//!
//! The tests are the `port_asyncmock` module of `tests/exercises.rs`.
//!
//! Check it: `cargo run -p course -- check 15-port-asyncmock`

use crate::users::Notify;

/// The Python test above, in Rust: panics unless `subject` passes it.
pub async fn check<N: Notify>(subject: N) {
    todo!()
}
