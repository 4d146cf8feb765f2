//! Exercise tests for lesson 04, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::time::Duration;

use futures::StreamExt;
use futures::stream::BoxStream;
use kit::grade::took_exactly;
use kit::timing::{fmt_duration, measure, ms, secs};
use lesson_04_streams::consume::arrivals;
use lesson_04_streams::services::{Backend, Db, DbError, DbStats, PagedApi};
use tokio::time::Instant;

/// The limited-fetch jobs: chosen so that the input order, the finishing
/// order and every schedule differ.
const JOBS: [(&str, Duration); 4] = [
    ("a", ms(400)),
    ("b", ms(100)),
    ("c", ms(200)),
    ("d", ms(300)),
];

fn names(results: &[String]) -> String {
    results.iter().map(|r| &r[..1]).collect()
}

/// Transactions as text: `1 open, 0 committed, 0 rolled back`.
fn tally(db: &Db) -> String {
    let DbStats {
        open,
        committed,
        rolled_back,
    } = db.stats();
    format!("{open} open, {committed} committed, {rolled_back} rolled back")
}

fn stats(open: usize, committed: usize, rolled_back: usize) -> DbStats {
    DbStats {
        open,
        committed,
        rolled_back,
    }
}

/// Arrivals as text: `3 at 100ms, 2 at 200ms`.
fn shown<T: std::fmt::Debug>(arrivals: &[(T, Duration)]) -> String {
    let all: Vec<String> = arrivals
        .iter()
        .map(|(item, at)| format!("{item:?} at {}", fmt_duration(*at)))
        .collect();
    if all.is_empty() {
        "nothing".to_owned()
    } else {
        all.join(", ")
    }
}

/// What one run of `first_to_finish` should give.
struct Wanted {
    /// The first letters of the results, in the order returned.
    names: &'static str,
    took: Duration,
    /// How many fetches the backend should have seen start.
    calls: usize,
    max_in_flight: usize,
}

/// Checks one run of `first_to_finish`, naming the likely mistake.
fn check_first(
    call: &str,
    (results, took, backend): (&[String], Duration, &Backend),
    limit: usize,
    want: Wanted,
) {
    let stats = backend.stats();
    let max = stats.max_in_flight;
    assert!(
        max <= limit,
        "{call}: the most fetches in flight at once was {max}, the limit was {limit}"
    );
    assert!(
        max >= want.max_in_flight,
        "{call}: the most fetches in flight at once was {max}; {} should run \
         together here (one at a time, as `then` does?)",
        want.max_in_flight
    );
    let got = names(results);
    assert!(
        got == want.names,
        "{call} returned the results of {got:?}; it should return the first \
         results to arrive, in the order they finish: {:?}",
        want.names
    );
    assert!(
        stats.calls == want.calls && took == want.took,
        "{call} started {} fetches and took {}; it should stop once it has \
         enough results: {} fetches started, back at {}",
        stats.calls,
        fmt_duration(took),
        want.calls,
        fmt_duration(want.took)
    );
    assert!(
        stats.in_flight == 0,
        "{call}: {} fetches were still running after it returned; the ones no \
         longer needed must be cancelled",
        stats.in_flight
    );
    assert!(
        max == want.max_in_flight,
        "{call}: the most fetches in flight at once was {max}, expected {}",
        want.max_in_flight
    );
}

/// Consumes `stream` like a consumer that spends `work` on each item,
/// noting when each arrived (from the first ask).
async fn slow_arrivals(
    mut stream: BoxStream<'static, u32>,
    work: Duration,
) -> Vec<(u32, Duration)> {
    let start = Instant::now();
    let mut seen = Vec::new();
    while let Some(item) = stream.next().await {
        seen.push((item, start.elapsed()));
        tokio::time::sleep(work).await;
    }
    seen
}

