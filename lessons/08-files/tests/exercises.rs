//! Exercise tests for lesson 08, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Files live in temporary directories; the download tests talk to a test
//! server on 127.0.0.1, or to a one-request server of their own that sends
//! a body in parts. Every wait has a limit, so a wrong answer fails with a
//! message instead of hanging. Two tests run alone (`alone`): one measures
//! the memory the whole process holds.

// The counting allocator below implements an unsafe trait.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::future::Future;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use kit::grade::within;
use kit::timing::{ms, secs};
use lesson_08_files::lines::write_sample_log;
use reqwest::Client;
use serde::{Deserialize, Serialize};
use test_server::TestServer;

// ----------------------------------------------------------------- memory

/// Counts the bytes the whole process holds, and the most it held.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to `System` unchanged; we only update two
// atomics, which do not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now =
                HELD.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
            PEAK.fetch_max(now, Ordering::SeqCst);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: `ptr` came from `System.alloc` with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Awaits `fut`; also returns the most bytes held meanwhile beyond those
/// held when it began.
async fn most_memory_during<F: Future>(fut: F) -> (F::Output, usize) {
    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let out = fut.await;
    (out, PEAK.load(Ordering::SeqCst).saturating_sub(before))
}

/// Two tests run alone: one counts the memory the whole process holds, the
/// other races a reader against the saves and wants both cores. The rest
/// share nothing (each has its own folder and server) and run side by side.
static TURN: tokio::sync::RwLock<()> = tokio::sync::RwLock::const_new(());

/// Waits until no other test of this file runs.
async fn alone() -> tokio::sync::RwLockWriteGuard<'static, ()> {
    TURN.write().await
}

/// Waits until no test that runs [`alone`] runs (an async test).
async fn beside_others() -> tokio::sync::RwLockReadGuard<'static, ()> {
    TURN.read().await
}

/// Waits until no test that runs [`alone`] runs (a test that builds its
/// own runtime).
fn beside_others_blocking() -> tokio::sync::RwLockReadGuard<'static, ()> {
    TURN.blocking_read()
}

// ------------------------------------------------------------------ values

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

/// A value that cannot become JSON when it is `Broken`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
enum Doc {
    Fine(String),
    Broken,
}

impl Serialize for Doc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Doc::Fine(text) => {
                s.serialize_newtype_variant("Doc", 0, "Fine", text)
            }
            Doc::Broken => {
                Err(serde::ser::Error::custom("this value cannot be saved"))
            }
        }
    }
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the test folder can be listed")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{} could not be read: {e}", path.display()))
}

// --------------------------------------------------------------- downloads

/// `/bytes/{n}`'s pattern: byte `i` is `i % 256`.
fn pattern(n: usize) -> Vec<u8> {
    (0..n).map(|i| i as u8).collect()
}

/// Checks that `dir/{i}.bin` holds exactly `size` bytes of the pattern.
fn check_file(dir: &Path, i: usize, size: usize) {
    let bytes =
        std::fs::read(dir.join(format!("{i}.bin"))).unwrap_or_else(|e| {
            panic!("{i}.bin could not be read after download_all returned: {e}")
        });
    assert!(
        bytes.len() == size,
        "{i}.bin held {} of {size} bytes when download_all returned: flush the file \
         before you count the download as done",
        bytes.len()
    );
    assert!(
        bytes == pattern(size),
        "{i}.bin holds other bytes than the server sent"
    );
}

