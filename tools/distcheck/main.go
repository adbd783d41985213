// Command distcheck packs and checks the Windows zip without tools the
// build machine may lack:
//
//	distcheck zip OUT.zip NAME=PATH... pack the files under those names
//	distcheck check OUT.zip README.md  check the exes' PE headers and that
//	                                   the zip holds what the README lists
package main

import (
	"archive/zip"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 3 {
		fail("usage: distcheck zip OUT.zip NAME=PATH... | distcheck check OUT.zip README.md")
	}
	switch os.Args[1] {
	case "zip":
		if err := writeZip(os.Args[2], os.Args[3:]); err != nil {
			fail(err.Error())
		}
	case "check":
		if len(os.Args) != 4 {
			fail("usage: distcheck check OUT.zip README.md")
		}
		readme, err := os.ReadFile(os.Args[3])
		if err != nil {
			fail(err.Error())
		}
		promised, err := readmeZipList(readme)
		if err != nil {
			fail(err.Error())
		}
		zr, err := zip.OpenReader(os.Args[2])
		if err != nil {
			fail(err.Error())
		}
		defer zr.Close()
		if bad := checkZip(&zr.Reader, promised); len(bad) > 0 {
			for _, b := range bad {
				fmt.Fprintln(os.Stderr, b)
			}
			os.Exit(1)
		}
		fmt.Printf("%s: %d files as the README lists; both exes amd64 with icon, version info and manifest; OrderDesk.exe GUI, cli/orderdesk.exe console\n", os.Args[2], len(promised))
	default:
		fail("unknown command " + os.Args[1])
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "distcheck:", msg)
	os.Exit(2)
}
