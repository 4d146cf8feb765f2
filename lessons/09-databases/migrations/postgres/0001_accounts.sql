-- Accounts for the transfer demos. The CHECK turns an overdraft into an
-- error inside the database, whatever the code above it does.
CREATE TABLE accounts (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner   TEXT   NOT NULL,
    balance BIGINT NOT NULL CHECK (balance >= 0)
);
