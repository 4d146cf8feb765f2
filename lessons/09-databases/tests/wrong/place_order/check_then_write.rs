//! Wrong answer: checks every line's stock first, then writes the computed quantities, with no transaction: concurrent orders oversell
//! Expect: read the stock before another order took from it

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
    // Check first, so that nothing needs undoing...
    let mut left = Vec::new();
    for &(sku, qty) in lines {
        let have: Option<i64> =
            sqlx::query_scalar("SELECT qty FROM stock WHERE sku = ?")
                .bind(sku)
                .fetch_optional(pool)
                .await?;
        match have {
            Some(have) if have >= qty => left.push((sku, qty, have - qty)),
            _ => return Err(OrderError::OutOfStock(sku.to_string())),
        }
    }
    // ...then write.
    let order_id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (customer) VALUES (?) RETURNING id",
    )
    .bind(customer)
    .fetch_one(pool)
    .await?;
    for (sku, qty, now) in left {
        sqlx::query("UPDATE stock SET qty = ? WHERE sku = ?")
            .bind(now)
            .bind(sku)
            .execute(pool)
            .await?;
        sqlx::query(
            "INSERT INTO order_lines (order_id, sku, qty) VALUES (?, ?, ?)",
        )
        .bind(order_id)
        .bind(sku)
        .bind(qty)
        .execute(pool)
        .await?;
    }
    Ok(order_id)
}
