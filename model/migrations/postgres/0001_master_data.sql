-- Step 1: master data: people, groups, teams, customers, contacts, vendors, products, prices, events, settings.

CREATE TABLE "events" ("id" bigserial,"entity" varchar(20) NOT NULL,"entity_id" bigint NOT NULL,"at" timestamptz NOT NULL,"by" varchar(80) NOT NULL,"by_id" bigint NOT NULL DEFAULT 0,"action" varchar(40) NOT NULL,"from" varchar(40) NOT NULL DEFAULT '',"to" varchar(40) NOT NULL DEFAULT '',"lines" text NOT NULL DEFAULT '',"changes" text NOT NULL DEFAULT '',"note" text NOT NULL DEFAULT '',PRIMARY KEY ("id"));

CREATE INDEX IF NOT EXISTS "idx_events_entity" ON "events" ("entity","entity_id","at");

CREATE TABLE "settings" ("key" varchar(60),"value" text NOT NULL,"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL,PRIMARY KEY ("key"));

CREATE TABLE "employees" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"name" varchar(80) NOT NULL,"name_zh" varchar(40) NOT NULL DEFAULT '',"initials" varchar(8) NOT NULL,"email" varchar(120) NOT NULL DEFAULT '',"phone" varchar(40) NOT NULL DEFAULT '',"active" boolean NOT NULL,"manager" boolean NOT NULL,PRIMARY KEY ("id"));

CREATE UNIQUE INDEX IF NOT EXISTS "idx_employees_initials" ON "employees" ("initials");

CREATE UNIQUE INDEX IF NOT EXISTS "idx_employees_name" ON "employees" ("name");

CREATE TABLE "groups" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"code" varchar(20) NOT NULL,"name" varchar(80) NOT NULL,"name_zh" varchar(40) NOT NULL DEFAULT '',"active" boolean NOT NULL,PRIMARY KEY ("id"));

CREATE UNIQUE INDEX IF NOT EXISTS "idx_groups_code" ON "groups" ("code");

CREATE TABLE "group_members" ("group_id" bigint,"employee_id" bigint,PRIMARY KEY ("group_id","employee_id"),CONSTRAINT "fk_group_members_group" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT,CONSTRAINT "fk_group_members_employee" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE RESTRICT);

CREATE INDEX IF NOT EXISTS "idx_group_members_employee_id" ON "group_members" ("employee_id");

CREATE TABLE "teams" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"code" varchar(20) NOT NULL,"name" varchar(120) NOT NULL,"kind" varchar(20) NOT NULL,"vision" text NOT NULL DEFAULT '',"culture" text NOT NULL DEFAULT '',"active" boolean NOT NULL,PRIMARY KEY ("id"));

CREATE UNIQUE INDEX IF NOT EXISTS "idx_teams_code" ON "teams" ("code");

CREATE TABLE "team_members" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"team_id" bigint NOT NULL,"employee_id" bigint NOT NULL,"roles" text NOT NULL DEFAULT '',"part_time" boolean NOT NULL,PRIMARY KEY ("id"),CONSTRAINT "fk_team_members_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT,CONSTRAINT "fk_team_members_employee" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE RESTRICT);

CREATE INDEX IF NOT EXISTS "idx_team_members_employee_id" ON "team_members" ("employee_id");

CREATE UNIQUE INDEX IF NOT EXISTS "idx_team_member" ON "team_members" ("team_id","employee_id");

CREATE TABLE "customers" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"code" varchar(20) NOT NULL,"name_zh" varchar(120) NOT NULL DEFAULT '',"name_en" varchar(120) NOT NULL DEFAULT '',"tier" varchar(1) NOT NULL,"deposit_percent" bigint NOT NULL,"payment_terms" varchar(120) NOT NULL DEFAULT '',"contract_ref" varchar(60) NOT NULL DEFAULT '',"currency" varchar(3) NOT NULL,"salesperson_id" bigint,"phone" varchar(40) NOT NULL DEFAULT '',"fax" varchar(40) NOT NULL DEFAULT '',"email" varchar(120) NOT NULL DEFAULT '',"billing_address" varchar(300) NOT NULL DEFAULT '',"delivery_address" varchar(300) NOT NULL DEFAULT '',"region" varchar(40) NOT NULL DEFAULT '',"doc_language" varchar(8) NOT NULL,"active" boolean NOT NULL,"search" varchar(800) NOT NULL DEFAULT '',PRIMARY KEY ("id"),CONSTRAINT "fk_customers_salesperson" FOREIGN KEY ("salesperson_id") REFERENCES "employees"("id"));

