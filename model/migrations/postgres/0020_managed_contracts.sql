-- Step 20: a customer's managed-service contract (seed 001: "no charges
-- for projects may appear on customers managed service contracts"). Empty
-- when the customer has none; the ticket rules refuse a Project ticket
-- charged to it.

ALTER TABLE customers ADD COLUMN IF NOT EXISTS managed_contract_ref varchar(60) NOT NULL DEFAULT '';
