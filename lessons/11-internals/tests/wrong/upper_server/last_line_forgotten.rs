//! Wrong answer: a last line without \n is never sent when the client closes
//! Expect: a last line without \n goes back when the client closes
use std::io;

use crate::runtime::net::{TcpListener, TcpStream};
use crate::runtime::spawn;

/// Serves `connections` clients with the upper-casing line protocol.
pub async fn serve_upper(
    listener: TcpListener,
    connections: usize,
) -> io::Result<()> {
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

async fn shout(mut stream: TcpStream) -> io::Result<()> {
    let mut pending = Vec::new();
    let mut buf = [0; 1024];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        pending.extend_from_slice(&buf[..n]);
        while let Some(end) = pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = pending.drain(..=end).collect();
            stream.write_all(&line.to_ascii_uppercase()).await?;
        }
    }
}