/// Compares a countdown's arrivals with its schedule, naming the mistake.
fn check_schedule(
    call: &str,
    got: &[(u32, Duration)],
    want: &[(u32, Duration)],
    tick: Duration,
) {
    if got == want {
        return;
    }
    let items =
        |a: &[(u32, Duration)]| a.iter().map(|(n, _)| *n).collect::<Vec<_>>();
    assert!(
        items(got) == items(want),
        "{call} yielded {:?}; it should yield {:?} and stop at 1",
        items(got),
        items(want)
    );
    let first = got.first().map(|(_, at)| *at).unwrap_or_default();
    let why = if first.is_zero() {
        " (an `interval`'s first tick completes immediately)"
    } else {
        ""
    };
    assert!(
        first == tick,
        "{call}: the first number came {} after the first ask; it is due one \
         tick after it, at {}{why}",
        fmt_duration(first),
        fmt_duration(tick)
    );
    panic!(
        "{call} gave {}; number k is due k ticks after the first ask, whenever \
         the consumer asks again: {} (does each step sleep a whole tick from \
         the ask? then the schedule drifts)",
        shown(got),
        shown(want)
    );
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: countdown, id: "04-countdown";

    #[tokio::test(start_paused = true)]
    async fn a_slow_consumer_does_not_shift_the_schedule() {
        // Due at 100, 200, 300, 400 ms; the consumer asks again 150 ms after
        // each number, so 3, 2 and 1 are overdue when asked for: at once.
        let got = slow_arrivals(subject::countdown(4, ms(100)), ms(150)).await;
        let want = [(4, ms(100)), (3, ms(250)), (2, ms(400)), (1, ms(550))];
        check_schedule("countdown(4, 100ms) read by a consumer that takes 150ms a number", &got, &want, ms(100));
    }

    #[tokio::test(start_paused = true)]
    async fn counts_down_to_one() {
        let items: Vec<u32> = subject::countdown(3, ms(100)).collect().await;
        assert!(
            items == [3, 2, 1],
            "countdown(3, 100ms) yielded {items:?}; it should yield 3, 2, 1 and stop at 1"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn each_number_comes_one_tick_after_the_last_and_no_tick_after_the_end() {
        let (items, took) = measure(arrivals(subject::countdown(3, ms(100)))).await;
        let want = [(3, ms(100)), (2, ms(200)), (1, ms(300))];
        check_schedule("countdown(3, 100ms)", &items, &want, ms(100));
        assert!(
            took == ms(300),
            "countdown(3, 100ms) ended at {}; it should end with its last \
             number, at 300ms, with no tick after the last number",
            fmt_duration(took)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn is_lazy_like_a_generator() {
        let stream = subject::countdown(2, ms(100));
        tokio::time::sleep(secs(1)).await; // not consumed yet: no tick may pass
        let items = arrivals(stream).await;
        assert!(
            items == [(2, ms(100)), (1, ms(200))],
            "countdown(2, 100ms), made 1s before anyone asked for a number, \
             yielded {} (timed from the first ask); it should yield 2 at 100ms \
             and 1 at 200ms: the schedule starts at the first ask (did it \
             start when the stream was made?)",
            shown(&items)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn zero_is_empty_and_ends_at_once() {
        let (items, took) = measure(subject::countdown(0, secs(1)).collect::<Vec<u32>>()).await;
        assert!(items.is_empty(), "countdown(0, 1s) should yield nothing, it yielded {items:?}");
        took_exactly("countdown(0, 1s)", took, Duration::ZERO);
    }
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: paginated, id: "04-paginated";

    #[tokio::test(start_paused = true)]
    async fn an_empty_listing_is_one_request_and_no_items() {
        let api = PagedApi::new(0, 3, ms(100));
        let (items, took) = measure(subject::all_items(api.clone()).collect::<Vec<u32>>()).await;
        assert!(
            api.requests() == [0],
            "an empty listing should cost exactly one request, for page 0 \
             (pages count from 0); the stream requested pages {:?}",
            api.requests()
        );
        assert!(items.is_empty(), "an empty listing has no items, the stream yielded {items:?}");
        took_exactly("streaming an empty listing", took, ms(100));
    }

    #[tokio::test(start_paused = true)]
    async fn items_arrive_a_page_at_a_time() {
        let api = PagedApi::new(7, 3, ms(100));
        let (items, took) = measure(arrivals(subject::all_items(api))).await;
        let expected = [
            (1, ms(100)), (2, ms(100)), (3, ms(100)),
            (4, ms(200)), (5, ms(200)), (6, ms(200)),
            (7, ms(300)),
        ];
        assert!(
            items == expected,
            "7 items, 3 a page, 100ms a request: the items arrived as {}; each \
             page's items should come as soon as that page is fetched ({}) — \
             were all pages fetched before the first item was yielded?",
            shown(&items),
            shown(&expected)
        );
        took_exactly("streaming 3 pages and the empty 4th", took, ms(400));
    }

    #[tokio::test(start_paused = true)]
    async fn requests_nothing_until_an_item_is_wanted() {
        let api = PagedApi::new(7, 3, ms(100));
        let stream = subject::all_items(api.clone());
        tokio::time::sleep(secs(1)).await;
        assert!(
            api.requests().is_empty(),
            "the stream was made and left alone for 1s, and it had already \
             requested pages {:?}; no page may be requested before an item \
             from it is wanted",
            api.requests()
        );
        drop(stream);
    }

    #[tokio::test(start_paused = true)]
    async fn taking_a_few_items_costs_only_their_pages() {
        let api = PagedApi::new(100, 3, ms(100));
        let (items, took) = measure(subject::all_items(api.clone()).take(4).collect::<Vec<u32>>()).await;
        assert!(items == [1, 2, 3, 4], "the first 4 items should be 1, 2, 3, 4, got {items:?}");
        assert!(
            api.requests() == [0, 1],
            "taking 4 items, 3 a page, should request pages [0, 1]; the stream \
             requested {:?}",
            api.requests()
        );
        took_exactly("taking 4 items of 3 a page", took, ms(200));
    }

    #[tokio::test(start_paused = true)]
    async fn yields_every_item_in_order_and_stops_at_the_empty_page() {
        let api = PagedApi::new(7, 3, ms(100));
        let items: Vec<u32> = subject::all_items(api.clone()).collect().await;
        assert!(
            items == [1, 2, 3, 4, 5, 6, 7],
            "7 items, 3 a page: the stream yielded {items:?}, it should yield 1 to 7"
        );
        assert!(
            api.requests() == [0, 1, 2, 3],
            "7 items, 3 a page: the stream requested pages {:?}; it should \
             request pages 0, 1, 2, then the empty page 3, and stop",
            api.requests()
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: limited_fetch, id: "04-limited-fetch";

    #[tokio::test(start_paused = true)]
    async fn a_limit_of_one_is_one_at_a_time() {
        let backend = Backend::new();
        let (results, took) = measure(subject::first_to_finish(&backend, &JOBS, 1, 4)).await;
        let want = Wanted { names: "abcd", took: ms(1000), calls: 4, max_in_flight: 1 };
        check_first("first_to_finish(limit 1, n 4)", (&results, took, &backend), 1, want);
    }

    #[tokio::test(start_paused = true)]
    async fn a_slot_is_refilled_as_soon_as_a_fetch_ends() {
        // b ends at 100 and c takes its slot (ends 300), d takes c's (ends 600).
        let backend = Backend::new();
        let (results, took) = measure(subject::first_to_finish(&backend, &JOBS, 2, 4)).await;
        let want = Wanted { names: "bcad", took: ms(600), calls: 4, max_in_flight: 2 };
        check_first("first_to_finish(limit 2, n 4)", (&results, took, &backend), 2, want);
        assert!(
            results[0] == "b: done in 100ms",
            "the first result should be b's whole reply, `b: done in 100ms`, got {:?}",
            results[0]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn asking_for_none_fetches_nothing() {
        let backend = Backend::new();
        let (results, took) = measure(subject::first_to_finish(&backend, &JOBS, 2, 0)).await;
        let want = Wanted { names: "", took: ms(0), calls: 0, max_in_flight: 0 };
        check_first("first_to_finish(limit 2, n 0)", (&results, took, &backend), 2, want);
    }

    #[tokio::test(start_paused = true)]
    async fn more_than_there_are_returns_them_all() {
        let backend = Backend::new();
        let (results, took) = measure(subject::first_to_finish(&backend, &JOBS, 10, 10)).await;
        let want = Wanted { names: "bcda", took: ms(400), calls: 4, max_in_flight: 4 };
        check_first("first_to_finish(limit 10, n 10)", (&results, took, &backend), 10, want);
    }

    #[tokio::test(start_paused = true)]
    async fn returns_the_first_n_to_finish_and_stops() {
        // b ends at 100, c (started then) at 300: done. a is still running
        // and is cancelled; d is never started.
        let backend = Backend::new();
        let (results, took) = measure(subject::first_to_finish(&backend, &JOBS, 2, 2)).await;
        let want = Wanted { names: "bc", took: ms(300), calls: 3, max_in_flight: 2 };
        check_first("first_to_finish(limit 2, n 2)", (&results, took, &backend), 2, want);
    }

    #[tokio::test(start_paused = true)]
    async fn stops_fetching_once_it_has_enough() {
        let backend = Backend::new();
        let (results, took) = measure(subject::first_to_finish(&backend, &JOBS, 10, 1)).await;
        let want = Wanted { names: "b", took: ms(100), calls: 4, max_in_flight: 4 };
        check_first("first_to_finish(limit 10, n 1)", (&results, took, &backend), 10, want);
    }
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: with_transaction, id: "04-with-transaction";

    #[tokio::test(start_paused = true)]
    async fn a_cancellation_during_the_commit_leaves_it_committed() {
        let db = Db::new();
        let work = subject::with_transaction(&db, async |tx| {
            tx.insert("a").await?;
            tx.insert("b").await?;
            Ok::<_, DbError>(())
        });
        // Inserts end at 200 ms; the commit's reply is due at 250 ms.
        let (result, took) = measure(tokio::time::timeout(ms(225), work)).await;
        if let Ok(returned) = result {
            panic!(
                "with two 100ms inserts and the commit's reply due at 250ms, \
                 with_transaction returned {returned:?} at {}, before a 225ms \
                 timeout; it should still be awaiting the commit (was the \
                 commit skipped, or not awaited?)",
                fmt_duration(took)
            );
        }
        assert!(
            db.stats() == stats(0, 1, 0),
            "a timeout during the commit's reply left {}; \
             COMMIT was sent, so it should be committed, never rolled back or \
             left open",
            tally(&db)
        );
        assert!(db.rows() == ["a", "b"], "committed rows should be [a, b], got {:?}", db.rows());
    }

    #[tokio::test(start_paused = true)]
    async fn commits_when_the_body_returns_ok() {
        let db = Db::new();
        let work = subject::with_transaction(&db, async |tx| {
            tx.insert("a").await?;
            tx.insert("b").await?;
            Ok::<_, DbError>(2)
        });
        let (result, took) = measure(work).await;
        assert!(result == Ok(2), "the body returned Ok(2); with_transaction returned {result:?}");
        assert!(
            db.stats() == stats(0, 1, 0) && db.rows() == ["a", "b"],
            "the body returned Ok: the transaction should be committed with \
             rows [a, b]; it ended with {} and rows {:?}",
            tally(&db),
            db.rows()
        );
        // two inserts, then the commit is awaited
        took_exactly("two inserts and a commit", took, ms(250));
    }

    #[tokio::test(start_paused = true)]
    async fn rolls_back_when_cancelled_half_way() {
        let db = Db::new();
        let work = subject::with_transaction(&db, async |tx| {
            tx.insert("a").await?;
            tx.insert("b").await?;
            Ok::<_, DbError>(())
        });
        let result = tokio::time::timeout(ms(150), work).await;
        if let Ok(returned) = result {
            panic!(
                "a 150ms timeout should drop with_transaction during its \
                 second insert, but it returned {returned:?} before that"
            );
        }
        assert!(
            db.stats() == stats(0, 0, 1),
            "a timeout dropped with_transaction during the second insert, and \
             that left {}; it should be rolled back, not \
             left open (code after an `.await` never runs once the future is \
             dropped)",
            tally(&db)
        );
        assert!(db.rows().is_empty(), "a cancelled transaction left rows {:?}", db.rows());
    }

    #[tokio::test(start_paused = true)]
    async fn rolls_back_when_the_body_panics() {
        let db = Db::new();
        let task_db = db.clone();
        let joined = tokio::spawn(async move {
            subject::with_transaction(&task_db, async |tx| {
                tx.insert("a").await?;
                if tx_is_doomed() {
                    panic!("a bug in the body");
                }
                Ok::<_, DbError>(())
            })
            .await
        })
        .await;
        let err = joined.expect_err("the body panicked: the task should end in that panic");
        assert!(err.is_panic(), "the task should end in the body's panic, not {err:?}");
        assert!(
            db.stats() == stats(0, 0, 1) && db.rows().is_empty(),
            "the body panicked, and that left {}, with rows \
             {:?}; it should be rolled back, not left open",
            tally(&db),
            db.rows()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn rolls_back_when_the_body_returns_an_error() {
        let db = Db::new();
        let work = subject::with_transaction(&db, async |tx| {
            tx.insert("a").await?;
            tx.insert("").await?; // refused: the `?` returns the error
            Ok::<_, DbError>(())
        });
        let (result, took) = measure(work).await;
        let refused = Err(DbError("empty row".into()));
        assert!(result == refused, "the body returned {refused:?}; with_transaction returned {result:?}");
        assert!(
            db.stats() == stats(0, 0, 1) && db.rows().is_empty(),
            "the body returned an error, and that left {}, \
             with rows {:?}; an error must roll the transaction back, not \
             commit it or leave it open",
            tally(&db),
            db.rows()
        );
        took_exactly("two inserts, the second refused, and no commit", took, ms(200));
    }
}

/// Always true; keeps the panic above from making the rest of the body
/// unreachable code.
fn tx_is_doomed() -> bool {
    true
}
