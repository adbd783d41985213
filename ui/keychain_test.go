package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestKeychainPasswordOrTheFallback: a PostgreSQL password goes to the
// system keychain (Credential Manager on Windows, through go-keyring), never
// into the preferences; when the keychain refuses, the screen says why and
// names the environment variable to use instead, and remembers nothing.
func TestKeychainPasswordOrTheFallback(t *testing.T) {
	t.Cleanup(keyring.MockInit)
	store := openTestStore(t)
	d := newDeskTest(t, store, addEmployee(t, store, "Chen Yi-chun", "陳怡君", "YC", false))
	d.show(SectionSettings)
	s := d.shell.prefs

	keyring.MockInitWithError(errors.New("Credential Manager is not available in this session"))
	s.nextDB.SetText("postgres://desk:s3cret@db.office:5432/orderdesk")
	s.onUseDatabase()
	if note := s.nextDBNote.Text; !strings.Contains(note, "Credential Manager is not available") || !strings.Contains(note, "ORDERDESK_DB_PASSWORD") {
		t.Errorf("the note says %q", note)
	}
	if got := d.shell.settings.Database(); got != "" {
		t.Errorf("the database %q was remembered without its password kept", got)
	}

	keyring.MockInit()
	s.onUseDatabase()
	if got := d.shell.settings.Database(); got != "postgres://desk@db.office:5432/orderdesk" {
		t.Errorf("remembered %q", got)
	}
	if pw, err := keyring.Get("OrderDesk", "desk@db.office:5432/orderdesk"); err != nil || pw != "s3cret" {
		t.Errorf("keychain holds %q (%v)", pw, err)
	}
}
