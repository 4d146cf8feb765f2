//! Exercise 09-place-order (challenge, a port): take an order, all or
//! nothing.
//!
//! Port this aiosqlite program's `place_order` to Rust. An order is a
//! customer and lines of `(sku, qty)`. Placing it records the order, takes
//! each line's quantity out of stock, and records the line. If any line
//! cannot be served (unknown sku, or not enough in stock), nothing at all
//! changes: no order, no line, no stock taken, and the error names the
//! sku. Return the new order's id.
//!
//! ```python
//! import asyncio, aiosqlite
//!
//! class OutOfStock(Exception):
//!     pass
//!
//! async def place_order(db, customer, lines):
//!     await db.execute("BEGIN IMMEDIATE")
//!     try:
//!         cur = await db.execute(
//!             "INSERT INTO orders (customer) VALUES (?) RETURNING id",
//!             (customer,))
//!         (order_id,) = await cur.fetchone()
//!         for sku, qty in lines:
//!             cur = await db.execute(
//!                 "UPDATE stock SET qty = qty - ? WHERE sku = ? AND qty >= ?",
//!                 (qty, sku, qty))
//!             if cur.rowcount == 0:
//!                 raise OutOfStock(sku)
//!             await db.execute(
//!                 "INSERT INTO order_lines (order_id, sku, qty) "
//!                 "VALUES (?, ?, ?)", (order_id, sku, qty))
//!         await db.commit()
//!         return order_id
//!     except BaseException:
//!         await db.rollback()
//!         raise
//!
//! async def main():
//!     async with aiosqlite.connect("shop.db") as db:
//!         print(await place_order(db, "ada", [("apple", 2), ("pear", 1)]))
//!
//! asyncio.run(main())
//! ```
//!
//! One difference to keep in mind: the Python shares one connection, so
//! its orders must go one at a time. Yours takes a pool, and the tests
//! place 20 orders at once.
//!
//! Tables (from `migrations/sqlite/0002_exercises.sql`): `stock (sku TEXT
//! PRIMARY KEY, qty INTEGER NOT NULL CHECK (qty >= 0))`, `orders (id
//! INTEGER PRIMARY KEY, customer TEXT NOT NULL)`, `order_lines (order_id,
//! sku, qty)`.
//!
//! The tests (`tests/exercises.rs`, module `place_order`) check: an order
//! of 2 apples and 1 pear from stock of 5 and 3 leaves 3 and 2 and records
//! the order and both lines; an order whose second line asks for 10 pears
//! fails with `OutOfStock("pear")` and leaves every table as it was; an
//! unknown sku fails the same way; a customer name full of SQL is stored
//! as it is; and 20 one-apple orders placed at once against 10 apples give
//! exactly 10 orders, 10 `OutOfStock("apple")`, and 0 apples left. In that
//! last test the pool has 20 connections, and the test holds SQLite's write
//! lock until all 20 orders are waiting inside the database: each can read
//! meanwhile, none can write.
//!
//! Check it: `cargo run -p course -- check 09-place-order`

use std::fmt;

use sqlx::SqlitePool;

/// Why an order was not placed.
#[derive(Debug)]
pub enum OrderError {
    /// This sku is unknown or has too little stock.
    OutOfStock(String),
    /// Anything the database said.
    Db(sqlx::Error),
}

impl From<sqlx::Error> for OrderError {
    fn from(e: sqlx::Error) -> Self {
        OrderError::Db(e)
    }
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderError::OutOfStock(sku) => write!(f, "out of stock: {sku}"),
            OrderError::Db(e) => write!(f, "database error: {e}"),
        }
    }
}

pub async fn place_order(
    pool: &SqlitePool,
    customer: &str,
    lines: &[(&str, i64)],
) -> Result<i64, OrderError> {
    todo!()
}
