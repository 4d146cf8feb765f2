//! The demos (and the chapter's warnings) behave as the chapter says, on
//! tokio's paused clock.

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_06_queues::close_and_drain::{Side, close_then_drain};
use lesson_06_queues::python_queue::PyQueue;
use lesson_06_queues::{oneshot, send_error, task_done, try_send};
use tokio::sync::mpsc;
use tokio::time::timeout;

#[test]
fn try_send_hands_the_item_back_when_full_or_closed() {
    assert_eq!(
        try_send::try_send_outcomes(2, 4),
        ["0: queued", "1: queued", "2: full", "3: full", "4: closed"]
    );
}

#[tokio::test(start_paused = true)]
async fn close_from_either_side_refuses_sends_and_drains_what_is_queued() {
    for side in [Side::Sender, Side::Receiver] {
        let events = close_then_drain(side, 3).await;
        assert_eq!(
            events,
            [
                "closed: true",
                "send 3: refused",
                "recv 0",
                "recv 1",
                "recv 2",
                "recv: Err, closed and empty"
            ],
            "closed by the {side:?}"
        );
    }

    // tokio's `mpsc::Receiver::close()` drains the same way.
    let (tx, mut rx) = mpsc::channel(4);
    tx.send(0).await.unwrap();
    rx.close();
    assert_eq!(tx.send(1).await.unwrap_err().0, 1, "the refused item");
    assert_eq!(rx.recv().await, Some(0), "what was queued still comes");
    assert_eq!(rx.recv().await, None);
}

#[tokio::test(start_paused = true)]
async fn a_failed_send_hands_the_item_back() {
    let (outcomes, left) = send_error::route_three_jobs().await;
    assert_eq!(
        outcomes,
        [Ok("primary"), Ok("fallback"), Err("job 2".to_string())]
    );
    assert_eq!(left, 1, "closing the fallback kept job 1 for its receiver");

    // The same with tokio's `SendError` alone: `.0` is the item sent.
    let (tx, rx) = mpsc::channel::<Vec<u8>>(1);
    drop(rx);
    let err = tx.send(vec![1, 2, 3]).await.unwrap_err();
    assert_eq!(err.0, [1, 2, 3]);
}

#[tokio::test(start_paused = true)]
async fn the_python_queue_joins_when_every_item_is_done() {
    let queue = PyQueue::new(0);
    queue.put("a").await;
    queue.put("b").await;
    assert_eq!((queue.qsize(), queue.unfinished()), (2, 2));
    let worker = async {
        for _ in 0..2 {
            let _item = queue.get().await;
            tokio::time::sleep(secs(1)).await;
            queue.task_done();
        }
    };
    let ((), ((), took)) = tokio::join!(worker, measure(queue.join()));
    assert_exact(took, secs(2));
    assert_eq!((queue.qsize(), queue.unfinished()), (0, 0));
    // Nothing will ever be put: `get` waits for ever.
    assert!(timeout(secs(60), queue.get()).await.is_err());
}

#[tokio::test(start_paused = true)]
async fn task_tracker_tokens_join_each_batch_while_workers_live_on() {
    // Six 1 s jobs on two workers: join at 3 s; two more: join at 4 s.
    let joined =
        task_done::batches_with_join(&Timeline::new(), &[6, 2], secs(1)).await;
    assert_eq!(joined, [secs(3), secs(4)]);
}

#[tokio::test(start_paused = true)]
async fn oneshot_replies_and_reports_a_dropped_reply() {
    let (server, requests) = mpsc::channel(8);
    let serving = tokio::spawn(oneshot::serve(requests));
    let set = oneshot::Request::Set {
        key: "answer".into(),
        value: 42,
    };
    server.send(set).await.unwrap();
    assert_eq!(oneshot::get(&server, "answer").await, Ok(Some(42)));
    assert_eq!(oneshot::get(&server, "missing").await, Ok(None));
    drop(server);
    serving.await.unwrap();
    let ((), took) = measure(async {
        assert!(oneshot::dropped_reply().await.is_err());
    })
    .await;
    assert_exact(took, ms(0)); // told at once, not left waiting
}
