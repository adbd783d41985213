package model

import "strings"

// driveRemote is Windows' GetDriveType answer for a drive letter mapped to
// a network share (DRIVE_REMOTE); netshare_windows.go checks it against
// golang.org/x/sys/windows at compile time.
const driveRemote = 4

// driveRoot returns the root of the drive letter a Windows path is on
// ("Z:\"), also through the \\?\ long-path prefix, or "" when the path
// names no drive letter (a UNC path, a relative one, a Unix one). It is
// written without path/filepath so that tests on Linux see Windows rules.
func driveRoot(path string) string {
	p := strings.ReplaceAll(path, "/", `\`)
	p = strings.TrimPrefix(p, `\\?\`)
	if len(p) < 2 || p[1] != ':' {
		return ""
	}
	if c := p[0] | 0x20; c < 'a' || c > 'z' {
		return ""
	}
	return strings.ToUpper(p[:1]) + `:\`
}

// isMappedDrive reports whether path is on a drive letter that driveType
// (GetDriveType on Windows) says is a network drive.
func isMappedDrive(path string, driveType func(root string) uint32) (bool, string) {
	root := driveRoot(path)
	if root == "" {
		return false, ""
	}
	if driveType(root) == driveRemote {
		return true, "mapped network drive " + root[:2]
	}
	return false, ""
}
