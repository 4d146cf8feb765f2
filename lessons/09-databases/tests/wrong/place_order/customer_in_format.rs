//! Wrong answer: the customer's name is pasted into the SQL with format! (and AssertSqlSafe to make it compile)
//! Expect: never format! it into the SQL

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
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let insert = format!(
        "INSERT INTO orders (customer) VALUES ('{customer}') RETURNING id"
    );
    let order_id: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(insert))
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
