//! Exercise tests for lesson 09, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. They need SQLite only.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use lesson_09_databases::exercise_db::{
    add_items, customer_of, fresh as shop, lines_of, number as count, run,
    stock,
};
use sqlx::SqlitePool;

/// Runs a test body with a deadline, so a wrong answer fails, not hangs.
async fn within<T>(what: &str, fut: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(20), fut)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within 20 s"))
}

async fn shop_with_fruit() -> (lesson_09_databases::Scratch, SqlitePool) {
    let (scratch, pool) = shop().await;
    run(
        &pool,
        "INSERT INTO stock (sku, qty) VALUES ('apple', 5), ('pear', 3)",
    )
    .await;
    (scratch, pool)
}

const HOSTILE: &str = r#"x'); DROP TABLE visitors; -- "quoted" \ "#;

kit::exercise_tests! {
    lesson: lesson_09_databases, exercise: record_visit, id: "09-record-visit";

    #[tokio::test]
    async fn the_first_visit_counts_one_and_the_third_three() {
        let (_scratch, pool) = shop().await;
        let first = within("record_visit", subject::record_visit(&pool, "ada@x.org")).await.unwrap();
        assert_eq!(first.visits, 1, "the first visit inserts visits = 1");
        assert_eq!(first.email, "ada@x.org");
        subject::record_visit(&pool, "ada@x.org").await.unwrap();
        let third = subject::record_visit(&pool, "ada@x.org").await.unwrap();
        assert_eq!(third.visits, 3, "each visit adds one");
        assert_eq!(third.id, first.id, "the same visitor, not a new row");
        assert_eq!(count(&pool, "SELECT COUNT(*) FROM visitors").await, 1, "one row per email");
    }

    #[tokio::test]
    async fn two_emails_count_apart() {
        let (_scratch, pool) = shop().await;
        for email in ["a@x", "b@x", "a@x"] {
            within("record_visit", subject::record_visit(&pool, email)).await.unwrap();
        }
        let b = subject::record_visit(&pool, "b@x").await.unwrap();
        let a = subject::record_visit(&pool, "a@x").await.unwrap();
        assert_eq!((a.visits, b.visits), (3, 2));
        assert_ne!(a.id, b.id);
    }

    #[tokio::test]
    async fn an_email_full_of_sql_is_stored_as_it_is() {
        let (_scratch, pool) = shop().await;
        let v = within("record_visit", subject::record_visit(&pool, HOSTILE)).await
            .expect("bind the email as a parameter; never paste it into the SQL");
        assert_eq!(v.email, HOSTILE);
        let again = subject::record_visit(&pool, HOSTILE).await.unwrap();
        assert_eq!(again.visits, 2);
        assert_eq!(count(&pool, "SELECT COUNT(*) FROM visitors").await, 1, "the table survived");
    }
}

