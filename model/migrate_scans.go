package model

import "gorm.io/gorm"

// scanReturnsSchema is the schema step that adds returned scans (issue
// 19). The step is self-contained: its DDL is written out per dialect, so
// the table is what this step made whatever the struct becomes later, and
// the step can take another number when branches are merged.
const scanReturnsSchema = importJournalSchema + 1

var scanReturnsDDL = map[string][]string{
	"sqlite": {
		`CREATE TABLE scan_returns (
			id integer PRIMARY KEY AUTOINCREMENT,
			created_at datetime NOT NULL,
			created_by text NOT NULL DEFAULT '',
			updated_at datetime NOT NULL,
			updated_by text NOT NULL DEFAULT '',
			version integer NOT NULL DEFAULT 1,
			file_name text NOT NULL,
			stored_path text NOT NULL,
			sha256 text NOT NULL,
			arrived_at datetime NOT NULL,
			pages integer NOT NULL,
			codes text NOT NULL DEFAULT '',
			order_id integer REFERENCES orders(id),
			rev integer NOT NULL DEFAULT 0,
			status text NOT NULL,
			reason text NOT NULL DEFAULT '',
			discard_reason text NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX idx_scan_returns_status ON scan_returns(status, arrived_at)`,
		`CREATE INDEX idx_scan_returns_order ON scan_returns(order_id)`,
	},
	"postgres": {
		`CREATE TABLE scan_returns (
			id bigserial PRIMARY KEY,
			created_at timestamptz NOT NULL,
			created_by varchar(80) NOT NULL DEFAULT '',
			updated_at timestamptz NOT NULL,
			updated_by varchar(80) NOT NULL DEFAULT '',
			version bigint NOT NULL DEFAULT 1,
			file_name text NOT NULL,
			stored_path text NOT NULL,
			sha256 varchar(64) NOT NULL,
			arrived_at timestamptz NOT NULL,
			pages bigint NOT NULL,
			codes text NOT NULL DEFAULT '',
			order_id bigint REFERENCES orders(id),
			rev bigint NOT NULL DEFAULT 0,
			status varchar(12) NOT NULL,
			reason text NOT NULL DEFAULT '',
			discard_reason text NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX idx_scan_returns_status ON scan_returns(status, arrived_at)`,
		`CREATE INDEX idx_scan_returns_order ON scan_returns(order_id)`,
	},
}

func migrateScanReturns(tx *gorm.DB) error {
	for _, stmt := range scanReturnsDDL[tx.Dialector.Name()] {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
