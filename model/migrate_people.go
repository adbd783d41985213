package model

import (
	"gorm.io/gorm"
)

// peopleSchemaSQL is the people schema step (a real office: its own people,
// signing in) as explicit SQL per dialect: the employees' roles, part time
// and languages, and the passwords kept apart from them. It depends on no
// Go struct, so it reads the same however the structs change later.
var peopleSchemaSQL = map[Dialect][]string{
	SQLite: {
		`ALTER TABLE employees ADD COLUMN roles text NOT NULL DEFAULT ''`,
		`ALTER TABLE employees ADD COLUMN part_time numeric NOT NULL DEFAULT false`,
		`ALTER TABLE employees ADD COLUMN languages text NOT NULL DEFAULT ''`,
		`CREATE TABLE employee_passwords (
			employee_id integer NOT NULL PRIMARY KEY REFERENCES employees(id) ON DELETE RESTRICT,
			hash text NOT NULL,
			failed_tries integer NOT NULL DEFAULT 0,
			last_failed_at datetime,
			changed_at datetime NOT NULL,
			changed_by text NOT NULL)`,
	},
	Postgres: {
		`ALTER TABLE employees ADD COLUMN roles text NOT NULL DEFAULT ''`,
		`ALTER TABLE employees ADD COLUMN part_time boolean NOT NULL DEFAULT false`,
		`ALTER TABLE employees ADD COLUMN languages text NOT NULL DEFAULT ''`,
		`CREATE TABLE employee_passwords (
			employee_id bigint NOT NULL PRIMARY KEY REFERENCES employees(id) ON DELETE RESTRICT,
			hash text NOT NULL,
			failed_tries bigint NOT NULL DEFAULT 0,
			last_failed_at timestamptz,
			changed_at timestamptz NOT NULL,
			changed_by varchar(80) NOT NULL)`,
	},
}

// migratePeople runs the people schema step in tx's dialect.
func migratePeople(tx *gorm.DB) error {
	d := SQLite
	if tx.Dialector.Name() == "postgres" {
		d = Postgres
	}
	for _, stmt := range peopleSchemaSQL[d] {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
