-- Step 14: what the documents print that was not kept: the customer's tax
-- ID (統一編號), and why a confirmation revision was replaced (printed
-- beside "Rev 2 replaces Rev 1").

ALTER TABLE customers ADD COLUMN IF NOT EXISTS tax_id varchar(20) NOT NULL DEFAULT '';

ALTER TABLE confirmation_revisions ADD COLUMN IF NOT EXISTS replaced_because text NOT NULL DEFAULT '';
