-- The bookkeeping table: one row per step applied. Created if missing before any step runs.

CREATE TABLE IF NOT EXISTS "schema_versions" ("version" bigint,"name" varchar(200) NOT NULL,"app_version" varchar(40) NOT NULL,"applied_at" timestamptz NOT NULL,PRIMARY KEY ("version"));
