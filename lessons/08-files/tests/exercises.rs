//! Exercise tests for lesson 08, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Files live in temporary directories; the download test talks to its own
//! test server on 127.0.0.1. Every wait has a limit, so a wrong answer
//! fails with a message instead of hanging.

use std::future::Future;
use std::io::ErrorKind;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use lesson_08_files::lines::write_sample_log;
use reqwest::Client;
use serde::{Deserialize, Serialize};
use test_server::TestServer;

/// Awaits `fut`, failing the test if it takes longer than 30 s.
async fn within<F: Future>(what: &str, fut: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(30), fut)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within 30 s"))
}

/// A value of about 1 MB as JSON: big enough that writing it takes a while.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Big {
    tag: String,
    numbers: Vec<u64>,
}

fn big(tag: &str, seed: u64) -> Big {
    Big {
        tag: tag.into(),
        numbers: (0..100_000).map(|i| i * 7919 + seed).collect(),
    }
}

/// `/bytes/{n}`'s pattern: byte `i` is `i % 256`.
fn pattern_ok(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| usize::from(b) == i % 256)
}

kit::exercise_tests! {
    lesson: lesson_08_files, exercise: count_errors, id: "08-count-errors";

    #[tokio::test]
    async fn counts_the_error_lines_of_a_large_log() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("app.log");
        assert_eq!(write_sample_log(&log, 100_000).await.unwrap(), 10_000);
        let count = within("count_matching", subject::count_matching(&log, "ERROR")).await;
        assert_eq!(count.unwrap(), 10_000);
        let count = within("count_matching", subject::count_matching(&log, "WARN")).await;
        assert_eq!(count.unwrap(), 10_000);
    }

    #[tokio::test]
    async fn a_last_line_without_a_newline_counts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("short.log");
        std::fs::write(&path, "ERROR one\nINFO two\nERROR three").unwrap();
        let count = within("count_matching", subject::count_matching(&path, "ERROR")).await;
        assert_eq!(count.unwrap(), 2);
    }

    #[tokio::test]
    async fn a_missing_file_is_an_error_not_zero() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.log");
        let result = within("count_matching", subject::count_matching(&missing, "ERROR")).await;
        let err = result.expect_err("a missing file must be an error");
        assert_eq!(err.kind(), ErrorKind::NotFound);
    }
}

