//! Exercise tests for lesson 04, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::time::Duration;

use futures::StreamExt;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_04_streams::consume::arrivals;
use lesson_04_streams::services::{Backend, Db, DbError, DbStats, PagedApi};

/// The limited-fetch jobs: chosen so that the two orders, and every
/// schedule, give different totals.
const JOBS: [(&str, Duration); 4] = [
    ("a", ms(400)),
    ("b", ms(100)),
    ("c", ms(200)),
    ("d", ms(300)),
];

fn names(results: &[String]) -> String {
    results.iter().map(|r| &r[..1]).collect()
}

fn stats(open: usize, committed: usize, rolled_back: usize) -> DbStats {
    DbStats {
        open,
        committed,
        rolled_back,
    }
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: countdown, id: "04-countdown";

    #[tokio::test(start_paused = true)]
    async fn counts_down_to_one() {
        let items: Vec<u32> = subject::countdown(3, ms(100)).collect().await;
        assert_eq!(items, [3, 2, 1]);
    }

    #[tokio::test(start_paused = true)]
    async fn each_number_comes_one_tick_after_the_last_and_no_tick_after_the_end() {
        let (items, took) = measure(arrivals(subject::countdown(3, ms(100)))).await;
        assert_eq!(items, [(3, ms(100)), (2, ms(200)), (1, ms(300))]);
        assert_exact(took, ms(300));
    }

    #[tokio::test(start_paused = true)]
    async fn zero_is_empty_and_ends_at_once() {
        let (items, took) = measure(subject::countdown(0, secs(1)).collect::<Vec<u32>>()).await;
        assert!(items.is_empty());
        assert_exact(took, Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn is_lazy_like_a_generator() {
        let stream = subject::countdown(2, ms(100));
        tokio::time::sleep(secs(1)).await; // not consumed yet: no tick may pass
        let items = arrivals(stream).await;
        assert_eq!(items, [(2, ms(100)), (1, ms(200))]);
    }
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: paginated, id: "04-paginated";

    #[tokio::test(start_paused = true)]
    async fn yields_every_item_in_order_and_stops_at_the_empty_page() {
        let api = PagedApi::new(7, 3, ms(100));
        let items: Vec<u32> = subject::all_items(api.clone()).collect().await;
        assert_eq!(items, [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(api.requests(), [0, 1, 2, 3], "pages 0..=2, then the empty page 3");
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
        assert_eq!(items, expected);
        assert_exact(took, ms(400)); // the empty page costs one more request
    }

    #[tokio::test(start_paused = true)]
    async fn requests_nothing_until_an_item_is_wanted() {
        let api = PagedApi::new(7, 3, ms(100));
        let stream = subject::all_items(api.clone());
        tokio::time::sleep(secs(1)).await;
        assert!(api.requests().is_empty(), "made the stream, asked for nothing");
        drop(stream);
    }

    #[tokio::test(start_paused = true)]
    async fn taking_a_few_items_costs_only_their_pages() {
        let api = PagedApi::new(100, 3, ms(100));
        let (items, took) = measure(subject::all_items(api.clone()).take(4).collect::<Vec<u32>>()).await;
        assert_eq!(items, [1, 2, 3, 4]);
        assert_eq!(api.requests(), [0, 1]);
        assert_exact(took, ms(200));
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_listing_is_one_request_and_no_items() {
        let api = PagedApi::new(0, 3, ms(100));
        let (items, took) = measure(subject::all_items(api.clone()).collect::<Vec<u32>>()).await;
        assert!(items.is_empty());
        assert_eq!(api.requests(), [0]);
        assert_exact(took, ms(100));
    }
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: limited_fetch, id: "04-limited-fetch";

    #[tokio::test(start_paused = true)]
    async fn in_order_keeps_the_input_order_with_two_at_a_time() {
        let backend = Backend::new();
        let (results, took) = measure(subject::fetch_in_order(&backend, &JOBS, 2)).await;
        assert_eq!(names(&results), "abcd");
        assert_eq!(results[0], "a: done in 400ms");
        // a and b start at 0; b's slot stays taken until a is handed back at
        // 400; then c and d run: 400 + 300 = 700 ms.
        assert_exact(took, ms(700));
        assert_eq!(backend.stats().max_in_flight, 2);
    }

    #[tokio::test(start_paused = true)]
    async fn as_ready_yields_in_finish_order_and_refills_slots_at_once() {
        let backend = Backend::new();
        let (results, took) = measure(subject::fetch_as_ready(&backend, &JOBS, 2)).await;
        assert_eq!(names(&results), "bcad");
        // b ends at 100 and c takes its slot (ends 300), d takes c's (ends 600).
        assert_exact(took, ms(600));
        assert_eq!(backend.stats().max_in_flight, 2);
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_of_one_is_one_at_a_time() {
        for in_order in [true, false] {
            let backend = Backend::new();
            let (results, took) = if in_order {
                measure(subject::fetch_in_order(&backend, &JOBS, 1)).await
            } else {
                measure(subject::fetch_as_ready(&backend, &JOBS, 1)).await
            };
            assert_eq!(names(&results), "abcd");
            assert_exact(took, ms(1000));
            assert_eq!(backend.stats().max_in_flight, 1);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_above_the_job_count_runs_everything_at_once() {
        for in_order in [true, false] {
            let backend = Backend::new();
            let (results, took) = if in_order {
                measure(subject::fetch_in_order(&backend, &JOBS, 10)).await
            } else {
                measure(subject::fetch_as_ready(&backend, &JOBS, 10)).await
            };
            assert_eq!(names(&results), if in_order { "abcd" } else { "bcda" });
            assert_exact(took, ms(400));
            assert_eq!(backend.stats(), lesson_04_streams::services::BackendStats {
                calls: 4,
                in_flight: 0,
                max_in_flight: 4,
            });
        }
    }
}

kit::exercise_tests! {
    lesson: lesson_04_streams, exercise: with_transaction, id: "04-with-transaction";

    #[tokio::test(start_paused = true)]
    async fn commits_when_the_body_returns_ok() {
        let db = Db::new();
        let work = subject::with_transaction(&db, async |tx| {
            tx.insert("a").await?;
            tx.insert("b").await?;
            Ok::<_, DbError>(2)
        });
        let (result, took) = measure(work).await;
        assert_eq!(result, Ok(2));
        assert_eq!(db.rows(), ["a", "b"]);
        assert_eq!(db.stats(), stats(0, 1, 0));
        assert_exact(took, ms(250)); // two inserts, then the commit is awaited
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
        assert_eq!(result, Err(DbError("empty row".into())));
        assert!(db.rows().is_empty(), "nothing of a failed transaction is visible");
        assert_eq!(db.stats(), stats(0, 0, 1));
        assert_exact(took, ms(200)); // no commit
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
        assert!(result.is_err(), "the timeout dropped it during the second insert");
        assert!(db.rows().is_empty());
        assert_eq!(db.stats(), stats(0, 0, 1), "rolled back, not left open");
    }

    #[tokio::test(start_paused = true)]
    async fn a_cancellation_during_the_commit_leaves_it_committed() {
        let db = Db::new();
        let work = subject::with_transaction(&db, async |tx| {
            tx.insert("a").await?;
            tx.insert("b").await?;
            Ok::<_, DbError>(())
        });
        // Inserts end at 200 ms; the commit's reply is due at 250 ms.
        let result = tokio::time::timeout(ms(225), work).await;
        assert!(result.is_err(), "the timeout fired while the commit's reply was awaited");
        assert_eq!(
            db.stats(),
            stats(0, 1, 0),
            "COMMIT was sent: committed, never left open (open, committed, rolled back)"
        );
        assert_eq!(db.rows(), ["a", "b"]);
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
        assert!(joined.unwrap_err().is_panic());
        assert!(db.rows().is_empty());
        assert_eq!(db.stats(), stats(0, 0, 1));
    }
}

/// Always true; keeps the panic above from making the rest of the body
/// unreachable code.
fn tx_is_doomed() -> bool {
    true
}
