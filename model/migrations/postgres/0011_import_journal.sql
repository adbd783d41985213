-- Step 11: the import journal, so that an import that dies half-way is undone.

CREATE TABLE "imports" ("id" bigserial,"kind" varchar(20) NOT NULL,"by" varchar(80) NOT NULL,"state" varchar(10) NOT NULL,"started_at" timestamptz NOT NULL,"alive_at" timestamptz NOT NULL,"row_count" bigint NOT NULL DEFAULT 0,PRIMARY KEY ("id"));

CREATE INDEX IF NOT EXISTS "idx_imports_state" ON "imports" ("state");

CREATE TABLE "import_changes" ("id" bigserial,"import_id" bigint NOT NULL,"entity" varchar(20) NOT NULL,"entity_id" bigint NOT NULL,"before" text NOT NULL DEFAULT '',PRIMARY KEY ("id"));

CREATE INDEX IF NOT EXISTS "idx_import_changes_import_id" ON "import_changes" ("import_id");
