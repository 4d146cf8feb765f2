//! Mistake: block_in_place under #[tokio::test], a current-thread runtime.
//! Test: subject::checksum().await
pub async fn checksum() -> u64 {
    tokio::task::block_in_place(|| (1..=1000u64).sum())
}
