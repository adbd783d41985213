package model

import (
	"os"
	"path/filepath"
)

// isNetworkMount looks the path's mount up in /proc/self/mountinfo.
func isNetworkMount(path string) (bool, string) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return false, ""
	}
	defer f.Close()
	if real, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		path = filepath.Join(real, filepath.Base(path))
	}
	fs, mp := mountFSType(f, path)
	if isNetworkFSType(fs) {
		return true, fs + " mount at " + mp
	}
	return false, ""
}
