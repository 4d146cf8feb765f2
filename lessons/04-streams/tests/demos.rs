//! The demos behave as the chapter says (paused clock where time matters).

use std::time::Duration;

use futures::StreamExt;
use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_04_streams::async_range::AsyncRange;
use lesson_04_streams::buffered::{self, JOBS, LIMIT};
use lesson_04_streams::close::{self, Server, Session};
use lesson_04_streams::consume::{self, arrivals};
use lesson_04_streams::generators::{async_range, channel_range};
use lesson_04_streams::guard::{self, Pool, QueryError};
use lesson_04_streams::services::Backend;
use lesson_04_streams::with_helper::{self, with_connection};
use tokio::time::{sleep, timeout};

// ---------------------------------------------------------------- streams

#[tokio::test(start_paused = true)]
async fn a_hand_written_stream_is_unpin_and_ends_with_none() {
    let mut range = AsyncRange::new(2, ms(10)); // no pin! needed: it is Unpin
    assert_eq!(range.next().await, Some(0));
    assert_eq!(range.next().await, Some(1));
    assert_eq!(range.next().await, None);
    assert_eq!(range.next().await, None, "and stays ended");
}

#[tokio::test(start_paused = true)]
async fn unfold_is_lazy_like_a_generator() {
    let stream = async_range(3, ms(100));
    sleep(secs(1)).await; // nobody asks for an item: nothing runs
    let items = arrivals(stream).await;
    assert_eq!(items, [(0, ms(100)), (1, ms(200)), (2, ms(300))]);
}

#[tokio::test(start_paused = true)]
async fn the_channel_generator_starts_at_once_and_runs_ahead_by_its_capacity() {
    let stream = channel_range(3, ms(100));
    sleep(secs(1)).await; // the task made item 0, buffered it, and made item 1
    let items = arrivals(stream).await;
    assert_eq!(items, [(0, ms(0)), (1, ms(0)), (2, ms(100))]);
}

#[tokio::test(start_paused = true)]
async fn the_channel_generator_stops_when_the_stream_is_dropped() {
    let metrics = tokio::runtime::Handle::current().metrics();
    let first_two: Vec<u32> =
        channel_range(1_000, ms(100)).take(2).collect().await;
    assert_eq!(first_two, [0, 1]);
    assert_eq!(metrics.num_alive_tasks(), 1, "the producer is still parked");
    sleep(ms(300)).await; // its next send fails: it returns
    assert_eq!(metrics.num_alive_tasks(), 0);
}

#[tokio::test(start_paused = true)]
async fn collect_is_the_async_comprehension() {
    let (squares, took) = measure(consume::even_squares(6)).await;
    assert_eq!(squares, [0, 4, 16]);
    assert_exact(took, ms(600)); // all six items are still produced
}

#[tokio::test(start_paused = true)]
async fn then_awaits_one_item_at_a_time() {
    let (found, took) = measure(consume::look_up(&["ada", "bo", "cy"])).await;
    assert_eq!(
        found,
        ["ada: done in 50ms", "bo: done in 50ms", "cy: done in 50ms"]
    );
    assert_exact(took, ms(150));
}

// ---------------------------------------------------------------- buffering

fn order(results: &[String]) -> String {
    results.iter().map(|r| &r[..1]).collect()
}

fn span(timeline: &Timeline, label: &str) -> (Duration, Duration) {
    let span = timeline.span(label).unwrap();
    (span.start, span.end.unwrap())
}

#[tokio::test(start_paused = true)]
async fn one_at_a_time_is_the_sum() {
    let (backend, timeline) = (Backend::new(), Timeline::new());
    let (results, took) =
        measure(buffered::one_at_a_time(&backend, &JOBS, &timeline)).await;
    assert_eq!(order(&results), "abcde");
    assert_exact(took, ms(900));
    assert_eq!(backend.stats().max_in_flight, 1);
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "04-one-at-a-time.svg",
        &timeline.render_svg(),
    );
}

#[tokio::test(start_paused = true)]
async fn buffered_keeps_order_and_a_slow_head_holds_back_new_starts() {
    let (backend, timeline) = (Backend::new(), Timeline::new());
    let (results, took) =
        measure(buffered::in_order(&backend, &JOBS, LIMIT, &timeline)).await;
    assert_eq!(order(&results), "abcde");
    assert_exact(took, ms(700));
    assert_eq!(backend.stats().max_in_flight, 2);
    // b is done at 100 ms, but c cannot start until a is handed back at 300.
    assert_eq!(span(&timeline, "b 100ms"), (ms(0), ms(100)));
    assert_eq!(span(&timeline, "c 250ms"), (ms(300), ms(550)));
    assert_eq!(span(&timeline, "e 150ms"), (ms(550), ms(700)));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "04-buffered.svg",
        &timeline.render_svg(),
    );
}

#[tokio::test(start_paused = true)]
async fn buffer_unordered_refills_a_slot_the_moment_it_frees() {
    let (backend, timeline) = (Backend::new(), Timeline::new());
    let (results, took) =
        measure(buffered::as_they_finish(&backend, &JOBS, LIMIT, &timeline))
            .await;
    assert_eq!(order(&results), "bacde");
    assert_exact(took, ms(500));
    assert_eq!(backend.stats().max_in_flight, 2);
    assert_eq!(span(&timeline, "c 250ms"), (ms(100), ms(350)));
    assert_eq!(span(&timeline, "e 150ms"), (ms(350), ms(500)));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "04-buffer-unordered.svg",
        &timeline.render_svg(),
    );
}

// ---------------------------------------------------------------- guards

