-- Step 15: the hourly slip pass reads only the orders whose promised date
-- may move today, through an index on the first day it may move again;
-- a customer's open orders are counted through an index of their own
-- (idx_orders_customer lacks the open flag: every order of a big customer
-- was read from disk to count the open ones).

ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "slip_due_on" varchar(10);

-- The office's day is not known here: the UTC day is at most one day
-- earlier, so the pass looks at these orders a day early at worst and
-- stores the exact day then.
UPDATE "orders" SET "slip_due_on" = to_char((sign_back_owed_since AT TIME ZONE 'UTC')::date + slip_days::int, 'YYYY-MM-DD')
WHERE sign_back_owed_since IS NOT NULL AND rel_clerk_at IS NULL AND confirmed_date IS NOT NULL AND confirmed_date <> '';

CREATE INDEX IF NOT EXISTS "idx_orders_slip_due_on" ON "orders" ("slip_due_on") WHERE slip_due_on IS NOT NULL;

CREATE INDEX IF NOT EXISTS "idx_orders_customer_open" ON "orders" ("customer_id","open","received_at");
