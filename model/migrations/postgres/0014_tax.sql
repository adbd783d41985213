-- Step 14: the customer's tax ID (統一編號), printed on the confirmation
-- and the balance notice beside the office's.

ALTER TABLE customers ADD COLUMN IF NOT EXISTS tax_id varchar(20) NOT NULL DEFAULT '';
