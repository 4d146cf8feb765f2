//! Starting, addressing and shutting down a `TestServer`.

use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use test_server::TestServer;
use tokio::net::TcpStream;

#[tokio::test]
async fn start_picks_a_free_port_on_localhost() {
    let server = TestServer::start().await.unwrap();
    let addr = server.addr();
    assert_eq!(addr.ip(), Ipv4Addr::LOCALHOST);
    assert_ne!(addr.port(), 0);
    assert_eq!(
        server.base_url(),
        format!("http://127.0.0.1:{}", addr.port())
    );
    assert_eq!(server.url("/json"), format!("{}/json", server.base_url()));
    assert_eq!(server.url("json"), server.url("/json"));
    assert_eq!(server.connections(), 0);
    assert_eq!(server.requests(), 0);
}

#[tokio::test]
async fn two_servers_get_two_ports() {
    let first = TestServer::start().await.unwrap();
    let second = TestServer::start().await.unwrap();
    assert_ne!(first.addr(), second.addr());
}

#[tokio::test]
async fn start_on_reports_a_port_in_use() {
    let server = TestServer::start().await.unwrap();
    let err = TestServer::start_on(server.addr()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AddrInUse);
}

#[tokio::test]
async fn start_on_serves_on_the_given_address() {
    let server = TestServer::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap();
    let response = reqwest::get(server.url("/json")).await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn connections_counts_tcp_connections() {
    let server = TestServer::start().await.unwrap();
    let _a = TcpStream::connect(server.addr()).await.unwrap();
    let _b = TcpStream::connect(server.addr()).await.unwrap();
    // connect() returns once the kernel has queued the connection; the count
    // moves when the accept loop takes it, a moment later.
    wait_until(|| server.connections() == 2).await;
    assert_eq!(server.connections(), 2);
}

#[tokio::test]
async fn stop_refuses_new_connections() {
    let server = TestServer::start().await.unwrap();
    let addr = server.addr();
    server.stop().await;
    let err = TcpStream::connect(addr).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ConnectionRefused);
}

#[tokio::test]
async fn stop_does_not_wait_for_idle_keep_alive_connections() {
    let server = TestServer::start().await.unwrap();
    let http1 = reqwest::Client::builder().http1_only().build().unwrap();
    let http2 = reqwest::Client::builder()
        .http2_prior_knowledge()
        .build()
        .unwrap();
    for client in [&http1, &http2] {
        let response = client.get(server.url("/json")).send().await.unwrap();
        response.bytes().await.unwrap();
    }
    // Both clients still hold an idle connection open; stop must close them
    // rather than wait for the clients to go away (which they never would).
    tokio::time::timeout(Duration::from_secs(30), server.stop())
        .await
        .expect("stop() hung on idle connections");
}

#[tokio::test]
async fn dropping_the_server_shuts_it_down() {
    let server = TestServer::start().await.unwrap();
    let addr = server.addr();
    drop(server);
    // The accept loop notices the drop on its next turn.
    let mut refused = false;
    for _ in 0..3000 {
        match TcpStream::connect(addr).await {
            Err(err) if err.kind() == ErrorKind::ConnectionRefused => {
                refused = true;
                break;
            }
            _ => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
    assert!(refused, "the server still accepts connections after drop");
}

/// Polls `condition` until it holds, failing after a generous 30 s.
async fn wait_until(condition: impl Fn() -> bool) {
    for _ in 0..3000 {
        if condition() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("condition not met within 30 s");
}
