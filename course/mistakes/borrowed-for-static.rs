//! Mistake: `async move` moves a reference in, and the task outlives it.
//! Fails: to compile
pub async fn count_words() -> usize {
    let words = vec!["tokio", "async", "await"];
    let view = &words;
    let task = tokio::spawn(async move { view.len() });
    task.await.unwrap()
}