/// Serves one HTTP/1.1 request on a plain thread: the headers of a body of
/// `len` bytes, then `serve(socket)` writes the body.
fn one_request_server(
    len: usize,
    serve: impl FnOnce(&mut std::net::TcpStream) + Send + 'static,
) -> String {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let url = format!(
        "http://{}/body",
        listener.local_addr().expect("its address")
    );
    std::thread::spawn(move || {
        let Ok((mut socket, _)) = listener.accept() else {
            return;
        };
        let mut request = Vec::new();
        let mut byte = [0];
        while !request.ends_with(b"\r\n\r\n")
            && socket.read(&mut byte).unwrap_or(0) == 1
        {
            request.push(byte[0]);
        }
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n\
             content-length: {len}\r\n\r\n"
        );
        if socket.write_all(head.as_bytes()).is_ok() {
            serve(&mut socket);
        }
        // Hold the connection open a moment: the client closes it.
        std::thread::sleep(Duration::from_millis(200));
    });
    url
}

/// Sends on `tx` when dropped: a gate that opens however the test ends.
struct OpenOnDrop(mpsc::Sender<()>);

impl Drop for OpenOnDrop {
    fn drop(&mut self) {
        let _ = self.0.send(());
    }
}

/// Runs `test` on a current-thread runtime of its own while the test
/// server runs on another, so that the test's runtime counts only the
/// tasks of the code under test (and of its client).
fn with_server_apart<F, Fut>(test: F)
where
    F: FnOnce(Arc<TestServer>) -> Fut,
    Fut: Future<Output = ()>,
{
    let server_runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime for the test server");
    let server = server_runtime
        .block_on(TestServer::start())
        .expect("the test server starts");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for the test");
    runtime.block_on(test(Arc::new(server)));
}

/// Awaits `fut` and returns its output and the most tasks that were alive
/// at once on this runtime meanwhile, beyond those alive before it began.
async fn most_tasks_alive_during<F: Future>(fut: F) -> (F::Output, usize) {
    let metrics = tokio::runtime::Handle::current().metrics();
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = tokio::spawn({
        let (stop, metrics) = (stop.clone(), metrics.clone());
        async move {
            let mut most = 0;
            while !stop.load(Ordering::SeqCst) {
                most = most.max(metrics.num_alive_tasks());
                tokio::time::sleep(ms(1)).await;
            }
            most
        }
    });
    tokio::task::yield_now().await;
    let before = metrics.num_alive_tasks(); // the sampler, the client's own
    let out = fut.await;
    stop.store(true, Ordering::SeqCst);
    let most = sampler.await.expect("the task counter ran");
    (out, most.saturating_sub(before))
}

kit::exercise_tests! {
    lesson: lesson_08_files, exercise: count_errors, id: "08-count-errors";

    #[tokio::test]
    async fn a_large_log_is_read_line_by_line() {
        let _turn = alone().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let log = dir.path().join("app.log");
        let errors = write_sample_log(&log, 100_000).await.expect("the sample log is written");
        assert_eq!(errors, 10_000, "the sample log's ERROR lines");
        let size = std::fs::metadata(&log).expect("the log's size").len();
        let (count, held) = most_memory_during(within("count_matching of a 6 MB log",
            secs(30), subject::count_matching(&log, "ERROR"))).await;
        let count = count.expect("the log exists, so count_matching should return Ok");
        assert!(held < 1 << 20,
            "counting a {size}-byte log held up to {held} bytes in memory at once: read \
             it line by line, not the whole file at once");
        assert_eq!(count, 10_000, "ERROR lines counted in a log that has 10,000");
        let count = within("count_matching", secs(30),
            subject::count_matching(&log, "WARN")).await
            .expect("the log exists, so count_matching should return Ok");
        assert_eq!(count, 10_000, "WARN lines counted in a log that has 10,000");
    }

    #[tokio::test]
    async fn a_last_line_without_a_newline_counts() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("short.log");
        std::fs::write(&path, "ERROR one\nINFO two\nERROR three").expect("the log is written");
        let count = within("count_matching", secs(10),
            subject::count_matching(&path, "ERROR")).await
            .expect("the log exists, so count_matching should return Ok");
        assert_eq!(count, 2,
            "ERROR lines counted in \"ERROR one\\nINFO two\\nERROR three\" (the last \
             line has no newline and still counts)");
    }

    #[tokio::test]
    async fn a_line_is_counted_once_however_often_it_matches() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("twice.log");
        std::fs::write(&path, "ERROR: ERROR while logging an ERROR\nINFO fine\nERROR\n")
            .expect("the log is written");
        let count = within("count_matching", secs(10),
            subject::count_matching(&path, "ERROR")).await
            .expect("the log exists, so count_matching should return Ok");
        assert_eq!(count, 2,
            "count_matching counted {count} for two lines that contain ERROR (the first \
             three times): count the lines that match, not the matches");
    }

    #[tokio::test]
    async fn a_missing_file_is_an_error_not_zero() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let missing = dir.path().join("nope.log");
        let result = within("count_matching", secs(10),
            subject::count_matching(&missing, "ERROR")).await;
        let err = result.expect_err(
            "count_matching of a file that does not exist returned a count: a missing \
             file must be an error (let `?` pass it up), not 0");
        assert_eq!(err.kind(), ErrorKind::NotFound,
            "a missing file's error should be of kind NotFound, it was {err}");
    }
}

