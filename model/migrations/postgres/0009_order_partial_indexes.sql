-- Step 9: the awaiting-sign-back and overdue indexes hold only the orders
-- that owe something; two indexes no query reads are gone.

DROP INDEX IF EXISTS "idx_orders_due_at";

CREATE INDEX IF NOT EXISTS "idx_orders_due_at" ON "orders" ("due_at") WHERE due_at IS NOT NULL;

DROP INDEX IF EXISTS "idx_orders_sign_back_owed_since";

CREATE INDEX IF NOT EXISTS "idx_orders_sign_back_owed_since" ON "orders" ("sign_back_owed_since") WHERE sign_back_owed_since IS NOT NULL;

DROP INDEX IF EXISTS idx_orders_taken_by_id;

DROP INDEX IF EXISTS idx_orders_salesperson_id;
