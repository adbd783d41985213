package ui

import (
	"fmt"
	"os"
	"sync"
	"testing"
	"time"
)

// The ui tests run every load and every timer of the ui package on the
// test's own goroutine, one at a time, when the test settles: Fyne's test
// driver runs fyne.Do at once on the caller's goroutine, so a result
// applied from a worker would draw beside the test. Work is queued rather
// than run inline so that, as on the desktop, a result lands after the
// click that asked for it has returned (and never inside a widget's
// callback, nor while the caller holds a lock).
func init() {
	runWork = uiCalls.work
	afterUI = uiCalls.after
}

// TestMain fails the run if a test left work queued without settling it:
// it would land in the next test, on a store already closed.
func TestMain(m *testing.M) {
	code := m.Run()
	if n := uiCalls.pending(); n > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "%d ui calls were left queued after the tests\n", n)
		code = 1
	}
	os.Exit(code)
}

// settlePause is how long a settle lets pass on the tests' clock: the
// pause after typing (DefaultDebounce), a load slow enough for the busy
// bar (busyAfter). A longer delay (the draft autosave) passes only when a
// test says so (passTime).
const settlePause = time.Second

// uiCalls is the queue of the tests' work and timers.
var uiCalls = &callQueue{}

// callQueue holds calls in the order they are due on a clock of its own.
type callQueue struct {
	mu    sync.Mutex
	now   time.Duration // how long has passed on the tests' clock
	seq   int
	calls []*queuedCall
}

type queuedCall struct {
	due time.Duration
	seq int // calls due together run in the order they were made
	f   func()
}

func (q *callQueue) add(d time.Duration, f func()) *queuedCall {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.seq++
	c := &queuedCall{due: q.now + d, seq: q.seq, f: f}
	q.calls = append(q.calls, c)
	return c
}

// work queues work and its apply as one call, due at once.
func (q *callQueue) work(work func() func()) {
	q.add(0, func() {
		if apply := work(); apply != nil {
			apply()
		}
	})
}

// after queues f, due once d has passed.
func (q *callQueue) after(d time.Duration, f func()) func() bool {
	c := q.add(d, f)
	return func() bool { return q.remove(c) }
}

// remove takes c off the queue and reports whether it was on it.
func (q *callQueue) remove(c *queuedCall) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, x := range q.calls {
		if x == c {
			q.calls = append(q.calls[:i], q.calls[i+1:]...)
			return true
		}
	}
	return false
}

// next takes the first call due by deadline off the queue, moving the
// clock on to it; nil when none is.
func (q *callQueue) next(deadline time.Duration) *queuedCall {
	q.mu.Lock()
	defer q.mu.Unlock()
	var first *queuedCall
	for _, c := range q.calls {
		if c.due <= deadline && (first == nil || c.due < first.due || c.due == first.due && c.seq < first.seq) {
			first = c
		}
	}
	if first == nil {
		return nil
	}
	for i, x := range q.calls {
		if x == first {
			q.calls = append(q.calls[:i], q.calls[i+1:]...)
			break
		}
	}
	q.now = max(q.now, first.due)
	return first
}

// run runs, in order, every call due within d, including those the calls
// themselves queue. The clock ends at the last call run, or after d when
// all of it passes (passTime).
func (q *callQueue) run(d time.Duration, all bool) {
	q.mu.Lock()
	deadline := q.now + d
	q.mu.Unlock()
	for c := q.next(deadline); c != nil; c = q.next(deadline) {
		c.f()
	}
	if all {
		q.mu.Lock()
		q.now = deadline
		q.mu.Unlock()
	}
}

// pending is how many calls are queued.
func (q *callQueue) pending() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.calls)
}

// drop forgets every queued call (the timers a finished test left).
func (q *callQueue) drop() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.calls = nil
}

// settled records the tests that have settled, whose leftovers are
// dropped when they end.
var settled sync.Map

// settle lands every load and save under way, and what a short pause
// starts (settlePause: the search once typing stops), on the test's
// goroutine. The clock moves on only as far as the last call it ran, so
// a longer delay never falls due by settling alone.
func settle(t testing.TB) {
	t.Helper()
	if _, again := settled.LoadOrStore(t, true); !again {
		t.Cleanup(func() {
			uiCalls.run(settlePause, false) // nothing lands after the test…
			uiCalls.drop()                  // …nor does a long timer it set
			settled.Delete(t)
		})
	}
	uiCalls.run(settlePause, false)
}

// passTime lets d pass on the tests' clock, running what falls due (the
// draft saved once the clerk stops typing).
func passTime(t testing.TB, d time.Duration) {
	t.Helper()
	settle(t)
	uiCalls.run(d, true)
}
