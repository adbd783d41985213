-- Step 19: quotes that become orders (issue 22). A Quote ticket records
-- what was quoted: its lines, one set per revision of the quote (a revised
-- quote keeps the one sent before), the currency and the day it is valid
-- to; whether it was won (the order made from it) or lost (and why). An
-- order made from a quote names its ticket, indexed for the order list's
-- "from quotes" view.

CREATE TABLE IF NOT EXISTS "quote_lines" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"ticket_id" bigint NOT NULL,"rev" bigint NOT NULL,"line_no" bigint NOT NULL,"product_id" bigint NOT NULL,"qty" bigint NOT NULL,"unit" varchar(10) NOT NULL,"unit_price" bigint NOT NULL,PRIMARY KEY ("id"),CONSTRAINT "fk_quote_lines_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT,CONSTRAINT "fk_quote_lines_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT);

CREATE UNIQUE INDEX IF NOT EXISTS "idx_quote_line_no" ON "quote_lines" ("ticket_id","rev","line_no");

CREATE INDEX IF NOT EXISTS "idx_quote_lines_product_id" ON "quote_lines" ("product_id");

ALTER TABLE "tickets" ADD COLUMN IF NOT EXISTS "quote_rev" bigint NOT NULL DEFAULT 0;

ALTER TABLE "tickets" ADD COLUMN IF NOT EXISTS "quote_currency" varchar(3) NOT NULL DEFAULT '';

ALTER TABLE "tickets" ADD COLUMN IF NOT EXISTS "quote_valid_to" varchar(10);

ALTER TABLE "tickets" ADD COLUMN IF NOT EXISTS "quote_outcome" varchar(10) NOT NULL DEFAULT '';

ALTER TABLE "tickets" ADD COLUMN IF NOT EXISTS "quote_lost_reason" varchar(300) NOT NULL DEFAULT '';

ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "quote_ticket_id" bigint REFERENCES "tickets"("id");

CREATE INDEX IF NOT EXISTS "idx_orders_quote_ticket_id" ON "orders" ("quote_ticket_id") WHERE quote_ticket_id IS NOT NULL;
