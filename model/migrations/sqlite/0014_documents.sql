-- Step 14: what the documents print that was not kept: the customer's tax
-- ID (統一編號), and why a confirmation revision was replaced (printed
-- beside "Rev 2 replaces Rev 1").

-- if no column customers.tax_id
ALTER TABLE customers ADD COLUMN tax_id text NOT NULL DEFAULT '';

-- if no column confirmation_revisions.replaced_because
ALTER TABLE confirmation_revisions ADD COLUMN replaced_because text NOT NULL DEFAULT '';
