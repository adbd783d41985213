package model

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// openPostgres connects to a shared office database. Reads and writes share
// one pool: PostgreSQL handles concurrent writers itself.
func (s *Store) openPostgres(url string, cfg *gorm.Config) error {
	db, err := gorm.Open(postgres.Open(url), cfg)
	if err != nil {
		return fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	sqlDB, _ := db.DB()
	sqlDB.SetMaxOpenConns(8)
	if err := sqlDB.Ping(); err != nil {
		return fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	s.db, s.read, s.Dialect = db, db, Postgres
	return nil
}

// isPostgresRetryable reports a serialisation failure or deadlock, which
// PostgreSQL asks the client to retry.
func isPostgresRetryable(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "40001" || pg.Code == "40P01" || pg.Code == "55P03"
	}
	return false
}
