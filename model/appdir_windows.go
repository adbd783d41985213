package model

import (
	"os"
	"path/filepath"
)

// rootConfigDir mirrors Fyne's choice on Windows: %USERPROFILE%\AppData\Roaming.
func rootConfigDir() string {
	home, _ := os.UserHomeDir()
	return filepath.Join(append([]string{home}, homeConfigParts("windows")...)...)
}