kit::exercise_tests! {
    lesson: lesson_08_files, exercise: save_json, id: "08-save-json";

    #[tokio::test]
    async fn saves_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let value = big("a", 1);
        within("save_json", subject::save_json(&path, &value)).await.unwrap();
        let back: Option<Big> = within("load_json", subject::load_json(&path)).await.unwrap();
        assert_eq!(back, Some(value));
    }

    #[tokio::test]
    async fn no_file_yet_is_none_and_garbage_is_invalid_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let nothing: Option<Big> = within("load_json", subject::load_json(&path)).await.unwrap();
        assert_eq!(nothing, None, "a missing file is None, not an error");
        std::fs::write(&path, "{\"tag\": 5, \"numbers\": []}").unwrap();
        let err = within("load_json", subject::load_json::<Big>(&path)).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidData);
    }

    #[tokio::test]
    async fn leaves_nothing_else_in_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        for seed in 0..3 {
            within("save_json", subject::save_json(&path, &big("x", seed))).await.unwrap();
        }
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["state.json"], "temporary files must be renamed or removed");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_reader_never_sees_a_torn_or_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let (a, b) = (big("a", 1), big("b", 2));
        within("save_json", subject::save_json(&path, &a)).await.unwrap();

        // A plain thread reads the file as fast as it can meanwhile.
        let stop = Arc::new(AtomicBool::new(false));
        let reads = Arc::new(AtomicU64::new(0));
        let reader = {
            let (stop, reads, path) = (stop.clone(), reads.clone(), path.clone());
            let (a, b) = (a.clone(), b.clone());
            std::thread::spawn(move || -> Result<(), String> {
                let mut looks = 0_u64;
                while !stop.load(Ordering::SeqCst) {
                    // The size is cheap to ask for, so ask often: an empty
                    // file is the truncate-then-write window.
                    looks += 1;
                    let size = std::fs::metadata(&path)
                        .map_err(|e| format!("a reader found no file: {e}"))?
                        .len();
                    if size == 0 {
                        return Err("a reader found an empty file".into());
                    }
                    if looks % 16 != 0 {
                        continue;
                    }
                    let bytes = std::fs::read(&path)
                        .map_err(|e| format!("a reader found no file: {e}"))?;
                    // A quick look every time (a torn file is cut short, so
                    // it does not end with the closing brace)...
                    let whole = bytes.first() == Some(&b'{')
                        && bytes.trim_ascii_end().last() == Some(&b'}');
                    if !whole {
                        return Err(format!("a reader found a torn file ({} bytes)", bytes.len()));
                    }
                    // ...and a full parse now and then (parsing is slow).
                    if reads.fetch_add(1, Ordering::SeqCst) % 64 == 0 {
                        let value: Big = serde_json::from_slice(&bytes).map_err(|e| {
                            format!("a reader found a torn file ({} bytes): {e}", bytes.len())
                        })?;
                        if value != a && value != b {
                            return Err("a reader found a value never saved".into());
                        }
                    }
                }
                Ok(())
            })
        };
        // At least 20 saves, and at least 2 s of them: a fast wrong answer
        // gets many chances to be caught.
        let start = tokio::time::Instant::now();
        let mut round = 0;
        while round < 20 || start.elapsed() < Duration::from_secs(2) {
            let value = if round % 2 == 0 { &b } else { &a };
            within("save_json", subject::save_json(&path, value)).await.unwrap();
            round += 1;
        }
        stop.store(true, Ordering::SeqCst);
        let outcome = tokio::task::spawn_blocking(move || reader.join())
            .await
            .unwrap()
            .expect("the reader thread panicked");
        outcome.unwrap_or_else(|problem| panic!("{problem}"));
        assert!(reads.load(Ordering::SeqCst) > 0, "the reader got to read");
    }
}

kit::exercise_tests! {
    lesson: lesson_08_files, exercise: download_all, id: "08-download-all";

    #[tokio::test]
    async fn six_downloads_under_a_limit_of_two() {
        let server = TestServer::start().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let sizes = [1000_u64, 0, 70_000, 256, 1 << 20, 12_345];
        let urls: Vec<String> = sizes
            .iter()
            .map(|n| server.url(&format!("/bytes/{n}?delay_ms=50")))
            .collect();
        let got = within("download_all",
            subject::download_all(&Client::new(), &urls, dir.path(), 2)).await
            .expect("every download succeeds");
        assert_eq!(got, sizes, "sizes in the order of the URLs");
        for (i, &size) in sizes.iter().enumerate() {
            let bytes = std::fs::read(dir.path().join(format!("{i}.bin")))
                .unwrap_or_else(|e| panic!("{i}.bin: {e}"));
            assert_eq!(bytes.len() as u64, size, "{i}.bin");
            assert!(pattern_ok(&bytes), "{i}.bin holds other bytes than the server sent");
        }
        assert!(server.max_in_flight() <= 2,
            "{} downloads at once: over the limit of 2", server.max_in_flight());
        assert_eq!(server.max_in_flight(), 2, "the limit of 2 should be used");
    }

    #[tokio::test]
    async fn ten_mebibytes_arrive_whole() {
        let server = TestServer::start().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let size = test_server::MAX_BYTES;
        let urls = vec![server.url(&format!("/bytes/{size}"))];
        let got = within("download_all",
            subject::download_all(&Client::new(), &urls, dir.path(), 1)).await
            .unwrap();
        assert_eq!(got, [size as u64]);
        let bytes = std::fs::read(dir.path().join("0.bin")).unwrap();
        assert_eq!(bytes.len(), size);
        assert!(pattern_ok(&bytes));
    }

    #[tokio::test]
    async fn an_error_status_is_an_error() {
        let server = TestServer::start().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let urls = vec![server.url("/bytes/10"), server.url("/status/404")];
        let result = within("download_all",
            subject::download_all(&Client::new(), &urls, dir.path(), 2)).await;
        assert!(result.is_err(), "a 404 must be an error (error_for_status)");
    }
}
