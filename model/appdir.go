package model

// homeConfigParts are the folders under the user's home where Fyne keeps
// its apps' folders on goos (fyne.io/fyne/v2/internal/app/config_windows.go
// and config_desktop_darwin.go): AppData\Roaming on Windows, which is
// %APPDATA% unless an office redirects it, and Library/Preferences on
// macOS. Fyne goes from the home folder, not %APPDATA%, and so do we: the
// window and the command line must open the same file. nil means the XDG
// rule (appdir_other.go).
func homeConfigParts(goos string) []string {
	switch goos {
	case "windows":
		return []string{"AppData", "Roaming"}
	case "darwin":
		return []string{"Library", "Preferences"}
	}
	return nil
}
