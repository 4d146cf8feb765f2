//! Exercise tests for lesson 12, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. All on tokio's paused clock.

use std::io::ErrorKind;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::timing::{assert_exact, measure, ms, secs};
use lesson_12_pitfalls::api::Api;
use lesson_12_pitfalls::mailer::Outbox;
use tokio::io::{AsyncWriteExt, DuplexStream};
use tokio::time::{sleep, timeout};

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
        stream.write_all(&piece).await.expect("write");
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

fn urls(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("/item/{i}")).collect()
}

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
    let mut sent = outbox.lock().unwrap().clone();
    sent.sort();
    sent
}

kit::exercise_tests! {
    lesson: lesson_12_pitfalls, exercise: cap_concurrency, id: "12-cap-concurrency";

    #[tokio::test(start_paused = true)]
    async fn a_hundred_urls_under_a_limit_of_ten_all_succeed_in_one_second() {
        let api = Api::new(10, ms(100));
        let urls = urls(100);
        let (results, took) = measure(timeout(secs(60), subject::fetch_all(&api, &urls, 10))).await;
        let results = results.expect("fetch_all never finished");
        let refused = results.iter().filter(|r| r.is_err()).count();
        assert_eq!(refused, 0, "{refused} requests refused: more than 10 were in flight (peak {})", api.peak());
        assert_eq!(api.peak(), 10, "the limit of 10 should be used, not just respected");
        assert_exact(took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn results_come_back_in_input_order() {
        let api = Api::new(100, ms(100));
        let urls = urls(20);
        let results = timeout(secs(60), subject::fetch_all(&api, &urls, 4))
            .await
            .expect("fetch_all never finished");
        let want: Vec<_> = urls.iter().map(|u| Ok(format!("{u}: 200"))).collect();
        assert_eq!(results, want);
    }

    #[tokio::test(start_paused = true)]
    async fn seven_urls_under_a_limit_of_three_take_three_rounds() {
        let api = Api::new(100, ms(100));
        let urls = urls(7);
        let (results, took) = measure(timeout(secs(60), subject::fetch_all(&api, &urls, 3))).await;
        assert_eq!(results.expect("never finished").len(), 7);
        assert_eq!(api.peak(), 3, "never more than 3 in flight");
        assert_exact(took, ms(300));
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_above_the_count_starts_everything_at_once() {
        let api = Api::new(100, ms(100));
        let urls = urls(5);
        let (_, took) = measure(timeout(secs(60), subject::fetch_all(&api, &urls, 50))).await;
        assert_eq!(api.peak(), 5);
        assert_exact(took, ms(100));
    }
}

kit::exercise_tests! {
    lesson: lesson_12_pitfalls, exercise: frame_reader, id: "12-frame-reader";

    #[tokio::test(start_paused = true)]
    async fn reads_whole_frames_then_none() {
        let (reader, mut writer) = tokio::io::duplex(1024);
        for text in ["hello", "", "world"] {
            writer.write_all(&frame(text)).await.unwrap();
        }
        drop(writer);
        let mut frames = subject::FrameReader::new(reader);
        for want in ["hello", "", "world"] {
            let got = timeout(secs(5), frames.next_message()).await.expect("hung");
            assert_eq!(got.expect("no error").as_deref(), Some(want));
        }
        let end = timeout(secs(5), frames.next_message()).await.expect("hung");
        assert_eq!(end.expect("a clean end is not an error"), None);
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
                    message = frames.next_message() => match message.expect("no error") {
                        Some(text) => got.push(text),
                        None => break,
                    },
                    () = sleep(ms(100)) => heartbeats += 1,
                }
            }
        };
        timeout(secs(60), reading).await.expect("never reached the end of the stream");
        writing.await.unwrap();
        assert_eq!(got, sent, "messages lost or garbled when next_message was cancelled");
        assert!(heartbeats > 20, "the heartbeat won many races ({heartbeats})");
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
        let got = timeout(secs(60), reading).await.expect("hung");
        assert_eq!(
            got.expect("no error"),
            Some(long),
            "the 200-byte message was lost when next_message was cancelled mid-frame"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_stream_that_ends_mid_frame_is_an_error() {
        let (reader, mut writer) = tokio::io::duplex(1024);
        writer.write_all(&frame("complete")).await.unwrap();
        writer.write_all(&frame("cut short")[..4]).await.unwrap();
        drop(writer);
        let mut frames = subject::FrameReader::new(reader);
        let first = timeout(secs(5), frames.next_message()).await.expect("hung");
        assert_eq!(first.expect("no error").as_deref(), Some("complete"));
        let second = timeout(secs(5), frames.next_message()).await.expect("hung");
        let error = second.expect_err("the stream ended in the middle of a frame");
        assert_eq!(error.kind(), ErrorKind::UnexpectedEof);
    }

    #[tokio::test(start_paused = true)]
    async fn text_that_is_not_utf8_is_invalid_data() {
        let (reader, mut writer) = tokio::io::duplex(1024);
        writer.write_all(&[2, 0xff, 0xfe]).await.unwrap();
        drop(writer);
        let mut frames = subject::FrameReader::new(reader);
        let got = timeout(secs(5), frames.next_message()).await.expect("hung");
        assert_eq!(got.expect_err("not UTF-8").kind(), ErrorKind::InvalidData);
    }
}

kit::exercise_tests! {
    lesson: lesson_12_pitfalls, exercise: send_all, id: "12-send-all";

    #[tokio::test(start_paused = true)]
    async fn one_bad_address_among_three() {
        let outbox = Outbox::default();
        let users = vec!["ana@example.com".to_owned(), "bob".to_owned(), "cy@example.com".to_owned()];
        // Run as a task of its own, so that an escaped panic is reported.
        let run = tokio::spawn(timeout(secs(60), subject::send_all(outbox.clone(), users)));
        let (outcome, took) = measure(run).await;
        let failed = outcome
            .unwrap_or_else(|e| panic!("send_all itself failed: a send's panic escaped instead of staying in its task ({e})"))
            .expect("send_all never finished");
        assert_eq!(failed, ["bob"]);
        assert_eq!(sorted(&outbox), ["ana@example.com", "cy@example.com"], "every good address is sent by the time send_all returns");
        assert_exact(took, ms(500));
    }

    #[test]
    fn nothing_is_lost_when_the_runtime_shuts_down_right_after() {
        let outbox = Outbox::default();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .unwrap();
        let failed = runtime.block_on(subject::send_all(outbox.clone(), users(10, 5)));
        drop(runtime); // like `main` returning
        assert_eq!(failed, ["user4", "user9"]);
        assert_eq!(outbox.lock().unwrap().len(), 8, "sends were still running when send_all returned");
    }

    #[tokio::test(start_paused = true)]
    async fn a_thousand_users_in_half_a_second() {
        let outbox = Outbox::default();
        let (failed, took) = measure(timeout(secs(60), subject::send_all(outbox.clone(), users(1000, 100)))).await;
        let failed = failed.expect("send_all never finished");
        let want: Vec<String> = (0..10).map(|i| format!("user{}", i * 100 + 99)).collect();
        assert_eq!(failed, want, "the failed users, in input order");
        assert_eq!(outbox.lock().unwrap().len(), 990);
        assert_exact(took, ms(500));
    }

    #[tokio::test(start_paused = true)]
    async fn no_users_no_wait() {
        let outbox: Outbox = Arc::new(Mutex::new(Vec::new()));
        let (failed, took) = measure(subject::send_all(outbox, Vec::new())).await;
        assert!(failed.is_empty());
        assert_exact(took, ms(0));
    }
}
