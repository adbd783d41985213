package sqlitebulk

import (
	"sync"

	"modernc.org/libc"
)

// KeepAllocatorPages makes SQLite's memory allocator keep one page of each
// of its size classes mapped for the life of the process.
//
// Why: modernc.org/libc's allocator (modernc.org/memory) carves blocks of
// 16 bytes to 16 KiB from 64 KiB pages it maps for each size class, and
// unmaps a page as soon as its last block is freed. A statement that
// needs one block of a class no other statement holds (preparing SELECT *
// on the wide orders table: its program, its cursors) mapped a page when
// prepared and unmapped it when finalized: two system calls and a TLB
// shootdown for every statement, 10 % of a gate step's time (issue 21).
// One block of each class, allocated here and never freed, keeps each
// class's page in use, so a class's page is mapped once. The cost is
// bounded: at most one 64 KiB mapping per class (eleven), of which only
// what blocks touch is resident.
func KeepAllocatorPages() {
	keepPages.Do(func() {
		tls := libc.NewTLS()
		defer tls.Close()
		for size := 16; size <= 16<<10; size *= 2 {
			libc.Xmalloc(tls, libc.Tsize_t(size))
		}
	})
}

var keepPages sync.Once