kit::exercise_tests! {
    lesson: lesson_08_files, exercise: save_json, id: "08-save-json";

    #[tokio::test]
    async fn saves_and_loads_back() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        let (one, two) = (big("one", 1), big("two", 2));
        within("save_all", secs(10), subject::save_all(&[(a.as_path(), &one), (&b, &two)]))
            .await
            .expect("two values into a fresh folder: save_all should return Ok");
        let back: Option<Big> = within("load_json", secs(10), subject::load_json(&a))
            .await
            .expect("a.json was saved: load_json should return Ok");
        assert!(back.as_ref() == Some(&one), "a.json did not load back as the value saved");
        let back: Option<Big> = within("load_json", secs(10), subject::load_json(&b))
            .await
            .expect("b.json was saved: load_json should return Ok");
        assert!(back.as_ref() == Some(&two), "b.json did not load back as the value saved");
    }

    #[tokio::test]
    async fn no_file_yet_is_none_and_garbage_is_invalid_data() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("state.json");
        let nothing: Option<Big> = within("load_json", secs(10), subject::load_json(&path))
            .await
            .expect("a missing file is None, not an error");
        assert!(nothing.is_none(), "load_json of a missing file gave {nothing:?}, not None");
        std::fs::write(&path, "{\"tag\": 5, \"numbers\": []}").expect("the file is written");
        let err = within("load_json", secs(10), subject::load_json::<Big>(&path))
            .await
            .expect_err("a number where Big has a string: load_json must fail");
        assert_eq!(err.kind(), ErrorKind::InvalidData,
            "a file that holds no Big should fail with InvalidData, it was {err}");
    }

    #[tokio::test]
    async fn a_changed_file_is_replaced_not_rewritten_in_place() {
        use std::os::unix::fs::MetadataExt;
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("state.json");
        let (old, new) = (Doc::Fine("old".into()), Doc::Fine("new".into()));
        within("save_all", secs(10), subject::save_all(&[(path.as_path(), &old)]))
            .await
            .expect("one value into a fresh folder: save_all should return Ok");
        // A reader that opened the file before the save.
        let mut reader = std::fs::File::open(&path).expect("the saved file opens");
        let inode = reader.metadata().expect("the file's metadata").ino();
        within("save_all", secs(10), subject::save_all(&[(path.as_path(), &new)]))
            .await
            .expect("saving over a file: save_all should return Ok");
        let now = std::fs::metadata(&path).expect("the file after the save").ino();
        let mut seen = String::new();
        reader.read_to_string(&mut seen).expect("the early reader reads");
        assert!(now != inode && seen.contains("old"),
            "state.json was rewritten in place (the same file, emptied and written \
             again: the early reader found {seen:?}): a reader can find it empty or \
             half-written; write a temporary file beside it and rename it over");
        assert!(read_text(&path).contains("new"), "state.json does not hold the new value");
    }

    #[tokio::test]
    async fn a_failed_save_changes_no_file() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        let old = Doc::Fine("old".into());
        within("save_all", secs(10), subject::save_all(&[(a.as_path(), &old), (&b, &old)]))
            .await
            .expect("two values into a fresh folder: save_all should return Ok");
        let before = names_in(dir.path());
        // The third file's folder does not exist: it cannot be written.
        let c = dir.path().join("missing").join("c.json");
        let new = Doc::Fine("new".into());
        let outcome = within("save_all", secs(10),
            subject::save_all(&[(a.as_path(), &new), (&b, &new), (&c, &new)])).await;
        let err = outcome.expect_err("c.json's folder does not exist: save_all must fail");
        assert_eq!(err.kind(), ErrorKind::NotFound,
            "the error should be the one from writing c.json (NotFound), it was {err}");
        for (name, path) in [("a.json", &a), ("b.json", &b)] {
            let text = read_text(path);
            assert!(text.contains("old"),
                "the save failed on its third file (its folder does not exist), yet \
                 {name} holds {text}: write every temporary file first, and rename only \
                 once all are written");
        }
        let after = names_in(dir.path());
        assert_eq!(after, before,
            "the failed save left the folder holding {after:?}, not {before:?}: remove \
             the temporary files when a save fails");
    }

    #[tokio::test]
    async fn a_value_that_cannot_become_json_changes_no_file() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        let old = Doc::Fine("old".into());
        within("save_all", secs(10), subject::save_all(&[(a.as_path(), &old), (&b, &old)]))
            .await
            .expect("two values into a fresh folder: save_all should return Ok");
        let new = Doc::Fine("new".into());
        let outcome = within("save_all", secs(10),
            subject::save_all(&[(a.as_path(), &new), (&b, &Doc::Broken)])).await;
        outcome.expect_err("b's value cannot become JSON: save_all must fail");
        let text = read_text(&a);
        assert!(text.contains("old"),
            "the save failed on its second value (it cannot become JSON), yet a.json \
             holds {text}: write every temporary file first, and rename only once all \
             are written");
        let names = names_in(dir.path());
        assert_eq!(names, ["a.json", "b.json"],
            "the failed save left the folder holding {names:?}: remove the temporary \
             files when a save fails");
    }

    #[tokio::test]
    async fn leaves_nothing_else_in_the_directory() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        for seed in 0..3 {
            let (one, two) = (big("a", seed), big("b", seed));
            within("save_all", secs(10), subject::save_all(&[(a.as_path(), &one), (&b, &two)]))
                .await
                .expect("two values into a folder: save_all should return Ok");
        }
        let names = names_in(dir.path());
        assert_eq!(names, ["a.json", "b.json"],
            "after three saves of a.json and b.json the folder holds {names:?}: \
             temporary files must be renamed or removed");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_reader_never_sees_a_torn_or_missing_file() {
        let _turn = alone().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("state.json");
        let (a, b) = (big("a", 1), big("b", 2));
        within("save_all", secs(10), subject::save_all(&[(path.as_path(), &a)]))
            .await
            .expect("one value into a fresh folder: save_all should return Ok");

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
                    if !looks.is_multiple_of(16) {
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
        // At least 20 saves, and at least 1 s of them.
        let start = tokio::time::Instant::now();
        let mut round = 0;
        while round < 20 || start.elapsed() < secs(1) {
            let value = if round % 2 == 0 { &b } else { &a };
            within("save_all", secs(10), subject::save_all(&[(path.as_path(), value)]))
                .await
                .expect("saving over a file: save_all should return Ok");
            round += 1;
        }
        stop.store(true, Ordering::SeqCst);
        let outcome = tokio::task::spawn_blocking(move || reader.join())
            .await
            .expect("the reader thread was joined")
            .expect("the reader thread panicked");
        if let Err(problem) = outcome {
            panic!("{problem} while save_all replaced it: write a temporary file and \
                    rename it over");
        }
        let reads = reads.load(Ordering::SeqCst);
        assert!(reads > 0, "the reader read the whole file {reads} times, never");
    }
}

