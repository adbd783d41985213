package model

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// isNetworkMount asks statfs for the type of the file system holding path.
func isNetworkMount(path string) (bool, string) {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(path), &st); err != nil {
		return false, ""
	}
	fs := unix.ByteSliceToString(st.Fstypename[:])
	if isNetworkFSType(fs) {
		return true, fs + " mount at " + unix.ByteSliceToString(st.Mntonname[:])
	}
	return false, ""
}
