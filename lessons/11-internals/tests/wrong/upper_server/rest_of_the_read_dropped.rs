//! Wrong answer: after the first \n of a read, the rest of that read is thrown away
//! Expect: bytes after a \n belong to the next line
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
    let mut line = Vec::new();
    let mut buf = [0; 1024];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            if !line.is_empty() {
                stream.write_all(&line.to_ascii_uppercase()).await?;
            }
            return Ok(());
        }
        match buf[..n].iter().position(|&b| b == b'\n') {
            Some(end) => {
                line.extend_from_slice(&buf[..=end]);
                stream.write_all(&line.to_ascii_uppercase()).await?;
                line.clear();
            }
            None => line.extend_from_slice(&buf[..n]),
        }
    }
}
