package model

import (
	"context"
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

// tryPostgresLock takes the advisory lock key on a connection of its own
// without waiting. It reports false when another session holds it; the
// lock lasts until release, or until the connection goes.
func (s *Store) tryPostgresLock(ctx context.Context, key int64) (release func(), ok bool, err error) {
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, false, err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return nil, false, err
	}
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&ok); err != nil || !ok {
		conn.Close()
		return nil, false, err
	}
	return func() {
		conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", key)
		conn.Close()
	}, true, nil
}

// lockForCheck makes a transaction that checks then inserts (never more
// returned than shipped, never the same scan twice) wait on PostgreSQL for
// another doing the same on key, until that one commits: at READ COMMITTED
// both would read the same totals and both pass. The lock is the
// transaction's (pg_advisory_xact_lock) and ends with it. SQLite has one
// writer at a time, which serializes the check already.
func lockForCheck(tx *gorm.DB, key string) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", key).Error
}
