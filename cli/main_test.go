package cli

import (
	"os"
	"testing"

	"orderdesk/demo"
)

// TestMain signs every -as of the tests in with the demo office's
// password; a test of another password sets PasswordEnv itself.
func TestMain(m *testing.M) {
	os.Setenv(PasswordEnv, demo.Password)
	os.Exit(m.Run())
}
