-- Step 5: tickets.

CREATE TABLE "tickets" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"no" varchar(20) NOT NULL,"type" varchar(30) NOT NULL,"status" bigint NOT NULL,"ext" varchar(10) NOT NULL DEFAULT '',"priority" bigint NOT NULL,"kept_priority" bigint NOT NULL,"open" boolean NOT NULL,"manager_id" bigint,"group_id" bigint,"customer_id" bigint,"contact_id" bigint,"order_id" bigint,"vendor_id" bigint,"shipment_no" varchar(20) NOT NULL DEFAULT '',"contract_ref" varchar(60) NOT NULL DEFAULT '',"subject" varchar(200) NOT NULL,"description" text NOT NULL DEFAULT '',"due_on" varchar(10),"resolution" text NOT NULL DEFAULT '',"charges" bigint NOT NULL DEFAULT 0,"charges_checked" boolean NOT NULL,"in_house_tried" boolean NOT NULL,"to_be_dispatched" boolean NOT NULL,"visit_on" varchar(10),"visit_scheduled" boolean NOT NULL,"fci_at" timestamptz,"ca1_at" timestamptz,"ca2_at" timestamptz,"ca3_at" timestamptz,"ca4_at" timestamptz,"recur_days" bigint NOT NULL DEFAULT 0,"next_run_on" varchar(10),"recur_from_id" bigint,"merged_into_id" bigint,"cancel_reason" varchar(300) NOT NULL DEFAULT '',PRIMARY KEY ("id"),CONSTRAINT "fk_tickets_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE RESTRICT,CONSTRAINT "fk_tickets_order" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT,CONSTRAINT "fk_tickets_vendor" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT,CONSTRAINT "fk_tickets_manager" FOREIGN KEY ("manager_id") REFERENCES "employees"("id") ON DELETE RESTRICT,CONSTRAINT "fk_tickets_group" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT,CONSTRAINT "fk_tickets_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT);

CREATE INDEX IF NOT EXISTS "idx_tickets_next_run_on" ON "tickets" ("next_run_on");

CREATE INDEX IF NOT EXISTS "idx_tickets_order_id" ON "tickets" ("order_id");

CREATE INDEX IF NOT EXISTS "idx_tickets_customer_id" ON "tickets" ("customer_id");

CREATE INDEX IF NOT EXISTS "idx_tickets_group_id" ON "tickets" ("group_id");

CREATE INDEX IF NOT EXISTS "idx_tickets_manager" ON "tickets" ("manager_id","open");

CREATE INDEX IF NOT EXISTS "idx_tickets_board" ON "tickets" ("status","due_on");

CREATE INDEX IF NOT EXISTS "idx_tickets_type" ON "tickets" ("type");

CREATE UNIQUE INDEX IF NOT EXISTS "idx_tickets_no" ON "tickets" ("no");

CREATE INDEX IF NOT EXISTS idx_tickets_status_updated ON tickets (status, updated_at);
