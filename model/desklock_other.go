//go:build !unix && !windows

package model

import "os"

// lockFile does nothing where the system has no file locks (wasm): there is
// one desk per process there.
func lockFile(f *os.File, exclusive bool) error { return nil }

func unlockFile(f *os.File) {}
