package model

import (
	"os"
	"path/filepath"
)

// rootConfigDir mirrors Fyne's choice on macOS: ~/Library/Preferences.
func rootConfigDir() string {
	home, _ := os.UserHomeDir()
	return filepath.Join(append([]string{home}, homeConfigParts("darwin")...)...)
}
