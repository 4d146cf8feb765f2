//! The demos behave as the chapter says: reading and writing, line by line
//! with bounded memory, JSON, and the atomic write's tidiness.

use lesson_08_files::json_file::{self, Settings};
use lesson_08_files::{atomic, basics, crash, lines};

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
