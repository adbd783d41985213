-- Step 17: returns (RMA, seed 004's Repair & Returns team): a return
-- authorization of an order's shipped goods, its lines, and the group that
-- works them.

CREATE TABLE "rmas" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"no" varchar(20) NOT NULL,"order_id" bigint NOT NULL,"shipment_id" bigint,"ticket_id" bigint,"state" varchar(12) NOT NULL,"due_on" varchar(10),"reason" varchar(12) NOT NULL,"qc_lot" varchar(40) NOT NULL DEFAULT '',"complaint" text NOT NULL DEFAULT '',"opened_by" varchar(80) NOT NULL DEFAULT '',"opened_by_id" bigint,"opened_at" timestamptz,"authorized_by" varchar(80) NOT NULL DEFAULT '',"authorized_by_id" bigint,"authorized_at" timestamptz,"received_by" varchar(80) NOT NULL DEFAULT '',"received_by_id" bigint,"received_at" timestamptz,"inspected_by" varchar(80) NOT NULL DEFAULT '',"inspected_by_id" bigint,"inspected_at" timestamptz,"findings" text NOT NULL DEFAULT '',"decision" varchar(10) NOT NULL DEFAULT '',"decided_by" varchar(80) NOT NULL DEFAULT '',"decided_by_id" bigint,"decided_at" timestamptz,"credit" bigint NOT NULL DEFAULT 0,"reject_reason" text NOT NULL DEFAULT '',"replacement_id" bigint,"closed_by" varchar(80) NOT NULL DEFAULT '',"closed_by_id" bigint,"closed_at" timestamptz,"cancelled_by" varchar(80) NOT NULL DEFAULT '',"cancelled_by_id" bigint,"cancelled_at" timestamptz,"cancel_reason" text NOT NULL DEFAULT '',PRIMARY KEY ("id"),CONSTRAINT "fk_rmas_order" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT);

CREATE UNIQUE INDEX IF NOT EXISTS "idx_rmas_no" ON "rmas" ("no");

CREATE INDEX IF NOT EXISTS "idx_rmas_order_id" ON "rmas" ("order_id");

CREATE INDEX IF NOT EXISTS "idx_rmas_shipment_id" ON "rmas" ("shipment_id");

CREATE INDEX IF NOT EXISTS "idx_rmas_ticket_id" ON "rmas" ("ticket_id");

CREATE INDEX IF NOT EXISTS "idx_rmas_due" ON "rmas" ("state","due_on");

CREATE TABLE "rma_lines" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"rma_id" bigint NOT NULL,"order_line_id" bigint NOT NULL,"line_no" bigint NOT NULL,"qty" bigint NOT NULL,PRIMARY KEY ("id"),CONSTRAINT "fk_rmas_lines" FOREIGN KEY ("rma_id") REFERENCES "rmas"("id"));

CREATE INDEX IF NOT EXISTS "idx_rma_lines_rma_id" ON "rma_lines" ("rma_id");

-- An office made before this step gets seed 004's Repair & Returns group
-- (a new office makes it with the other standard groups); an empty
-- database has no office yet and gets none here.
INSERT INTO "groups" ("created_at","created_by","updated_at","updated_by","version","code","name","name_zh","active")
SELECT now(), 'OrderDesk', now(), 'OrderDesk', 1, 'RR', 'Repair & Returns', '維修退貨', true
WHERE EXISTS (SELECT 1 FROM "groups") AND NOT EXISTS (SELECT 1 FROM "groups" WHERE "code" = 'RR');