kit::exercise_tests! {
    lesson: lesson_08_files, exercise: download_all, id: "08-download-all";

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_body_is_written_to_disk_as_it_arrives() {
        let _turn = beside_others().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (size, half) = (1 << 20, 1 << 19);
        let (go, wait) = mpsc::channel();
        let url = one_request_server(size, move |socket| {
            let body = pattern(size);
            // The first half, then nothing until the test saw it on disk.
            if socket.write_all(&body[..half]).is_ok() {
                let _ = wait.recv_timeout(Duration::from_secs(10));
                let _ = socket.write_all(&body[half..]);
            }
        });
        let go = OpenOnDrop(go);
        let client = Client::new();
        let urls = [url];
        let run = subject::download_all(&client, &urls, dir.path(), 1);
        tokio::pin!(run);
        let path = dir.path().join("0.bin");
        let on_disk = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        // A buffered writer may keep its last block: most of the half will do.
        let first_half = async {
            while on_disk() < (half - (64 << 10)) as u64 {
                tokio::time::sleep(ms(1)).await;
            }
        };
        tokio::select! {
            result = &mut run => panic!("download_all returned before the server sent the \
                                         second half of the body: {result:?}"),
            shown = tokio::time::timeout(secs(5), first_half) => if shown.is_err() {
                panic!("the server sent the first 512 KiB of a 1 MiB body and waited 5 s, \
                        and 0.bin held {} bytes: nothing was on disk before the whole \
                        body arrived: write each chunk as it comes", on_disk());
            },
        }
        drop(go); // the second half
        let sizes = within("download_all after the second half", secs(10), run)
            .await
            .expect("the whole body came: download_all should return Ok");
        assert_eq!(sizes, [size as u64], "the size download_all reported for a 1 MiB body");
        check_file(dir.path(), 0, size);
    }

    #[tokio::test]
    async fn an_error_status_is_an_error() {
        let _turn = beside_others().await;
        let server = TestServer::start().await.expect("the test server starts");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let urls = vec![server.url("/bytes/10"), server.url("/status/404")];
        let result = within("download_all", secs(10),
            subject::download_all(&Client::new(), &urls, dir.path(), 2)).await;
        let sizes = result.err().map(|e| e.to_string());
        assert!(sizes.is_some(),
            "download_all returned Ok for a list with a 404 in it: an error status must \
             be an error (error_for_status)");
    }

    #[tokio::test]
    async fn six_downloads_under_a_limit_of_two() {
        let _turn = beside_others().await;
        let server = TestServer::start().await.expect("the test server starts");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let sizes = [1000_u64, 0, 70_000, 256, 1 << 20, 12_345];
        let urls: Vec<String> = sizes
            .iter()
            .map(|n| server.url(&format!("/bytes/{n}?delay_ms=50")))
            .collect();
        let got = within("download_all of six bodies", secs(10),
            subject::download_all(&Client::new(), &urls, dir.path(), 2)).await
            .expect("every download succeeds: download_all should return Ok");
        for (i, &size) in sizes.iter().enumerate() {
            check_file(dir.path(), i, size as usize);
        }
        assert_eq!(got, sizes, "the sizes download_all returned should follow the URLs");
        let in_flight = server.max_in_flight();
        assert!(in_flight <= 2,
            "the most downloads in flight at once was {in_flight}, the limit was 2");
        assert_eq!(in_flight, 2,
            "the most downloads in flight at once was {in_flight}, with a limit of 2: \
             use both");
    }

    #[tokio::test]
    async fn ten_mebibytes_arrive_whole() {
        let _turn = beside_others().await;
        let server = TestServer::start().await.expect("the test server starts");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let size = test_server::MAX_BYTES;
        let urls = vec![server.url(&format!("/bytes/{size}"))];
        let got = within("download_all of 10 MiB", secs(20),
            subject::download_all(&Client::new(), &urls, dir.path(), 1)).await
            .expect("the download succeeds: download_all should return Ok");
        check_file(dir.path(), 0, size);
        assert_eq!(got, [size as u64], "the size download_all reported for 10 MiB");
    }

    #[test]
    fn the_downloads_run_in_at_most_limit_tasks() {
        let _turn = beside_others_blocking();
        with_server_apart(|server| async move {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let client = Client::builder().http1_only().build().expect("a client");
            // The client's connections, and their tasks, exist before counting.
            let warm = (0..2).map(|_| client.get(server.url("/bytes/1?delay_ms=20")).send());
            for answer in futures::future::join_all(warm).await {
                answer.expect("a first request");
            }
            let urls: Vec<String> =
                (0..6).map(|_| server.url("/bytes/1000?delay_ms=50")).collect();
            let (sizes, tasks) = most_tasks_alive_during(within(
                "download_all of six bodies", secs(10),
                subject::download_all(&client, &urls, dir.path(), 2))).await;
            assert!(tasks <= 2,
                "the most tasks of yours alive at once was {tasks}, the limit was 2: \
                 run 2 workers that take URLs from a shared queue");
            assert!(tasks == 2,
                "the most tasks of yours alive at once was {tasks}, with a limit of 2: \
                 run the downloads in 2 worker tasks (spawned), as the Python does");
            let sizes = sizes.expect("every download succeeds: download_all should return Ok");
            assert_eq!(sizes, [1000; 6], "the sizes download_all returned");
        });
    }

    #[test]
    fn the_file_is_complete_when_download_all_returns() {
        let _turn = beside_others_blocking();
        // One blocking thread: while the test holds it, no file write of
        // tokio's can run, so a write not awaited is still undone.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .max_blocking_threads(1)
            .build()
            .expect("a runtime for the test");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("0.bin");
        let size = 1000;
        let (release, held) = mpsc::channel::<()>();
        let (body_sent, body_was_sent) = tokio::sync::oneshot::channel();
        let url = one_request_server(size, {
            let (path, handle) = (path.clone(), runtime.handle().clone());
            move |socket| {
                // Once the file exists, take the one blocking thread...
                for _ in 0..5000 {
                    if path.exists() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
                let (running, is_running) = mpsc::channel();
                handle.spawn_blocking(move || {
                    let _ = running.send(());
                    let _ = held.recv_timeout(Duration::from_secs(10));
                });
                let _ = is_running.recv_timeout(Duration::from_secs(10));
                // ...then send the whole body at once: one chunk, one write.
                let _ = socket.write_all(&pattern(size));
                let _ = body_sent.send(());
            }
        });
        let release = OpenOnDrop(release);
        runtime.block_on(async {
            let client = Client::new();
            let urls = [url];
            let run = subject::download_all(&client, &urls, dir.path(), 1);
            tokio::pin!(run);
            // Its last write cannot run while the test holds the blocking
            // thread; an answer that returns now has not waited for it.
            let returned = tokio::select! {
                result = &mut run => Some(result),
                _ = body_was_sent => tokio::time::timeout(ms(500), &mut run).await.ok(),
            };
            if let Some(result) = returned {
                let on_disk = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                drop(release);
                result.expect("the body came: download_all should return Ok");
                assert!(on_disk == size as u64,
                    "0.bin held {on_disk} of {size} bytes when download_all returned: \
                     flush the file (file.flush().await) before you count the download \
                     as done; a tokio File finishes its last write in the background");
                return;
            }
            drop(release);
            let sizes = within("download_all", secs(10), run)
                .await
                .expect("the body came: download_all should return Ok");
            assert_eq!(sizes, [size as u64], "the size download_all reported");
            check_file(dir.path(), 0, size);
        });
    }
}
