-- Step 4: shipments: lines, notices, arrivals, receipt scans.

CREATE TABLE "shipments" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"no" varchar(16) NOT NULL,"order_id" bigint NOT NULL,"status" varchar(12) NOT NULL,"carrier" varchar(80) NOT NULL DEFAULT '',"tracking_no" varchar(60) NOT NULL DEFAULT '',"packages" bigint NOT NULL DEFAULT 0,"weight_kg" bigint NOT NULL DEFAULT 0,"ship_date" varchar(10) NOT NULL,"region" varchar(40) NOT NULL DEFAULT '',"lead_days" bigint NOT NULL DEFAULT 0,"expected_arrival" varchar(10) NOT NULL,"follow_up_on" varchar(10) NOT NULL,"ship_to" varchar(300) NOT NULL DEFAULT '',"note" text NOT NULL DEFAULT '',"emergency_by" varchar(80) NOT NULL DEFAULT '',"completes" boolean NOT NULL DEFAULT false,"remainder" boolean NOT NULL DEFAULT false,"notice_issued_by" varchar(80) NOT NULL DEFAULT '',"notice_issued_by_id" bigint,"notice_issued_at" timestamptz,"notice_document" varchar(400) NOT NULL DEFAULT '',"notice_sent_by" varchar(80) NOT NULL DEFAULT '',"notice_sent_by_id" bigint,"notice_sent_at" timestamptz,"notice_legible_by" varchar(80) NOT NULL DEFAULT '',"notice_legible_by_id" bigint,"notice_legible_at" timestamptz,"arrived_on" varchar(10),"arrival_by" varchar(80) NOT NULL DEFAULT '',"receipt_by" varchar(80) NOT NULL DEFAULT '',"receipt_by_id" bigint,"receipt_at" timestamptz,"receipt_scan" varchar(80) NOT NULL DEFAULT '',"receipt_scan_name" varchar(200) NOT NULL DEFAULT '',"problems" text NOT NULL DEFAULT '',"void_by" varchar(80) NOT NULL DEFAULT '',"void_by_id" bigint,"void_at" timestamptz,"void_reason" text NOT NULL DEFAULT '',PRIMARY KEY ("id"),CONSTRAINT "fk_shipments_order" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT);

CREATE INDEX IF NOT EXISTS "idx_shipments_remainder" ON "shipments" ("remainder");

CREATE INDEX IF NOT EXISTS "idx_shipments_month" ON "shipments" ("ship_date");

CREATE INDEX IF NOT EXISTS "idx_shipments_arrived" ON "shipments" ("status","arrived_on");

CREATE INDEX IF NOT EXISTS "idx_shipments_followup" ON "shipments" ("status","follow_up_on");

CREATE INDEX IF NOT EXISTS "idx_shipments_expected" ON "shipments" ("status","expected_arrival");

CREATE INDEX IF NOT EXISTS "idx_shipments_order" ON "shipments" ("order_id");

CREATE UNIQUE INDEX IF NOT EXISTS "idx_shipments_no" ON "shipments" ("no");

CREATE TABLE "shipment_lines" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"shipment_id" bigint NOT NULL,"order_line_id" bigint NOT NULL,"line_no" bigint NOT NULL,"qty" bigint NOT NULL,PRIMARY KEY ("id"),CONSTRAINT "fk_shipments_lines" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id"));

CREATE INDEX IF NOT EXISTS "idx_shipment_lines_order_line_id" ON "shipment_lines" ("order_line_id");

CREATE INDEX IF NOT EXISTS "idx_shipment_lines_shipment_id" ON "shipment_lines" ("shipment_id");
