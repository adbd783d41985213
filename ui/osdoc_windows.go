package ui

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// doDoc asks Windows to carry out try's verb on the file, as Explorer's
// right-click Open/Print does (the path goes as UTF-16, so Chinese
// characters and spaces need no quoting).
func doDoc(try docTry, path string) error {
	verb, err := windows.UTF16PtrFromString(try.ShellVerb)
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	dir, err := windows.UTF16PtrFromString(filepath.Dir(path))
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, dir, windows.SW_SHOWNORMAL)
}