#[tokio::test(start_paused = true)]
async fn a_select_that_drops_the_future_releases_the_connection_too() {
    let pool = Pool::new(1);
    tokio::select! {
        _ = guard::report(&pool, "users") => unreachable!("the report takes 300 ms"),
        () = sleep(ms(120)) => {}
    }
    assert_eq!((pool.released(), pool.available()), (1, 1));
    assert_eq!(
        pool.events().last().unwrap(),
        &(ms(120), "conn 1 released".to_string())
    );
}

#[tokio::test(start_paused = true)]
async fn a_held_connection_makes_the_next_acquire_wait() {
    let pool = Pool::new(1);
    let held = pool.acquire().await;
    assert!(
        timeout(ms(500), pool.acquire()).await.is_err(),
        "no free connection"
    );
    drop(held);
    let (_conn, took) = measure(pool.acquire()).await;
    assert_exact(took, Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_panic_releases_the_connection() {
    let pool = Pool::new(1);
    let task_pool = pool.clone();
    let joined = tokio::spawn(async move {
        let _conn = task_pool.acquire().await;
        panic!("bug while holding a connection");
    })
    .await;
    assert!(joined.unwrap_err().is_panic());
    assert_eq!((pool.released(), pool.available()), (1, 1));
}

#[tokio::test(start_paused = true)]
async fn with_connection_releases_on_ok_err_and_cancel() {
    let pool = Pool::new(1);
    let (result, took) = measure(with_helper::count_both(&pool)).await;
    assert_eq!(result.unwrap().len(), 2);
    assert_exact(took, ms(200));
    assert_eq!((pool.released(), pool.available()), (1, 1));

    let failed = with_connection(&pool, async |conn| {
        conn.query("SELECT * FROM nope", ms(10)).await
    })
    .await;
    assert_eq!(failed, Err(QueryError::NoSuchTable("nope".into())));
    assert_eq!((pool.released(), pool.available()), (2, 1));

    let slow = with_connection(&pool, async |conn| {
        conn.query("SELECT * FROM users", secs(5)).await
    });
    assert!(timeout(ms(50), slow).await.is_err());
    assert_eq!((pool.released(), pool.available()), (3, 1));
}

// ---------------------------------------------------------------- close

#[tokio::test]
async fn an_unflushed_tokio_bufwriter_loses_its_buffer() {
    assert_eq!(close::write_lines(true).await.unwrap(), b"line 1\nline 2\n");
    assert_eq!(close::write_lines(false).await.unwrap(), b"");
}

#[tokio::test(start_paused = true)]
async fn close_await_delivers_before_the_caller_goes_on() {
    let server = Server::new();
    let ((), took) = measure(close::polite(&server)).await;
    assert_exact(took, ms(50));
    let log = server.log();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|(at, _)| *at == ms(50)));
    assert_eq!(log[2].1, "goodbye (from close)");
}

#[tokio::test(start_paused = true)]
async fn a_forgotten_close_leaves_the_work_to_a_detached_task() {
    let server = Server::new();
    let ((), took) = measure(close::forgetful(&server)).await;
    assert_exact(took, Duration::ZERO);
    assert!(
        server.log().is_empty(),
        "nothing delivered when the caller moves on"
    );
    sleep(ms(100)).await;
    let log = server.log();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0], (ms(50), "got \"hello\"".to_string()));
    assert_eq!(
        log[2],
        (ms(50), "goodbye (from the Drop fallback)".to_string())
    );
}

#[test]
fn the_drop_fallback_never_runs_if_the_runtime_stops_first() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap();
    let server = runtime.block_on(async {
        let server = Server::new();
        close::forgetful(&server).await;
        server
    });
    drop(runtime); // like main() returning: the spawned delivery is dropped unrun
    assert!(server.log().is_empty());
}

#[test]
fn dropped_outside_a_runtime_the_messages_are_lost() {
    let server = Server::new();
    let mut session = Session::open(&server);
    session.send("hello");
    drop(session);
    let log = server.log();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].1, "dropped outside a runtime: 1 lost");
}

#[tokio::test(start_paused = true)]
async fn with_session_closes_after_the_body_whatever_it_returned() {
    let server = Server::new();
    let result: Result<(), &str> =
        close::with_session(&server, async |session| {
            session.send("partial");
            Err("the body failed")
        })
        .await;
    assert_eq!(result, Err("the body failed"));
    let log = server.log();
    assert_eq!(
        log.last().unwrap(),
        &(ms(50), "goodbye (from close)".to_string())
    );
}

// ---------------------------------------------------------------- boxed

#[tokio::test]
async fn boxing_gives_two_branches_one_type() {
    use lesson_04_streams::boxed::multiples;
    let some: Vec<u32> = multiples(3, 10).collect().await;
    assert_eq!(some, [0, 3, 6, 9]);
    let none: Vec<u32> = multiples(0, 10).collect().await;
    assert!(none.is_empty(), "a zero step ends at once");
}

#[tokio::test]
async fn flat_map_turns_lines_into_words_lazily() {
    use futures::stream;
    use lesson_04_streams::boxed::words;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let read = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = read.clone();
    let lines = stream::iter(["a b", "c", "d e f"])
        .map(move |line| {
            counter.fetch_add(1, Ordering::SeqCst);
            line.to_owned()
        })
        .boxed();
    let mut words = words(lines);
    assert_eq!(words.next().await.as_deref(), Some("a"));
    assert_eq!(
        read.load(Ordering::SeqCst),
        1,
        "only the first line is read"
    );
    let rest: Vec<String> = words.collect().await;
    assert_eq!(rest, ["b", "c", "d", "e", "f"]);
}
