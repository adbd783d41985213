//go:build !windows && !darwin

package model

import "os"

// rootConfigDir mirrors Fyne's choice on Linux and the BSDs: $XDG_CONFIG_HOME or ~/.config.
func rootConfigDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return os.TempDir()
	}
	return dir
}
