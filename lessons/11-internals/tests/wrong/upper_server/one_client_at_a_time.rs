//! Wrong answer: each client is served to its end before the next is accepted
//! Expect: serve every client at the same time
use std::io;

use crate::runtime::net::{TcpListener, TcpStream};

/// Serves `connections` clients with the upper-casing line protocol.
pub async fn serve_upper(
    listener: TcpListener,
    connections: usize,
) -> io::Result<()> {
    for _ in 0..connections {
        let (stream, _peer) = listener.accept().await?;
        shout(stream).await?;
    }
    Ok(())
}

async fn shout(mut stream: TcpStream) -> io::Result<()> {
    let mut pending = Vec::new();
    let mut buf = [0; 1024];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            if !pending.is_empty() {
                stream.write_all(&pending.to_ascii_uppercase()).await?;
            }
            return Ok(());
        }
        pending.extend_from_slice(&buf[..n]);
        while let Some(end) = pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = pending.drain(..=end).collect();
            stream.write_all(&line.to_ascii_uppercase()).await?;
        }
    }
}
