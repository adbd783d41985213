-- Step 8: counts by state and deadlines by gate, for the order list's counts
-- and the overdue views. The Go function of the step fills them from the
-- orders already stored (rebuildOrderTallies).

CREATE TABLE "order_state_counts" ("state" varchar(20),"n" bigint NOT NULL DEFAULT 0,PRIMARY KEY ("state"));

CREATE TABLE "order_deadlines" ("order_id" bigint,"gate" varchar(20),"due_at" timestamptz NOT NULL,PRIMARY KEY ("order_id","gate"));

CREATE INDEX IF NOT EXISTS "idx_order_deadlines_gate" ON "order_deadlines" ("gate","due_at");
