package model

import "golang.org/x/sys/windows"

// Both lengths are non-negative only when driveRemote is DRIVE_REMOTE.
var (
	_ [windows.DRIVE_REMOTE - driveRemote]struct{}
	_ [driveRemote - windows.DRIVE_REMOTE]struct{}
)

// isNetworkMount asks Windows whether the path's drive letter is mapped to a network share.
func isNetworkMount(path string) (bool, string) {
	return isMappedDrive(path, getDriveType)
}

// getDriveType is GetDriveType for a drive root such as `Z:\`.
func getDriveType(root string) uint32 {
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return 0
	}
	return windows.GetDriveType(p)
}
