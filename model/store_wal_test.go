package model

import (
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// walRun is what a writer that never paused saw.
type walRun struct {
	saves   int
	peak    int64         // the largest -wal file seen
	slowest time.Duration // the slowest save
}

// writeWithoutPause saves orders one after the other, with no pause
// between them, while more(saves so far) holds, and another goroutine
// watches the size of the -wal file.
func writeWithoutPause(tb testing.TB, f *deskFixture, more func(saves int) bool) walRun {
	tb.Helper()
	var peak atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			if st, err := os.Stat(f.s.Path + "-wal"); err == nil && st.Size() > peak.Load() {
				peak.Store(st.Size())
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	})
	contacts, _ := f.s.ContactsOf(f.ctx, f.custA.ID)
	var run walRun
	for ; more(run.saves); run.saves++ {
		o := NewOrderFor(f.custA, contacts, ChannelPhone, f.clock.Now())
		o.Memo = "林經理來電訂道林紙與牛皮紙"
		for _, p := range []*Product{f.paper, f.kraft} {
			o.Lines = append(o.Lines, OrderLine{ProductID: p.ID, Qty: QtyOf(5), Unit: "roll", UnitPrice: MoneyOf(2500)})
		}
		start := time.Now()
		if err := f.s.CreateOrder(f.ctx, f.clerk.Actor(), o); err != nil {
			close(stop)
			tb.Fatalf("save %d: %v", run.saves, err)
		}
		run.slowest = max(run.slowest, time.Since(start))
	}
	close(stop)
	wg.Wait()
	run.peak = peak.Load()
	return run
}

// TestWALIsBoundedUnderContinuousWrites: a PASSIVE checkpoint cannot start
// the WAL over while a writer keeps appending, so a writer that never
// pauses grew it without end (5.36 GB beside a 531 MB database). Past its
// limit the checkpointer truncates it, and no save waits past the
// contention bound for that.
func TestWALIsBoundedUnderContinuousWrites(t *testing.T) {
	sqliteOnly(t, "the SQLite WAL")
	if testing.Short() {
		t.Skip("writes for three seconds")
	}
	f := newDesk(t)
	const limit = 2 << 20
	f.s.checkpoints.limit.Store(limit)
	end := time.Now().Add(3 * time.Second)
	run := writeWithoutPause(t, f, func(int) bool { return time.Now().Before(end) })
	t.Logf("%d saves, WAL peak %d KB (limit %d KB), slowest save %v", run.saves, run.peak>>10, limit>>10, run.slowest)
	// The WAL passes the limit by the saves made while the checkpoint
	// copies (a few MB on a loaded machine); four times the limit allows
	// that and is far less than what three seconds of saves wrote without
	// it (67 MB).
	if run.peak > 4*limit {
		t.Errorf("WAL reached %d KB under continuous writes; limit %d KB", run.peak>>10, limit>>10)
	}
	if run.slowest >= writeWaitLimit {
		t.Errorf("slowest save %v; a checkpoint must not hold a save past %v", run.slowest, writeWaitLimit)
	}
}

// BenchmarkWALUnderContinuousWrites saves b.N orders without a pause at
// the real limit and reports the largest WAL and the slowest save; run it
// with -benchtime 2000x to pass walSizeLimit a few times.
func BenchmarkWALUnderContinuousWrites(b *testing.B) {
	sqliteOnly(b, "the SQLite WAL")
	f := newDesk(b)
	b.ResetTimer()
	run := writeWithoutPause(b, f, func(saves int) bool { return saves < b.N })
	b.ReportMetric(float64(run.peak)/(1<<20), "wal-peak-MB")
	b.ReportMetric(float64(run.slowest.Microseconds())/1000, "slowest-ms")
}
