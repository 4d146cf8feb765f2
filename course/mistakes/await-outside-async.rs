//! Mistake: `.await` in a plain (not async) function.
//! Fails: to compile
async fn fetch() -> u32 {
    7
}

pub fn fetch_twice() -> u32 {
    fetch().await + fetch().await
}
