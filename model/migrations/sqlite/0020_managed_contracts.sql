-- Step 20: a customer's managed-service contract (seed 001: "no charges
-- for projects may appear on customers managed service contracts"). Empty
-- when the customer has none; the ticket rules refuse a Project ticket
-- charged to it.

-- if no column customers.managed_contract_ref
ALTER TABLE customers ADD COLUMN managed_contract_ref text NOT NULL DEFAULT '';
