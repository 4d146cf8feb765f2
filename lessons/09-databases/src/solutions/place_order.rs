//! Reference solution for exercise 09-place-order.

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
    // IMMEDIATE: take SQLite's write lock now, waiting (busy timeout) for
    // other orders to finish, rather than failing mid-way on a lock.
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let order_id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (customer) VALUES (?) RETURNING id",
    )
    .bind(customer)
    .fetch_one(&mut *tx)
    .await?;
    for &(sku, qty) in lines {
        let taken = sqlx::query(
            "UPDATE stock SET qty = qty - ? WHERE sku = ? AND qty >= ?",
        )
        .bind(qty)
        .bind(sku)
        .bind(qty)
        .execute(&mut *tx)
        .await?;
        if taken.rows_affected() == 0 {
            // `tx` is dropped uncommitted: everything above is undone.
            return Err(OrderError::OutOfStock(sku.to_string()));
        }
        sqlx::query(
            "INSERT INTO order_lines (order_id, sku, qty) VALUES (?, ?, ?)",
        )
        .bind(order_id)
        .bind(sku)
        .bind(qty)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(order_id)
}
