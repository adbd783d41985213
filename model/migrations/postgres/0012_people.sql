-- Step 12: a real office's people: roles, part time and languages, and the
-- passwords they sign in with, kept apart from the people list.

ALTER TABLE employees ADD COLUMN IF NOT EXISTS roles text NOT NULL DEFAULT '';

ALTER TABLE employees ADD COLUMN IF NOT EXISTS part_time boolean NOT NULL DEFAULT false;

ALTER TABLE employees ADD COLUMN IF NOT EXISTS languages text NOT NULL DEFAULT '';

CREATE TABLE employee_passwords (employee_id bigint NOT NULL PRIMARY KEY REFERENCES employees(id) ON DELETE RESTRICT, hash text NOT NULL, failed_tries bigint NOT NULL DEFAULT 0, last_failed_at timestamptz, changed_at timestamptz NOT NULL, changed_by varchar(80) NOT NULL);
