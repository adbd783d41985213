// Package secret keeps the password of a shared PostgreSQL database out of
// plain preferences: it comes from the environment (ORDERDESK_DB_PASSWORD,
// or libpq's PGPASSWORD and ~/.pgpass, which the driver reads itself) or
// from the OS keychain (Windows Credential Manager, macOS Keychain, the
// Secret Service on Linux) through github.com/zalando/go-keyring.
package secret

import (
	"errors"
	"net/url"
	"os"
	"strings"

	"github.com/zalando/go-keyring"
)

// service is the keychain entry's service name.
const service = "OrderDesk"

// EnvPassword names the environment variable a password may come from.
const EnvPassword = "ORDERDESK_DB_PASSWORD"

// keychain is the OS keychain; tests replace it with a map.
var keychain interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
} = osKeychain{}

type osKeychain struct{}

func (osKeychain) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (osKeychain) Set(s, u, p string) error        { return keyring.Set(s, u, p) }
func (osKeychain) Delete(s, u string) error        { return keyring.Delete(s, u) }

// account names a database in the keychain: user@host:port/database.
func account(u *url.URL) string {
	return u.User.Username() + "@" + u.Host + u.Path
}

func isPostgres(target string) bool {
	return strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://")
}

// WithPassword returns target with its password filled in when it is a
// PostgreSQL URL without one: from ORDERDESK_DB_PASSWORD, else from the
// keychain. Anything else comes back as it was (the driver may still find
// PGPASSWORD or ~/.pgpass).
func WithPassword(target string) string {
	if !isPostgres(target) {
		return target
	}
	u, err := url.Parse(target)
	if err != nil || u.User == nil {
		return target
	}
	if _, has := u.User.Password(); has {
		return target
	}
	pw := os.Getenv(EnvPassword)
	if pw == "" {
		pw, _ = keychain.Get(service, account(u))
	}
	if pw == "" {
		return target
	}
	u.User = url.UserPassword(u.User.Username(), pw)
	return u.String()
}

// Split takes the password out of a PostgreSQL URL a clerk typed, so the
// URL can be kept in preferences and the password in the keychain.
func Split(target string) (withoutPassword, password string) {
	if !isPostgres(target) {
		return target, ""
	}
	u, err := url.Parse(target)
	if err != nil || u.User == nil {
		return target, ""
	}
	pw, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	return u.String(), pw
}

// Save keeps the password of the database at target (a URL without its
// password) in the keychain; an empty password removes it.
func Save(target, password string) error {
	u, err := url.Parse(target)
	if err != nil || u.User == nil || u.User.Username() == "" {
		return errors.New("the database address names no user")
	}
	if password == "" {
		err := keychain.Delete(service, account(u))
		if errors.Is(err, keyring.ErrNotFound) {
			return nil
		}
		return err
	}
	return keychain.Set(service, account(u), password)
}

// Redact returns target with any password replaced, for showing and logging.
func Redact(target string) string {
	if !isPostgres(target) {
		return target
	}
	u, err := url.Parse(target)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}
