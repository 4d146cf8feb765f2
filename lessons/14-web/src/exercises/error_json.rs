//! Exercise 14-error-json (warm-up).
//!
//! Turn a lookup error into the HTTP response a client can act on. The
//! FastAPI it replaces:
//!
//! ```python
//! @app.exception_handler(NotFound)
//! async def not_found(request, exc):
//!     return JSONResponse({"error": f"no {exc.kind} with id {exc.id}"},
//!                         status_code=404)
//! @app.exception_handler(Invalid)
//! async def invalid(request, exc):
//!     return JSONResponse({"error": exc.message}, status_code=400)
//! @app.exception_handler(Unavailable)
//! async def unavailable(request, exc):
//!     return JSONResponse({"error": "try again later"}, status_code=503,
//!                         headers={"Retry-After": "5"})
//! ```
//!
//! Every response has a JSON body `{"error": "..."}` (content type
//! `application/json`):
//!
//! - `NotFound { kind: "user", id: 7 }` → 404, `"no user with id 7"`;
//! - `Invalid(message)` → 400, the message as it is;
//! - `Unavailable` → 503, `"try again later"`, and a `retry-after: 5`
//!   header.
//!
//! The tests (`lessons/14-web/tests/exercises.rs`) call `into_response()`
//! and read the status, the headers and the body. No server needed.
//!
//! Check it: `cargo run -p course -- check 14-error-json`

use axum::response::{IntoResponse, Response};

/// What a lookup can fail with.
#[derive(Debug)]
pub enum LookupError {
    NotFound { kind: &'static str, id: i64 },
    Invalid(String),
    Unavailable,
}

impl IntoResponse for LookupError {
    fn into_response(self) -> Response {
        todo!()
    }
}
