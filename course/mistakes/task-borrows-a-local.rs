//! Mistake: a spawned task borrows a local instead of owning it (no `move`).
//! Fails: to compile
pub async fn count_words() -> usize {
    let words = vec!["tokio", "async", "await"];
    let task = tokio::spawn(async { words.len() });
    task.await.unwrap()
}
