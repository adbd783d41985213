package model

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
)

// raceTwice runs do on two goroutines released at the same moment and
// returns their errors. PostgreSQL at READ COMMITTED lets two transactions
// read the same totals; a check that reads then inserts must make the
// second wait (SQLite has one writer at a time already).
func raceTwice(do func(desk int) error) [2]error {
	var errs [2]error
	var wg sync.WaitGroup
	start := make(chan struct{})
	for d := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[d] = do(d)
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// oneRefused fails unless exactly one of errs is nil and the other a
// refusal a clerk reads (a rule's or a field's).
func oneRefused(t *testing.T, round int, errs [2]error) {
	t.Helper()
	var ref *Refusal
	var fe FieldErrors
	switch {
	case errs[0] == nil && errs[1] == nil:
		t.Fatalf("round %d: both desks passed the check", round)
	case errs[0] != nil && errs[1] != nil:
		t.Fatalf("round %d: both refused: %v; %v", round, errs[0], errs[1])
	case !errors.As(errors.Join(errs[0], errs[1]), &ref) && !errors.As(errors.Join(errs[0], errs[1]), &fe):
		t.Fatalf("round %d: not a refusal: %v%v", round, errs[0], errs[1])
	}
}

// TestOpenRMAConcurrentNeverMoreThanShipped: two desks return 60 of the
// 100 shipped on line 1 at the same moment; exactly one return opens, on
// SQLite and on PostgreSQL (make test-postgres). The one that opened is
// cancelled for the next round, which frees its quantity again.
func TestOpenRMAConcurrentNeverMoreThanShipped(t *testing.T) {
	f, andy, o, _ := rmaDesk(t)
	for round := range 12 {
		var opened [2]*RMA
		errs := raceTwice(func(d int) error {
			r, err := f.s.OpenRMA(f.ctx, andy.Actor(), RMAInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(60)}, Reason: ReasonDamage})
			opened[d] = r
			return err
		})
		oneRefused(t, round, errs)
		for _, r := range opened {
			if r == nil {
				continue
			}
			if _, err := f.s.ChangeRMA(f.ctx, andy.Actor(), r.ID, r.Version, func(r *RMA, c Ctx) error { return r.Cancel(c, "next round") }); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestImportScanConcurrentDuplicate: the fax server drops the same file
// twice and two desks import it at the same moment: one import records it,
// the other is refused as imported already, never two rows of one file.
func TestImportScanConcurrentDuplicate(t *testing.T) {
	f := newDesk(t)
	for round := range 12 {
		data := []byte("-\nINV-" + strconv.Itoa(round))
		errs := raceTwice(func(d int) error {
			_, err := f.s.ImportScan(f.ctx, System, ScanFile{Name: fmt.Sprintf("fax-%d-%d.pdf", round, d), Data: data, Arrived: f.s.Now()}, fakeDecode)
			return err
		})
		oneRefused(t, round, errs)
	}
	var n int64
	if err := f.s.db.Model(&ScanReturn{}).Count(&n).Error; err != nil || n != 12 {
		t.Fatalf("%d scans stored (%v), want 12", n, err)
	}
}
