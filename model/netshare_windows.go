package model

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// isNetworkMount asks Windows whether the path's drive letter is mapped to a network share.
func isNetworkMount(path string) (bool, string) {
	vol := filepath.VolumeName(path)
	if len(vol) != 2 || vol[1] != ':' {
		return false, ""
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false, ""
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return true, "mapped network drive " + vol
	}
	return false, ""
}
