//go:build !linux && !darwin && !windows

package model

// isNetworkMount cannot tell on this system; only UNC paths are recognised.
func isNetworkMount(string) (bool, string) { return false, "" }
