-- Step 3: notes and action items, drafts.

CREATE TABLE "notes" ("id" bigserial,"created_at" timestamptz NOT NULL,"created_by" varchar(80) NOT NULL DEFAULT '',"updated_at" timestamptz NOT NULL,"updated_by" varchar(80) NOT NULL DEFAULT '',"version" bigint NOT NULL DEFAULT 1,"object_kind" varchar(12) NOT NULL,"object_id" bigint NOT NULL,"title" varchar(200) NOT NULL,"body" text NOT NULL DEFAULT '',"author_id" bigint,"is_action" boolean NOT NULL,"due_on" varchar(10),"assignee_id" bigint,"assigned_group_id" bigint,"public" boolean NOT NULL,"pending" boolean NOT NULL,"done_at" timestamptz,"done_by" varchar(80) NOT NULL DEFAULT '',"item_key" varchar(80) NOT NULL DEFAULT '',PRIMARY KEY ("id"),CONSTRAINT "fk_notes_assigned_group" FOREIGN KEY ("assigned_group_id") REFERENCES "groups"("id") ON DELETE RESTRICT,CONSTRAINT "fk_notes_author" FOREIGN KEY ("author_id") REFERENCES "employees"("id") ON DELETE RESTRICT,CONSTRAINT "fk_notes_assignee" FOREIGN KEY ("assignee_id") REFERENCES "employees"("id") ON DELETE RESTRICT);

CREATE INDEX IF NOT EXISTS "idx_notes_key" ON "notes" ("item_key");

CREATE INDEX IF NOT EXISTS "idx_notes_public_queue" ON "notes" ("public","pending","due_on");

CREATE INDEX IF NOT EXISTS "idx_notes_group_queue" ON "notes" ("pending","assigned_group_id","due_on");

CREATE INDEX IF NOT EXISTS "idx_notes_person_queue" ON "notes" ("pending","assignee_id","due_on");

CREATE INDEX IF NOT EXISTS "idx_notes_author_id" ON "notes" ("author_id");

CREATE INDEX IF NOT EXISTS "idx_notes_object" ON "notes" ("object_kind","object_id");

CREATE TABLE "drafts" ("id" bigserial,"employee_id" bigint NOT NULL,"form" varchar(40) NOT NULL,"key" varchar(40) NOT NULL,"title" varchar(200) NOT NULL DEFAULT '',"payload" text NOT NULL,"saved_at" timestamptz NOT NULL,PRIMARY KEY ("id"));

CREATE UNIQUE INDEX IF NOT EXISTS "idx_drafts_form" ON "drafts" ("employee_id","form","key");
