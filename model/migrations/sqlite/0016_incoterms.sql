-- Step 16: delivery terms (Incoterms 2020) for export customers: the
-- customer's default rule and named place, and the order's own, which the
-- intake copies from the customer and the clerk may change; the documents
-- print them.

-- if no column customers.incoterm
ALTER TABLE customers ADD COLUMN incoterm text NOT NULL DEFAULT '';

-- if no column customers.incoterm_place
ALTER TABLE customers ADD COLUMN incoterm_place text NOT NULL DEFAULT '';

-- if no column orders.incoterm
ALTER TABLE orders ADD COLUMN incoterm text NOT NULL DEFAULT '';

-- if no column orders.incoterm_place
ALTER TABLE orders ADD COLUMN incoterm_place text NOT NULL DEFAULT '';
