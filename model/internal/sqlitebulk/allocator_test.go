package sqlitebulk

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"modernc.org/libc"
)

// TestAllocatorPagesStayMapped: once KeepAllocatorPages has run, freeing
// the only block of a size class leaves its page mapped, so the next
// statement that needs such a block maps nothing (without it the page was
// unmapped on every free and mapped again on the next malloc).
func TestAllocatorPagesStayMapped(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/maps")
	}
	KeepAllocatorPages()
	tls := libc.NewTLS()
	defer tls.Close()
	for size := 16; size <= 16<<10; size *= 2 {
		p := libc.Xmalloc(tls, libc.Tsize_t(size))
		if p == 0 {
			t.Fatalf("malloc(%d) failed", size)
		}
		libc.Xfree(tls, p)
		if !mapped(t, p) {
			t.Errorf("a freed block of %d bytes: its page was unmapped", size)
		}
	}
}

// mapped reports whether address p lies in one of the process's mappings.
func mapped(t *testing.T, p uintptr) bool {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		span, _, _ := strings.Cut(sc.Text(), " ")
		lo, hi, _ := strings.Cut(span, "-")
		a, err1 := strconv.ParseUint(lo, 16, 64)
		b, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 == nil && err2 == nil && uint64(p) >= a && uint64(p) < b {
			return true
		}
	}
	return false
}
