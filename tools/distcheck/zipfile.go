package main

import (
	"archive/zip"
	"bytes"
	"debug/pe"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// writeZip packs files, each NAME=PATH (the name in the zip, then the file
// to pack), into out; the names have no top folder, as Explorer's "Extract
// all" makes one.
func writeZip(out string, files []string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, spec := range files {
		name, path, ok := strings.Cut(spec, "=")
		if !ok {
			name, path = filepath.Base(spec), spec
		}
		if err := addFile(zw, name, path); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func addFile(zw *zip.Writer, name, path string) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	h, err := zip.FileInfoHeader(info)
	if err != nil {
		return err
	}
	h.Name, h.Method = name, zip.Deflate
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, src)
	return err
}

// readmeZipList returns the file names the README promises in the
// Windows zip: the `names` of the list between its windows-zip markers.
func readmeZipList(readme []byte) ([]string, error) {
	m := regexp.MustCompile(`(?s)<!-- windows-zip -->(.*?)<!-- /windows-zip -->`).FindSubmatch(readme)
	if m == nil {
		return nil, fmt.Errorf("the README has no <!-- windows-zip --> list")
	}
	var names []string
	for _, l := range regexp.MustCompile("(?m)^[-*] `([^`]+)`").FindAllSubmatch(m[1], -1) {
		names = append(names, string(l[1]))
	}
	sort.Strings(names)
	return names, nil
}

// checkZip says what is wrong with the Windows zip: its files must be
// exactly the README's list, no two of them the same to Windows (which
// ignores case), OrderDesk.exe a GUI exe and cli/orderdesk.exe a console
// one, both for amd64 with an icon, version info and a manifest.
func checkZip(zr *zip.Reader, promised []string) []string {
	var bad, names []string
	seen := map[string]string{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if other, ok := seen[strings.ToLower(f.Name)]; ok {
			bad = append(bad, fmt.Sprintf("%s and %s are one file on Windows", other, f.Name))
		}
		seen[strings.ToLower(f.Name)] = f.Name
		want, isExe := map[string]uint16{"OrderDesk.exe": pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, "cli/orderdesk.exe": pe.IMAGE_SUBSYSTEM_WINDOWS_CUI}[f.Name]
		if !isExe {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", f.Name, err))
			continue
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", f.Name, err))
			continue
		}
		bad = append(bad, checkExe(f.Name, bytes.NewReader(data), want)...)
	}
	sort.Strings(names)
	if !slices.Equal(names, promised) {
		bad = append(bad, fmt.Sprintf("the zip holds %q, the README promises %q", names, promised))
	}
	return bad
}
