-- Step 7: indexes for the customer and product lists (active, by code).
-- A database created after this step got them from step 1 already.

CREATE INDEX IF NOT EXISTS "idx_customers_list" ON "customers" ("active","code");

CREATE INDEX IF NOT EXISTS "idx_products_list" ON "products" ("active","code");
