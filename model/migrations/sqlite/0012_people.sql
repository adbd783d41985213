-- Step 12: a real office's people: roles, part time and languages, and the
-- passwords they sign in with, kept apart from the people list.

ALTER TABLE employees ADD COLUMN roles text NOT NULL DEFAULT '';

ALTER TABLE employees ADD COLUMN part_time numeric NOT NULL DEFAULT false;

ALTER TABLE employees ADD COLUMN languages text NOT NULL DEFAULT '';

CREATE TABLE employee_passwords (employee_id integer NOT NULL PRIMARY KEY REFERENCES employees(id) ON DELETE RESTRICT, hash text NOT NULL, failed_tries integer NOT NULL DEFAULT 0, last_failed_at datetime, changed_at datetime NOT NULL, changed_by text NOT NULL);
