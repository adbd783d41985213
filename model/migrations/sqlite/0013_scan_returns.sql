-- Step 13: returned scans, the signed confirmations faxed or scanned back,
-- matched by their barcode or waiting on the Unmatched returns list.

CREATE TABLE scan_returns (id integer PRIMARY KEY AUTOINCREMENT, created_at datetime NOT NULL, created_by text NOT NULL DEFAULT '', updated_at datetime NOT NULL, updated_by text NOT NULL DEFAULT '', version integer NOT NULL DEFAULT 1, file_name text NOT NULL, stored_path text NOT NULL, sha256 text NOT NULL, arrived_at datetime NOT NULL, pages integer NOT NULL, codes text NOT NULL DEFAULT '', order_id integer REFERENCES orders(id), rev integer NOT NULL DEFAULT 0, status text NOT NULL, reason text NOT NULL DEFAULT '', discard_reason text NOT NULL DEFAULT '');

CREATE INDEX idx_scan_returns_status ON scan_returns(status, arrived_at);

CREATE INDEX idx_scan_returns_order ON scan_returns(order_id);
