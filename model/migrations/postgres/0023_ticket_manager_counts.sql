-- Step 23: a person's open-column counts from an index alone. The board
-- filtered to one person counts their tickets of each open status: with
-- no index on the manager and the status together, the count walked every
-- open ticket's status entry and read each row to see its manager (about
-- 5,000 rows at 200,000 tickets) to count the person's few hundred.

CREATE INDEX IF NOT EXISTS "idx_tickets_manager_status" ON "tickets" ("manager_id","status");