kit::exercise_tests! {
    lesson: lesson_09_databases, exercise: pages, id: "09-pages";

    #[tokio::test]
    async fn twenty_five_rows_in_pages_of_ten_come_as_10_10_5_in_order() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 25).await;
        let pages: Vec<_> = within("the stream", subject::pages(&pool, 10).try_collect::<Vec<_>>())
            .await
            .unwrap();
        let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
        assert_eq!(sizes, [10, 10, 5]);
        let ids: Vec<i64> = pages.iter().flatten().map(|item| item.id).collect();
        assert_eq!(ids, (1..=25).collect::<Vec<_>>(), "every row once, in id order");
        assert_eq!(pages[2][4].name, "item 25");
    }

    #[tokio::test]
    async fn an_exact_multiple_ends_without_an_empty_page() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 20).await;
        let pages: Vec<_> = within("the stream", subject::pages(&pool, 10).try_collect::<Vec<_>>())
            .await
            .unwrap();
        let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
        assert_eq!(sizes, [10, 10], "no empty page at the end");
    }

    #[tokio::test]
    async fn an_empty_table_gives_no_page() {
        let (_scratch, pool) = shop().await;
        let pages: Vec<_> = within("the stream", subject::pages(&pool, 10).try_collect::<Vec<_>>())
            .await
            .unwrap();
        assert!(pages.is_empty(), "got {pages:?}");
    }

    #[tokio::test]
    async fn pages_are_read_as_they_are_asked_for() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 7).await;
        let mut pages = subject::pages(&pool, 3);
        let first = within("the first page", pages.next()).await.expect("a page").unwrap();
        assert_eq!(first.len(), 3);
        // Rows added now, after the first page, still come.
        add_items(&pool, 2).await;
        let rest: Vec<Vec<_>> = within("the rest", pages.try_collect()).await.unwrap();
        let sizes: Vec<usize> = rest.iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 3], "rows 4..=9 in two pages");
    }

    #[tokio::test]
    async fn a_row_deleted_behind_the_reader_does_not_shift_the_pages() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 25).await;
        let mut pages = subject::pages(&pool, 10);
        within("the first page", pages.next()).await.expect("a page").unwrap();
        run(&pool, "DELETE FROM items WHERE id = 3").await;
        let second = within("the second page", pages.next()).await.expect("a page").unwrap();
        assert_eq!(
            second.first().map(|item| item.id),
            Some(11),
            "page by the last id seen (WHERE id > ?), not by OFFSET: \
             an OFFSET of 10 now skips row 11"
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_09_databases, exercise: place_order, id: "09-place-order";

    #[tokio::test]
    async fn an_order_takes_its_stock_and_is_recorded_with_its_lines() {
        let (_scratch, pool) = shop_with_fruit().await;
        let id = within("place_order", subject::place_order(&pool, "ada", &[("apple", 2), ("pear", 1)]))
            .await
            .unwrap();
        assert_eq!((stock(&pool, "apple").await, stock(&pool, "pear").await), (3, 2));
        let customer = customer_of(&pool, id).await;
        assert_eq!(customer.as_deref(), Some("ada"), "the returned id is the order's id");
        let lines = lines_of(&pool, id).await;
        assert_eq!(lines, [("apple".to_string(), 2), ("pear".to_string(), 1)]);
    }

    #[tokio::test]
    async fn a_line_that_cannot_be_served_undoes_the_whole_order() {
        let (_scratch, pool) = shop_with_fruit().await;
        let err = within("place_order", subject::place_order(&pool, "bob", &[("apple", 1), ("pear", 10)]))
            .await
            .expect_err("10 pears from a stock of 3");
        assert!(
            matches!(&err, subject::OrderError::OutOfStock(sku) if sku == "pear"),
            "expected OutOfStock(\"pear\"), got {err}"
        );
        assert_eq!(stock(&pool, "apple").await, 5, "the apple taken for line 1 must be put back");
        assert_eq!(stock(&pool, "pear").await, 3);
        assert_eq!(count(&pool, "SELECT COUNT(*) FROM orders").await, 0, "no order row may remain");
        assert_eq!(count(&pool, "SELECT COUNT(*) FROM order_lines").await, 0, "no line may remain");
    }

    #[tokio::test]
    async fn an_unknown_sku_is_out_of_stock_too() {
        let (_scratch, pool) = shop_with_fruit().await;
        let err = within("place_order", subject::place_order(&pool, "cy", &[("apple", 1), ("kiwi", 1)]))
            .await
            .expect_err("there are no kiwis");
        assert!(
            matches!(&err, subject::OrderError::OutOfStock(sku) if sku == "kiwi"),
            "expected OutOfStock(\"kiwi\"), got {err}"
        );
        assert_eq!(stock(&pool, "apple").await, 5, "the apple taken for line 1 must be put back");
        assert_eq!(count(&pool, "SELECT COUNT(*) FROM orders").await, 0, "no order row may remain");
    }

    #[tokio::test]
    async fn a_customer_name_full_of_sql_is_stored_as_it_is() {
        let (_scratch, pool) = shop_with_fruit().await;
        let name = r#"eve'); DELETE FROM stock; -- "#;
        let id = within("place_order", subject::place_order(&pool, name, &[("pear", 1)]))
            .await
            .unwrap();
        assert_eq!(customer_of(&pool, id).await.as_deref(), Some(name));
        assert_eq!(stock(&pool, "apple").await, 5, "the stock table is untouched");
    }

    #[tokio::test]
    async fn twenty_orders_at_once_for_ten_apples_sell_exactly_ten() {
        let (_scratch, pool) = shop().await;
        run(&pool, "INSERT INTO stock (sku, qty) VALUES ('apple', 10)").await;
        let names: Vec<String> = (0..20).map(|i| format!("c{i}")).collect();
        let orders = names.iter().map(|name| subject::place_order(&pool, name, &[("apple", 1)]));
        let results = within("20 orders at once", futures::future::join_all(orders)).await;
        let mut sold = 0;
        for result in &results {
            match result {
                Ok(_) => sold += 1,
                Err(subject::OrderError::OutOfStock(sku)) => assert_eq!(sku, "apple"),
                Err(e) => panic!("only OutOfStock may fail an order here, got: {e}"),
            }
        }
        assert_eq!(sold, 10, "exactly the 10 apples are sold");
        assert_eq!(stock(&pool, "apple").await, 0);
        assert_eq!(count(&pool, "SELECT COUNT(*) FROM orders").await, 10, "failed orders leave no row");
        assert_eq!(count(&pool, "SELECT COUNT(*) FROM order_lines").await, 10);
    }
}
