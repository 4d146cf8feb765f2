-- Tables for the exercises: visitors (09-record-visit), items (09-pages),
-- and a small shop (09-place-order). A UNIQUE or key column needs a
-- length here: VARCHAR, not TEXT.
CREATE TABLE visitors (
    id     BIGINT       AUTO_INCREMENT PRIMARY KEY,
    email  VARCHAR(255) NOT NULL UNIQUE,
    visits BIGINT       NOT NULL
);

CREATE TABLE items (
    id   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name TEXT   NOT NULL
);

CREATE TABLE stock (
    sku VARCHAR(64) PRIMARY KEY,
    qty BIGINT      NOT NULL CHECK (qty >= 0)
);

CREATE TABLE orders (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer TEXT   NOT NULL
);

CREATE TABLE order_lines (
    order_id BIGINT      NOT NULL REFERENCES orders (id),
    sku      VARCHAR(64) NOT NULL REFERENCES stock (sku),
    qty      BIGINT      NOT NULL
);
