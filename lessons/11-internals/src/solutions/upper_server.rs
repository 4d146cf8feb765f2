//! Exercise 11-upper-server: reference solution.

use std::io;

use crate::runtime::net::{TcpListener, TcpStream};
use crate::runtime::spawn;

/// Serves `connections` clients with the upper-casing line protocol.
pub async fn serve_upper(
    listener: TcpListener,
    connections: usize,
) -> io::Result<()> {
    // One task per client, as `start_server` does: while one waits for
    // its client, the others are served.
    let mut handlers = Vec::new();
    for _ in 0..connections {
        let (stream, _peer) = listener.accept().await?;
        handlers.push(spawn(shout(stream)));
    }
    for handler in handlers {
        handler.await?;
    }
    Ok(())
}

/// `readline()` by hand: bytes pile up in `pending` until a `\n`.
async fn shout(mut stream: TcpStream) -> io::Result<()> {
    let mut pending = Vec::new();
    let mut buf = [0; 1024];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            // The client closed its side: send the last, unended line.
            if !pending.is_empty() {
                stream.write_all(&pending.to_ascii_uppercase()).await?;
            }
            return Ok(()); // dropping the stream closes it
        }
        pending.extend_from_slice(&buf[..n]);
        while let Some(end) = pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = pending.drain(..=end).collect();
            stream.write_all(&line.to_ascii_uppercase()).await?;
        }
    }
}
