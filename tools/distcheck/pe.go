package main

import (
	"debug/pe"
	"encoding/binary"
	"fmt"
	"io"
)

// Resource types a Windows exe carries for Explorer and the loader.
const (
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// exeFacts is what the check reads from a Windows executable.
type exeFacts struct {
	Machine   uint16
	Subsystem uint16
	Resources map[uint32]bool // top-level resource type IDs
}

// readExe reads the machine, the subsystem (2 GUI, 3 console) and the
// resource types of a PE file.
func readExe(r io.ReaderAt) (exeFacts, error) {
	f, err := pe.NewFile(r)
	if err != nil {
		return exeFacts{}, err
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return exeFacts{}, fmt.Errorf("not a 64-bit PE file")
	}
	facts := exeFacts{Machine: f.Machine, Subsystem: oh.Subsystem, Resources: map[uint32]bool{}}
	if len(oh.DataDirectory) <= pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
		return facts, nil
	}
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 {
		return facts, nil
	}
	for _, s := range f.Sections {
		if dir.VirtualAddress < s.VirtualAddress || dir.VirtualAddress >= s.VirtualAddress+s.VirtualSize {
			continue
		}
		data, err := s.Data()
		if err != nil {
			return facts, err
		}
		root := data[dir.VirtualAddress-s.VirtualAddress:]
		// IMAGE_RESOURCE_DIRECTORY: 12 bytes, then the named and the ID
		// entry counts; then 8-byte entries (name or ID, offset).
		if len(root) < 16 {
			return facts, fmt.Errorf("resource directory cut short")
		}
		named := int(binary.LittleEndian.Uint16(root[12:]))
		ids := int(binary.LittleEndian.Uint16(root[14:]))
		for i := named; i < named+ids; i++ {
			off := 16 + 8*i
			if off+8 > len(root) {
				return facts, fmt.Errorf("resource directory cut short")
			}
			facts.Resources[binary.LittleEndian.Uint32(root[off:])] = true
		}
	}
	return facts, nil
}

// checkExe says what is wrong with a Windows exe that should run on amd64
// with the given subsystem and carry an icon, version info and a manifest.
func checkExe(name string, r io.ReaderAt, subsystem uint16) []string {
	facts, err := readExe(r)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", name, err)}
	}
	var bad []string
	if facts.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		bad = append(bad, fmt.Sprintf("%s: machine %#x, want amd64", name, facts.Machine))
	}
	if facts.Subsystem != subsystem {
		bad = append(bad, fmt.Sprintf("%s: subsystem %d, want %d", name, facts.Subsystem, subsystem))
	}
	for _, t := range []struct {
		id   uint32
		what string
	}{{rtGroupIcon, "icon"}, {rtVersion, "version information"}, {rtManifest, "manifest"}} {
		if !facts.Resources[t.id] {
			bad = append(bad, fmt.Sprintf("%s: has no %s", name, t.what))
		}
	}
	return bad
}
