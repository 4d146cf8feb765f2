//! Wrong answer: every chunk read is upper-cased and sent back at once, with no line reading at all
//! Expect: a line goes back only once its \n has arrived
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

/// Upper-case is per byte: no need to wait for whole lines.
async fn shout(mut stream: TcpStream) -> io::Result<()> {
    let mut buf = [0; 1024];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        stream.write_all(&buf[..n].to_ascii_uppercase()).await?;
    }
}
