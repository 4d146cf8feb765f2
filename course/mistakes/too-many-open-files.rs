//! Mistake: opening every file at once, with no cap on how many are open.
//! Test: subject::read_all().await
//! Under: ulimit -n 64
pub async fn read_all() -> usize {
    let opens = (0..200).map(|_| tokio::fs::File::open("Cargo.toml"));
    let files = futures::future::join_all(opens).await;
    files.into_iter().map(|f| f.unwrap()).count()
}
