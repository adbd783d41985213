-- Step 16: delivery terms (Incoterms 2020) for export customers: the
-- customer's default rule and named place, and the order's own, which the
-- intake copies from the customer and the clerk may change; the documents
-- print them.

ALTER TABLE customers ADD COLUMN IF NOT EXISTS incoterm varchar(3) NOT NULL DEFAULT '';

ALTER TABLE customers ADD COLUMN IF NOT EXISTS incoterm_place varchar(120) NOT NULL DEFAULT '';

ALTER TABLE orders ADD COLUMN IF NOT EXISTS incoterm varchar(3) NOT NULL DEFAULT '';

ALTER TABLE orders ADD COLUMN IF NOT EXISTS incoterm_place varchar(120) NOT NULL DEFAULT '';
