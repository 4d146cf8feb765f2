//! Exercise tests for lesson 12, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. All on tokio's paused clock.

use std::future::Future;
use std::io::{self, ErrorKind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::grade::{took_exactly, within};
use kit::timing::{ms, secs};
use lesson_12_pitfalls::mailer::Outbox;
use tokio::io::{AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

// ---------------------------------------------------------------- 12-cap-concurrency

/// What the test's jobs saw of the tasks they ran in.
#[derive(Debug, Default)]
struct Gauge {
    /// The most tasks alive at once, as a job starting saw it.
    peak_alive: AtomicUsize,
    /// Jobs that did not run in a spawned task.
    outside_a_task: Mutex<Vec<u32>>,
    finished: AtomicUsize,
}

impl Gauge {
    fn start(&self, job: u32) {
        if tokio::task::try_id().is_none() {
            self.outside_a_task
                .lock()
                .expect("the gauge's lock")
                .push(job);
        }
        let alive = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        self.peak_alive.fetch_max(alive, Ordering::SeqCst);
    }

    fn peak_alive(&self) -> usize {
        self.peak_alive.load(Ordering::SeqCst)
    }

    fn finished(&self) -> usize {
        self.finished.load(Ordering::SeqCst)
    }

    /// The first job that ran outside a task, if one did.
    fn first_outside_a_task(&self) -> Option<u32> {
        self.outside_a_task
            .lock()
            .expect("the gauge's lock")
            .first()
            .copied()
    }
}

/// The test's job handler: job `n` sleeps `length(n)`, watched by `gauge`.
fn handler(
    gauge: &Arc<Gauge>,
    length: fn(u32) -> Duration,
) -> impl Fn(u32) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>> {
    let gauge = gauge.clone();
    move |job| {
        let gauge = gauge.clone();
        Box::pin(async move {
            gauge.start(job);
            sleep(length(job)).await;
            gauge.finished.fetch_add(1, Ordering::SeqCst);
        })
    }
}

/// Sends jobs `0..count` into `jobs`, then closes it. After each send,
/// notes how many jobs were sent but had no task yet (in the channel, or
/// taken off it and held); returns the most there ever were.
async fn produce(
    jobs: mpsc::Sender<u32>,
    count: u32,
    gauge: Arc<Gauge>,
) -> usize {
    let mut most_ahead = 0;
    for job in 0..count {
        jobs.send(job)
            .await
            .expect("run_jobs keeps its receiver until the channel is closed");
        let sent = usize::try_from(job + 1).expect("a small count");
        let alive = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        let with_a_task = gauge.finished() + alive;
        most_ahead = most_ahead.max(sent.saturating_sub(with_a_task));
    }
    most_ahead
}

// ---------------------------------------------------------------- 12-frame-reader

/// A frame of the chat protocol: one length byte, then the text.
fn frame(text: &str) -> Vec<u8> {
    let mut bytes = vec![u8::try_from(text.len()).expect("short text")];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// Writes `pieces` one by one with `pause` between them, then closes.
async fn write_in_pieces(
    mut stream: DuplexStream,
    pieces: Vec<Vec<u8>>,
    pause: Duration,
) {
    for piece in pieces {
        stream
            .write_all(&piece)
            .await
            .expect("the test writes a piece");
        sleep(pause).await;
    }
}

/// Every byte of `frames` as a piece of its own.
fn byte_by_byte(frames: &[&str]) -> Vec<Vec<u8>> {
    frames
        .iter()
        .flat_map(|text| frame(text))
        .map(|byte| vec![byte])
        .collect()
}

/// What `next_message` returned, in words.
fn shown(got: &io::Result<Option<String>>) -> String {
    match got {
        Ok(Some(text)) if text.len() > 20 => {
            format!("a {}-byte message", text.len())
        }
        Ok(Some(text)) => format!("Ok(Some({text:?}))"),
        Ok(None) => "Ok(None), a clean end".to_owned(),
        Err(e) => format!("an error, {:?}: {e}", e.kind()),
    }
}

fn is_message(got: &io::Result<Option<String>>, want: &str) -> bool {
    matches!(got, Ok(Some(text)) if text == want)
}

// ---------------------------------------------------------------- 12-send-all

fn users(n: usize, bad_every: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            if i % bad_every == bad_every - 1 {
                format!("user{i}")
            } else {
                format!("user{i}@example.com")
            }
        })
        .collect()
}

fn sorted(outbox: &Outbox) -> Vec<String> {
    let mut sent = outbox.lock().expect("the outbox's lock").clone();
    sent.sort();
    sent
}

/// Runs `send` (a `send_all` call) in a task of its own, so that a panic
/// escaping it is reported here, in the learner's words; `what` must
/// finish within `allowed` (the tests give half as long again as the exact
/// time they then check: work that ends in other tasks exactly at the
/// deadline of `within` would count as late). Returns the failed users and the time taken.
async fn run_send_all<F>(
    what: &str,
    allowed: Duration,
    send: F,
) -> (Vec<String>, Duration)
where
    F: Future<Output = Vec<String>> + Send + 'static,
{
    let start = Instant::now();
    let joined = within(what, allowed, tokio::spawn(send)).await;
    (escaped(what, joined), start.elapsed())
}

/// The users `send_all` returned, or the test's verdict on its panic.
fn escaped(
    what: &str,
    joined: Result<Vec<String>, tokio::task::JoinError>,
) -> Vec<String> {
    joined.unwrap_or_else(|e| {
        panic!(
            "{what}: a send's panic escaped send_all and ended it ({e}): a \
             bad address must end only its own send, so run each send in a \
             task of its own and look at what its handle returns"
        )
    })
}

kit::exercise_tests! {
    lesson: lesson_12_pitfalls, exercise: cap_concurrency, id: "12-cap-concurrency";

    #[tokio::test(start_paused = true)]
    async fn a_hundred_jobs_have_at_most_ten_tasks_alive() {
        let gauge = Arc::new(Gauge::default());
        let (tx, rx) = mpsc::channel(1);
        let start = Instant::now();
        within("100 jobs of 100 ms under a limit of 10", secs(2), async {
            tokio::join!(
                produce(tx, 100, gauge.clone()),
                subject::run_jobs(rx, 10, handler(&gauge, |_| ms(100))),
            )
        })
        .await;
        let took = start.elapsed();
        if let Some(job) = gauge.first_outside_a_task() {
            panic!(
                "job {job} did not run in a task of its own \
                 (tokio::task::try_id() was None inside it): each job must \
                 be spawned; a stream adapter such as buffer_unordered runs \
                 them all inside run_jobs's own future"
            );
        }
        let finished = gauge.finished();
        assert!(
            finished == 100,
            "run_jobs returned when {finished} of the 100 jobs had finished: \
             wait for every task before returning"
        );
        let peak = gauge.peak_alive();
        assert!(
            peak <= 10,
            "{peak} tasks were alive at once, the limit is 10: a task that \
             waits for its permit still exists; take the permit before \
             spawning, so the loop waits instead"
        );
        assert!(
            peak == 10,
            "at most {peak} tasks were alive at once: the limit of 10 \
             should be used, not just respected"
        );
        took_exactly("100 jobs of 100 ms under a limit of 10", took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn a_long_job_does_not_hold_up_the_others() {
        let gauge = Arc::new(Gauge::default());
        let (tx, rx) = mpsc::channel(1);
        let what = "one 1 s job and ten 100 ms jobs under a limit of 2 \
                    (a slot that frees up should take the next job at once)";
        let start = Instant::now();
        within(what, secs(2), async {
            tokio::join!(
                produce(tx, 11, gauge.clone()),
                subject::run_jobs(
                    rx,
                    2,
                    handler(&gauge, |job| if job == 0 { secs(1) } else { ms(100) }),
                ),
            )
        })
        .await;
        let finished = gauge.finished();
        assert!(
            finished == 11,
            "run_jobs returned when {finished} of the 11 jobs had finished: \
             wait for every task before returning"
        );
        took_exactly(what, start.elapsed(), secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn jobs_stay_in_the_channel_until_a_slot_is_free() {
        let gauge = Arc::new(Gauge::default());
        let (tx, rx) = mpsc::channel(1);
        let (most_ahead, ()) = within("30 jobs of 100 ms under a limit of 3", secs(2), async {
            tokio::join!(
                produce(tx, 30, gauge.clone()),
                subject::run_jobs(rx, 3, handler(&gauge, |_| ms(100))),
            )
        })
        .await;
        assert!(
            most_ahead <= 2,
            "the producer got {most_ahead} jobs past a channel of capacity 1 \
             that had no task yet: run_jobs took jobs off the channel before \
             it had room for their tasks. Leave a job in the channel until a \
             slot is free, so a producer that is too fast waits"
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_12_pitfalls, exercise: frame_reader, id: "12-frame-reader";

    #[tokio::test(start_paused = true)]
    async fn reads_whole_frames_then_none() {
        let (reader, mut writer) = tokio::io::duplex(1024);
        for text in ["hello", "", "world"] {
            writer.write_all(&frame(text)).await.expect("the test writes a frame");
        }
        drop(writer);
        let mut frames = subject::FrameReader::new(reader);
        for (i, want) in ["hello", "", "world"].into_iter().enumerate() {
            let got = within("next_message", secs(5), frames.next_message()).await;
            assert!(
                is_message(&got, want),
                "message {} of 3 was {}, expected Ok(Some({want:?})): the \
                 three frames arrived together, in one read; the bytes after \
                 a frame belong to the next ones",
                i + 1,
                shown(&got)
            );
        }
        let end = within("next_message", secs(5), frames.next_message()).await;
        assert!(
            matches!(end, Ok(None)),
            "after the 3 messages the stream ended cleanly; next_message \
             returned {}, expected Ok(None)",
            shown(&end)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn loses_nothing_when_a_heartbeat_interrupts_every_read() {
        let sent = ["alpha", "beta", "gamma"];
        let (reader, writer) = tokio::io::duplex(1024);
        let writing = tokio::spawn(write_in_pieces(writer, byte_by_byte(&sent), ms(150)));
        let mut frames = subject::FrameReader::new(reader);
        let mut got = Vec::new();
        let mut heartbeats = 0;
        let reading = async {
            loop {
                tokio::select! {
                    message = frames.next_message() => match message {
                        // More messages than were sent: stop, and say so.
                        Ok(Some(_)) if got.len() > sent.len() => break Ok(()),
                        Ok(Some(text)) => got.push(text),
                        Ok(None) => break Ok(()),
                        Err(e) => break Err(e),
                    },
                    () = sleep(ms(100)) => heartbeats += 1,
                }
            }
        };
        let outcome = within("reading three byte-by-byte messages", secs(60), reading).await;
        writing.await.expect("the test's writer finishes");
        assert!(
            outcome.is_ok() && got == sent,
            "sent {sent:?} one byte every 150 ms; next_message lost the race \
             to a 100 ms heartbeat {heartbeats} times and returned {got:?}, \
             then {}: the bytes it had read before losing a race must stay in \
             the FrameReader, not in the dropped future",
            match &outcome {
                Ok(()) => "a clean end".to_owned(),
                Err(e) => format!("an error ({e})"),
            }
        );
        assert!(
            heartbeats > 20,
            "the heartbeat won only {heartbeats} races, expected more than 20: \
             is next_message waiting for more than it needs?"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_long_message_in_three_pieces() {
        let long = "x".repeat(200);
        let bytes = frame(&long);
        let pieces = vec![bytes[..1].to_vec(), bytes[1..120].to_vec(), bytes[120..].to_vec()];
        let (reader, writer) = tokio::io::duplex(1024);
        tokio::spawn(write_in_pieces(writer, pieces, ms(150)));
        let mut frames = subject::FrameReader::new(reader);
        let reading = async {
            loop {
                tokio::select! {
                    message = frames.next_message() => break message,
                    () = sleep(ms(100)) => {}
                }
            }
        };
        let got = within("reading a message sent in three pieces", secs(60), reading).await;
        assert!(
            is_message(&got, &long),
            "next_message returned {}, expected the 200-byte message, which \
             arrived in 3 pieces (1, 119 and 81 bytes, 150 ms apart) while a \
             100 ms heartbeat cancelled next_message: a frame may take several \
             reads, and a cancelled read must lose nothing",
            shown(&got)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_stream_that_ends_mid_frame_is_an_error() {
        let (reader, mut writer) = tokio::io::duplex(1024);
        writer.write_all(&frame("complete")).await.expect("the test writes a frame");
        writer.write_all(&frame("cut short")[..4]).await.expect("the test writes");
        drop(writer);
        let mut frames = subject::FrameReader::new(reader);
        let first = within("next_message", secs(5), frames.next_message()).await;
        assert!(
            is_message(&first, "complete"),
            "the first message was {}, expected Ok(Some(\"complete\"))",
            shown(&first)
        );
        let second = within("next_message", secs(5), frames.next_message()).await;
        assert!(
            !is_message(&second, "complete"),
            "next_message returned \"complete\" twice: take a frame's bytes \
             out of the buffer when you return it"
        );
        assert!(
            matches!(&second, Err(e) if e.kind() == ErrorKind::UnexpectedEof),
            "the stream ended 4 bytes into the second frame; next_message \
             returned {}, expected an UnexpectedEof error (Ok(None) is for a \
             clean end between frames: were bytes after the first frame \
             dropped?)",
            shown(&second)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn text_that_is_not_utf8_is_invalid_data() {
        let (reader, mut writer) = tokio::io::duplex(1024);
        writer.write_all(&[2, 0xff, 0xfe]).await.expect("the test writes a frame");
        drop(writer);
        let mut frames = subject::FrameReader::new(reader);
        let got = within("next_message", secs(5), frames.next_message()).await;
        assert!(
            matches!(&got, Err(e) if e.kind() == ErrorKind::InvalidData),
            "a frame holding the bytes ff fe, which are not UTF-8: \
             next_message returned {}, expected an InvalidData error \
             (not text with replacement characters)",
            shown(&got)
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_12_pitfalls, exercise: send_all, id: "12-send-all";

    #[tokio::test(start_paused = true)]
    async fn a_bad_address_among_three_takes_half_a_second() {
        let outbox = Outbox::default();
        let users = vec!["ana@example.com".to_owned(), "bob".to_owned(), "cy@example.com".to_owned()];
        let what = "sending to three users (0.5 s each, all at once)";
        let (failed, took) =
            run_send_all(what, ms(750), subject::send_all(outbox.clone(), users)).await;
        assert!(
            failed == ["bob"],
            "send_all returned {failed:?} as the failed users, expected [\"bob\"]"
        );
        let sent = sorted(&outbox);
        assert!(
            sent == ["ana@example.com", "cy@example.com"],
            "when send_all returned, the outbox held {sent:?}, expected both \
             good addresses: wait for every send before returning (the \
             caller may shut the runtime down at once)"
        );
        took_exactly(what, took, ms(500));
    }

    #[tokio::test(start_paused = true)]
    async fn a_thousand_users_in_half_a_second() {
        let outbox = Outbox::default();
        let what = "sending to 1000 users (0.5 s each, all at once)";
        let (failed, took) =
            run_send_all(what, ms(750), subject::send_all(outbox.clone(), users(1000, 100))).await;
        let want: Vec<String> = (0..10).map(|i| format!("user{}", i * 100 + 99)).collect();
        assert!(
            failed == want,
            "send_all returned {failed:?} as the failed users, expected \
             {want:?}: every 100th address, in the order of the input"
        );
        let sent = outbox.lock().expect("the outbox's lock").len();
        assert!(sent == 990, "the outbox held {sent} emails, expected 990");
        took_exactly(what, took, ms(500));
    }

    #[tokio::test(start_paused = true)]
    async fn no_users_no_wait() {
        let (failed, took) =
            run_send_all("sending to no users", secs(1), subject::send_all(Outbox::default(), Vec::new())).await;
        assert!(failed.is_empty(), "no users, yet send_all returned {failed:?} as failed");
        took_exactly("sending to no users", took, ms(0));
    }

    #[test]
    fn nothing_is_lost_when_the_runtime_shuts_down_right_after() {
        let outbox = Outbox::default();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("the test's runtime");
        let send = subject::send_all(outbox.clone(), users(10, 5));
        let joined = runtime.block_on(async { tokio::spawn(send).await });
        drop(runtime); // like `main` returning
        let failed = escaped("sending to 10 users", joined);
        assert!(
            failed == ["user4", "user9"],
            "send_all returned {failed:?} as the failed users, expected [\"user4\", \"user9\"]"
        );
        let sent = outbox.lock().expect("the outbox's lock").len();
        assert!(
            sent == 8,
            "after send_all returned and the runtime shut down, the outbox \
             held {sent} of the 8 good emails: sends still running when \
             send_all returns are dropped at shutdown; wait for every one"
        );
    }
}
