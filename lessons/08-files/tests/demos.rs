//! The demos behave as the chapter says: reading and writing, line by line
//! with bounded memory, JSON, and the atomic write's tidiness.

use lesson_08_files::json_file::{self, Settings};
use lesson_08_files::{atomic, basics, crash, flush, lines, listing};

#[tokio::test]
async fn write_read_and_append() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let text = basics::write_then_read(&path, "one\n").await.unwrap();
    assert_eq!(text, "one\n");
    let text = basics::append_line(&path, "two").await.unwrap();
    assert_eq!(text, "one\ntwo\n");
}

#[tokio::test]
async fn error_lines_of_a_large_log_with_one_small_buffer() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("app.log");
    let expected = lines::write_sample_log(&log, 200_000).await.unwrap();
    assert_eq!(expected, 20_000);
    let size = std::fs::metadata(&log).unwrap().len();
    assert!(size > 10_000_000, "a log of {size} bytes");

    let errors = lines::error_lines(&log).await.unwrap();
    assert_eq!(errors.len(), 20_000);
    assert!(errors.iter().all(|l| l.contains("ERROR")));

    let out = dir.path().join("errors.log");
    let scan = lines::filter_errors(&log, &out).await.unwrap();
    assert_eq!((scan.lines, scan.errors), (200_000, 20_000));
    // One line's worth of buffer for a 10 MB file.
    assert!(scan.line_buffer < 256, "buffer of {}", scan.line_buffer);
    let copied = std::fs::read_to_string(&out).unwrap();
    assert_eq!(copied.lines().count(), 20_000, "the flush kept the tail");
}

#[tokio::test]
async fn json_round_trip_and_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let settings = Settings {
        name: "x".into(),
        retries: 2,
        servers: vec!["a".into()],
    };
    json_file::save(&path, &settings).await.unwrap();
    assert_eq!(json_file::load(&path).await.unwrap(), settings);
    std::fs::write(&path, "{\"name\": 1}").unwrap();
    let err = json_file::load(&path).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
}

#[tokio::test]
async fn an_atomic_write_replaces_the_file_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.bin");
    std::fs::write(&path, b"old").unwrap();
    atomic::write_atomic(&path, &b"new content"[..])
        .await
        .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new content");
    assert!(crash::leftover_temps(&path).unwrap().is_empty());
    let names = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(names, 1);
}

#[tokio::test]
async fn a_failed_atomic_write_removes_its_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    // Renaming a file over a directory fails: the temp file must go.
    let path = dir.path().join("taken");
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("inside"), b"x").unwrap();
    let result = atomic::write_atomic(&path, &b"new"[..]).await;
    assert!(result.is_err());
    assert!(crash::leftover_temps(&path).unwrap().is_empty());
}

#[test]
fn a_dropped_file_is_written_only_when_the_pool_gets_to_it() {
    // One blocking thread, kept busy: the write queued by the dropped file
    // must wait for it, so "right after the drop" is not a race here.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(1)
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("late.txt");
        let file = tokio::fs::File::create(&path).await.unwrap();
        let (release, busy) = std::sync::mpsc::channel::<()>();
        let blocker = tokio::task::spawn_blocking(move || busy.recv());

        flush::file_dropped(file, b"hello").await.unwrap();
        let right_after = std::fs::read(&path).unwrap();
        assert_eq!(right_after, b"", "a reader right after the drop");

        release.send(()).unwrap();
        blocker.await.unwrap().unwrap();
        let mut waited = 0;
        while std::fs::read(&path).unwrap() != b"hello" {
            assert!(waited < 10_000, "the queued write never landed");
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            waited += 1;
        }
    });
}

#[tokio::test]
async fn try_collect_lists_and_reads_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("b.txt", "bee"), ("a.txt", "ay"), ("c.txt", "sea")] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let names = listing::file_names(dir.path()).await.unwrap();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);
    let all = listing::read_all(dir.path()).await.unwrap();
    let expected = [("a.txt", "ay"), ("b.txt", "bee"), ("c.txt", "sea")]
        .map(|(n, t)| (n.to_string(), t.to_string()));
    assert_eq!(all, expected);

    // One file that is not UTF-8: the first error is the answer.
    std::fs::write(dir.path().join("d.bin"), [0xff, 0xfe]).unwrap();
    let err = listing::read_all(dir.path()).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);

    let missing = listing::file_names(&dir.path().join("nope")).await;
    assert_eq!(missing.unwrap_err().kind(), std::io::ErrorKind::NotFound);
}
