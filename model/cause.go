package model

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// Cause is what went wrong under an error, in words a clerk knows, when
// the error says so: the disk is full, the database cannot be written, the
// connection to it is gone, another desk holds it.
type Cause string

// The causes CauseOf tells apart.
const (
	CauseUnknown  Cause = ""
	CauseBusy     Cause = "busy"
	CauseDiskFull Cause = "disk full"
	CauseReadOnly Cause = "read-only"
	CauseNetwork  Cause = "network gone"
)

// SQLite's primary result codes (sqlite3.h) that name a cause.
const (
	sqlitePerm     = 3
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
)

// CauseOf returns the cause of err, on SQLite or PostgreSQL, or
// CauseUnknown. The order matters: a full disk also shows as an I/O error.
func CauseOf(err error) Cause {
	switch {
	case err == nil:
		return CauseUnknown
	case isBusy(err):
		return CauseBusy
	case isDiskFull(err):
		return CauseDiskFull
	case isReadOnly(err):
		return CauseReadOnly
	case isNetworkGone(err):
		return CauseNetwork
	}
	return CauseUnknown
}

func sqliteResult(err error) int {
	var c sqliteCode
	if errors.As(err, &c) {
		return c.Code() & 0xff
	}
	return -1
}

func pgState(err error) string {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code
	}
	return ""
}

func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || sqliteResult(err) == sqliteFull ||
		pgState(err) == "53100" || // disk_full
		strings.Contains(err.Error(), "database or disk is full")
}

func isReadOnly(err error) bool {
	switch sqliteResult(err) {
	case sqliteReadOnly, sqlitePerm:
		return true
	}
	return errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission) ||
		pgState(err) == "25006" // read_only_sql_transaction (a standby server)
}

// isNetworkGone reports a connection to PostgreSQL that failed or broke,
// or a database file whose share went away under SQLite (an I/O error or a
// file that can no longer be opened).
func isNetworkGone(err error) bool {
	switch sqliteResult(err) {
	case sqliteIOErr, sqliteCantOpen:
		return true
	}
	var op *net.OpError
	var ce *pgconn.ConnectError
	if errors.As(err, &op) || errors.As(err, &ce) || pgconn.Timeout(err) {
		return true
	}
	for _, e := range []error{syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.ECONNABORTED,
		syscall.EPIPE, syscall.ENETUNREACH, syscall.EHOSTUNREACH, syscall.ETIMEDOUT, syscall.ESTALE, io.ErrUnexpectedEOF} {
		if errors.Is(err, e) {
			return true
		}
	}
	// Class 08 is a connection exception; 57P01–57P03 a server shut down
	// or not accepting connections.
	st := pgState(err)
	return strings.HasPrefix(st, "08") || st == "57P01" || st == "57P02" || st == "57P03" ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "bad connection")
}
