package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// The model suite runs on SQLite by default and on PostgreSQL when
// ORDERDESK_TEST_PG names a server (make test-postgres starts a throwaway
// one): each test then gets a schema of its own, dropped when it ends.
var (
	pgAdminOnce sync.Once
	pgAdmin     *gorm.DB
	pgAdminErr  error
	pgSchemas   atomic.Int64
)

// testTarget returns where a test's fresh database lives: a file in its
// temp dir, or a new PostgreSQL schema.
func testTarget(t testing.TB) string {
	t.Helper()
	base := os.Getenv("ORDERDESK_TEST_PG")
	if base == "" {
		return filepath.Join(t.TempDir(), "test.db")
	}
	pgAdminOnce.Do(func() {
		pgAdmin, pgAdminErr = gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	})
	if pgAdminErr != nil {
		t.Fatalf("connect to the test PostgreSQL: %v", pgAdminErr)
	}
	schema := fmt.Sprintf("t%d_%d", os.Getpid(), pgSchemas.Add(1))
	if err := pgAdmin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() { pgAdmin.Exec("DROP SCHEMA " + schema + " CASCADE") })
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

// onPostgres reports whether this run tests PostgreSQL.
func onPostgres() bool { return os.Getenv("ORDERDESK_TEST_PG") != "" }

// sqliteOnly skips a test of SQLite's own machinery (pragmas, VACUUM INTO,
// the literal bulk path) when the suite runs on PostgreSQL.
func sqliteOnly(t testing.TB, why string) {
	t.Helper()
	if onPostgres() {
		t.Skip("SQLite only: " + why)
	}
}