CREATE INDEX IF NOT EXISTS "idx_customers_active" ON "customers" ("active");

CREATE INDEX IF NOT EXISTS "idx_customers_salesperson_id" ON "customers" ("salesperson_id");

CREATE INDEX IF NOT EXISTS "idx_customers_list" ON "customers" ("active","code");

CREATE UNIQUE INDEX IF NOT EXISTS "idx_customers_code" ON "customers" ("code");

CREATE TABLE "vendors" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"code" varchar(20) NOT NULL,"name_zh" varchar(120) NOT NULL DEFAULT '',"name_en" varchar(120) NOT NULL DEFAULT '',"phone" varchar(40) NOT NULL DEFAULT '',"fax" varchar(40) NOT NULL DEFAULT '',"email" varchar(120) NOT NULL DEFAULT '',"address" varchar(300) NOT NULL DEFAULT '',"active" boolean NOT NULL,"search" varchar(800) NOT NULL DEFAULT '',PRIMARY KEY ("id"));

CREATE INDEX IF NOT EXISTS "idx_vendors_active" ON "vendors" ("active");

CREATE UNIQUE INDEX IF NOT EXISTS "idx_vendors_code" ON "vendors" ("code");

CREATE TABLE "contacts" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"customer_id" bigint,"vendor_id" bigint,"name" varchar(80) NOT NULL,"title" varchar(80) NOT NULL DEFAULT '',"phone" varchar(40) NOT NULL DEFAULT '',"mobile" varchar(40) NOT NULL DEFAULT '',"fax" varchar(40) NOT NULL DEFAULT '',"email" varchar(120) NOT NULL DEFAULT '',"can_sign" boolean NOT NULL,"active" boolean NOT NULL,PRIMARY KEY ("id"),CONSTRAINT "fk_contacts_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT,CONSTRAINT "fk_contacts_vendor" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT);

CREATE INDEX IF NOT EXISTS "idx_contacts_vendor_id" ON "contacts" ("vendor_id");

CREATE INDEX IF NOT EXISTS "idx_contacts_customer_id" ON "contacts" ("customer_id");

CREATE TABLE "products" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"code" varchar(30) NOT NULL,"name_zh" varchar(120) NOT NULL DEFAULT '',"name_en" varchar(120) NOT NULL DEFAULT '',"width_mm" bigint NOT NULL,"grammage" bigint NOT NULL,"length_m" bigint NOT NULL,"core_mm" bigint NOT NULL,"colour_spec" varchar(200) NOT NULL DEFAULT '',"unit" varchar(10) NOT NULL,"active" boolean NOT NULL,"search" varchar(800) NOT NULL DEFAULT '',PRIMARY KEY ("id"));

CREATE INDEX IF NOT EXISTS "idx_products_active" ON "products" ("active");

CREATE INDEX IF NOT EXISTS "idx_products_list" ON "products" ("active","code");

CREATE UNIQUE INDEX IF NOT EXISTS "idx_products_code" ON "products" ("code");

CREATE TABLE "prices" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"product_id" bigint NOT NULL,"customer_id" bigint,"unit_price" bigint NOT NULL,"currency" varchar(3) NOT NULL,"valid_from" varchar(10) NOT NULL,"valid_to" varchar(10),"note" varchar(200) NOT NULL DEFAULT '',PRIMARY KEY ("id"),CONSTRAINT "fk_prices_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT,CONSTRAINT "fk_prices_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT);

CREATE INDEX IF NOT EXISTS "idx_prices_lookup" ON "prices" ("product_id","customer_id","valid_from");
