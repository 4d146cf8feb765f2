//! Exercise 11-upper-server (challenge): a port.
//!
//! Port this asyncio server to the lesson's own runtime
//! (`lesson_11_internals::runtime`: its `TcpListener`, `TcpStream`,
//! `spawn`):
//!
//! ```python
//! import asyncio
//!
//! async def shout(reader, writer):
//!     # readline() returns b"" at the end, or a last line without "\n"
//!     while line := await reader.readline():
//!         writer.write(line.upper())
//!         await writer.drain()
//!     writer.close()
//!
//! async def main():
//!     server = await asyncio.start_server(shout, "127.0.0.1", 0)
//!     async with server:
//!         await server.serve_forever()
//!
//! asyncio.run(main())
//! ```
//!
//! `serve_upper(listener, connections)` serves exactly `connections`
//! clients, all at the same time, and returns `Ok(())` once every one of
//! them has hung up (unlike `serve_forever`, so that tests can end). Each
//! line goes back in upper case (ASCII) as soon as its `\n` has arrived,
//! even if it came in pieces; a last line without `\n` goes back when the
//! client closes its side.
//!
//! The tests (the `upper_server` module of
//! `lessons/11-internals/tests/exercises.rs`) connect real clients on
//! 127.0.0.1 and check: half a line (`hel`, no `\n`) gets no answer yet,
//! while a second client is served, and `lo\n` then brings `HELLO\n`; two
//! lines from one client; a line sent in pieces answered before the
//! client's next bytes; 20 clients held open together, each answered; the
//! function returning after its clients leave.
//!
//! Check it: `cargo run -p course -- check 11-upper-server`

use std::io;

use crate::runtime::net::TcpListener;

/// Serves `connections` clients with the upper-casing line protocol.
pub async fn serve_upper(
    listener: TcpListener,
    connections: usize,
) -> io::Result<()> {
    todo!()
}
