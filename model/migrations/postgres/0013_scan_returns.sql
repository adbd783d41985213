-- Step 13: returned scans, the signed confirmations faxed or scanned back,
-- matched by their barcode or waiting on the Unmatched returns list.

CREATE TABLE scan_returns (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, created_by varchar(80) NOT NULL DEFAULT '', updated_at timestamptz NOT NULL, updated_by varchar(80) NOT NULL DEFAULT '', version bigint NOT NULL DEFAULT 1, file_name text NOT NULL, stored_path text NOT NULL, sha256 varchar(64) NOT NULL, arrived_at timestamptz NOT NULL, pages bigint NOT NULL, codes text NOT NULL DEFAULT '', order_id bigint REFERENCES orders(id), rev bigint NOT NULL DEFAULT 0, status varchar(12) NOT NULL, reason text NOT NULL DEFAULT '', discard_reason text NOT NULL DEFAULT '');

CREATE INDEX idx_scan_returns_status ON scan_returns(status, arrived_at);

CREATE INDEX idx_scan_returns_order ON scan_returns(order_id);
