//! Mistake: a runtime built with timers only, then a socket on it.
//! Test: subject::talk_to_myself()
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;
use tokio::runtime::Builder;

pub fn talk_to_myself() -> u8 {
    let runtime = Builder::new_current_thread().enable_time().build().unwrap();
    runtime.block_on(async {
        let (mut a, mut b) = UnixStream::pair().unwrap();
        a.write_all(&[7]).await.unwrap();
        b.read_u8().await.unwrap()
    })
}
