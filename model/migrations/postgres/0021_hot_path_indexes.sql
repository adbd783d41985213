-- Step 21: the ticket board's columns in their own order. A column lists
-- the most urgent first (priority, then the due date, undated last, then
-- the number): with an index only on the status and due date, each page of
-- a column sorted every ticket of that status (over 1,200 at 200,000
-- tickets) to return 50. The expression is the one Tickets orders by, to
-- the letter, so the planner walks the index and stops at the page.

CREATE INDEX IF NOT EXISTS "idx_tickets_column" ON "tickets" ("status","priority" DESC,(CASE WHEN due_on IS NULL OR due_on = '' THEN 1 ELSE 0 END),"due_on","no");
