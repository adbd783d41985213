package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// jobs is a screen's way off the UI goroutine: work runs elsewhere and
// its result is applied on the UI goroutine. It holds nothing; how work
// runs is runWork's, so that the ui tests can run it on their own
// goroutine. Screens keep one (or borrow their shell's) so every load
// reads s.work.Go(…).
type jobs struct{}

// Go runs work off the UI goroutine; the function it returns, if any,
// runs on the UI goroutine afterwards.
func (*jobs) Go(work func() (apply func())) { runWork(work) }

// runWork runs work on a goroutine of its own and applies its result
// through fyne.Do. Fyne's test driver runs fyne.Do at once on the
// caller's goroutine, so under it a result would be applied beside the
// test that draws: the ui tests swap in a runner that queues work and
// applies it on the test's goroutine when the test settles (run_test.go).
var runWork = func(work func() (apply func())) {
	go func() {
		if apply := work(); apply != nil {
			fyne.Do(apply)
		}
	}()
}

// afterUI runs f on the UI goroutine once d has passed (the pause in
// typing before a search, the draft saved once the clerk stops). stop
// cancels it and reports whether it had not run yet. The ui tests swap
// in a clock of their own that settling moves on (run_test.go).
var afterUI = func(d time.Duration, f func()) (stop func() bool) {
	return time.AfterFunc(d, func() { fyne.Do(f) }).Stop
}

// uiTimer is one pending afterUI call at most: a debounce, an autosave.
// Its zero value has nothing pending.
type uiTimer struct{ stop func() bool }

// reset cancels what is pending and runs f on the UI goroutine after d.
func (t *uiTimer) reset(d time.Duration, f func()) {
	t.Stop()
	t.stop = afterUI(d, f)
}

// Stop cancels what is pending and reports whether it had not run yet.
func (t *uiTimer) Stop() bool { return t.stop != nil && t.stop() }
