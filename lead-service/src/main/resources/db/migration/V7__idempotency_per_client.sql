-- An Idempotency-Key belongs to the caller that sent it, and remembers the request it answered, so that a reuse with
-- another body is refused instead of answered with the first result.
ALTER TABLE idempotency_key ADD COLUMN client varchar(255) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key ADD COLUMN request_hash varchar(64);
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (client, key);
ALTER TABLE idempotency_key ALTER COLUMN client DROP DEFAULT;
