//! Lesson 01's claims, each asserted with the number it states.

use kit::Timeline;
use kit::timing::{assert_exact, secs};
use lesson_01_coroutines::{lazy, sequential};

// claim: coroutines/lazy
#[tokio::test]
async fn claim_coroutines_lazy() {
    let log = lazy::Log::default();
    let (before, after, greeting) = lazy::call_then_await(log.clone()).await;
    assert_eq!(before, 0, "calling the async fn ran none of its body");
    assert_eq!(after, 1, "awaiting it ran the body exactly once");
    assert_eq!(greeting, "hello, ferris");
    assert_eq!(*log.lock().unwrap(), ["greet(ferris) ran"]);
}

// claim: coroutines/sequential-awaits-add
#[tokio::test(start_paused = true)]
async fn claim_coroutines_sequential_awaits_add() {
    let timeline = Timeline::new();
    let took = sequential::one_then_two(&timeline).await;
    assert_exact(took, secs(3));
    // And the picture agrees: the 2 s wait started when the 1 s one ended.
    let second = timeline.span("wait 2s").unwrap();
    assert_eq!((second.start, second.end), (secs(1), Some(secs(3))));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "01-sequential.svg",
        &timeline.render_svg(),
    );
}
