-- Step 14: the customer's tax ID (統一編號), printed on the confirmation
-- and the balance notice beside the office's.

-- if no column customers.tax_id
ALTER TABLE customers ADD COLUMN tax_id text NOT NULL DEFAULT '';
