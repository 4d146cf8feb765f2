//! Exercise 17-submit-once (warm-up).
//!
//! A producer that did not hear back from the broker cannot tell "my job
//! was lost" from "my job was stored, the answer was lost", so it submits
//! again. Make that retry harmless: submit `job` on `subject` as JSON
//! (`serde_json`) so that the stream stores it once however many times it
//! is submitted, and return `true` if this call stored it, `false` if the
//! broker already had it. The Python (nats-py) it replaces:
//!
//! ```python
//! async def submit(js, subject, job):
//!     ack = await js.publish(subject, json.dumps(job).encode(),
//!                            headers={"Nats-Msg-Id": str(job["id"])})
//!     return not ack.duplicate
//! ```
//!
//! The tests (`tests/exercises.rs`, module `submit_once`), on a NATS
//! server with JetStream (set `NATS_URL`): job 7 submitted twice leaves 1
//! message in the stream, and the two calls return `true` then `false`;
//! jobs 1 to 5, then job 3 again, leave 5 messages; the stored message is
//! the job's JSON, `{"id":7,"cents":700}`.
//!
//! Check it: `cargo run -p course -- check 17-submit-once`

use async_nats::jetstream;

use crate::support::Job;

/// Submits `job` on `subject`; `true` if the broker stored it, `false`
/// if it already had this job.
pub async fn submit(
    js: &jetstream::Context,
    subject: &str,
    job: &Job,
) -> anyhow::Result<bool> {
    todo!()
}
