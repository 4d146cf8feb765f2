//! Exercise 14-pagination (core).
//!
//! Serve a list a page at a time, with query parameters checked. The
//! FastAPI it replaces:
//!
//! ```python
//! @app.get("/items")
//! async def list_items(offset: int = 0,
//!                      limit: int = Query(10, ge=1, le=100)):
//!     return {"items": ITEMS[offset:offset + limit], "total": len(ITEMS)}
//! ```
//!
//! `router(items)` returns a `Router` with one route, `GET /items`, taking
//! `?offset=N&limit=M` (both optional: 0 and 10). It answers 200 with
//! `{"items": [...], "total": <count of all items>}`; an offset past the
//! end gives an empty page. A limit outside 1..=100 answers 400 with
//! `{"error": "limit must be between 1 and 100"}`; a parameter that is not
//! a number answers 400 with a JSON `{"error": ...}` too (any message).
//!
//! The tests (`lessons/14-web/tests/exercises.rs`) serve your router on
//! 127.0.0.1 port 0 and call it with reqwest.
//!
//! Check it: `cargo run -p course -- check 14-pagination`

use axum::Router;

/// `GET /items` over `items`.
pub fn router(items: Vec<String>) -> Router {
    todo!()
}
