package csvio

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"orderdesk/model"
)

// bigCustomerFile is n customers with Chinese names, as Excel writes them.
func bigCustomerFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString(bom + "code,name_zh,name_en,tier,deposit_percent,phone,billing_address\r\n")
	for i := range n {
		fmt.Fprintf(&b, "B%06d,新順紙業股份有限公司第%d分公司,Hsin Shun Paper %d,B,30,02-2345-%04d,台北市中山區南京東路二段%d號\r\n", i, i, i, i%10000, i)
	}
	return b.Bytes()
}

func emptyStore(t testing.TB) *model.Store {
	t.Helper()
	s, err := model.Open(context.Background(), filepath.Join(t.TempDir(), "big.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	// The office's first person, a manager: by (id 1) imports, and an
	// import that sets tiers is a manager's to make.
	ml := &model.Employee{Name: by.Name, Initials: "ML", Active: true, Manager: true}
	if err := s.SaveEmployee(context.Background(), model.Actor{Name: "set-up"}, ml); err != nil {
		t.Fatal(err)
	}
	if ml.ID != by.ID {
		t.Fatalf("the first person has id %d, want %d", ml.ID, by.ID)
	}
	return s
}

// TestImportLetsOtherDesksSave: while 20,000 customers are imported, a desk
// on another connection to the same file saves over and over and is never
// kept waiting much more than a second; the import reports its progress
// and stores every row.
func TestImportLetsOtherDesksSave(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 20,000 rows")
	}
	ctx := context.Background()
	s := emptyStore(t)
	other, err := model.Open(ctx, s.Path, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	mine := model.NewCustomer()
	mine.Code, mine.NameZH = "DESK2", "另一桌"
	if err := other.SaveCustomer(ctx, by, mine); err != nil {
		t.Fatal(err)
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var longest time.Duration
	saves := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			mine.ContractRef = strconv.Itoa(saves)
			start := time.Now()
			if err := other.SaveCustomer(ctx, by, mine); err != nil {
				t.Errorf("the other desk could not save: %v", err)
				return
			}
			longest = max(longest, time.Since(start))
			saves++
			time.Sleep(20 * time.Millisecond)
		}
	}()
	var progress []Progress
	res, err := Importers["customers"](ctx, s, by, bytes.NewReader(bigCustomerFile(20000)), Options{Progress: func(p Progress) { progress = append(progress, p) }})
	close(stop)
	wg.Wait()
	if err != nil || res.Rows != 20000 {
		t.Fatalf("%d rows, %v", res.Rows, err)
	}
	t.Logf("other desk: %d saves, longest %v; import's longest batch %v", saves, longest, res.LongestBatch)
	if longest > 1200*time.Millisecond {
		t.Errorf("the other desk waited %v to save", longest)
	}
	if res.LongestBatch > time.Second {
		t.Errorf("a batch held the database for %v", res.LongestBatch)
	}
	if n, _ := s.CountCustomers(ctx, model.ListFilter{IncludeInactive: true}); n != 20001 {
		t.Errorf("%d customers stored", n)
	}
	last := progress[len(progress)-1]
	if len(progress) < 4 || progress[0] != (Progress{Validating, 0, 20000}) || last != (Progress{Writing, 20000, 20000}) {
		t.Errorf("progress: %v … %v (%d reports)", progress[0], last, len(progress))
	}
}

// peakRSS is the process's peak resident memory (VmHWM), or 0 where /proc is missing.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkImport100kCustomers imports 100,000 customers into an empty
// office and reports peak heap and RSS, the longest transaction and the
// time taken. The goal: under 300 MB, no transaction over a second.
func BenchmarkImport100kCustomers(b *testing.B) {
	file := bigCustomerFile(100000)
	for b.Loop() {
		s := emptyStore(b)
		var peakHeap uint64
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		res, err := Importers["customers"](context.Background(), s, by, bytes.NewReader(file), Options{Progress: func(Progress) {
			metrics.Read(sample)
			peakHeap = max(peakHeap, sample[0].Value.Uint64())
		}})
		if err != nil || res.Rows != 100000 {
			b.Fatalf("%d rows, %v", res.Rows, err)
		}
		b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MB")
		b.ReportMetric(float64(res.LongestBatch.Milliseconds()), "longest-tx-ms")
	}
}
