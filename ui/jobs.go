package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// jobs runs work off the UI goroutine and applies its result on it through
// fyne.Do, counting what is under way so tests (and code that must act on a
// finished load) can wait for it instead of sleeping.
type jobs struct {
	mu   sync.Mutex
	n    int
	idle *sync.Cond
}

// applying is held while a result is applied. A desktop driver runs every
// fyne.Do on its one UI goroutine, so it is never contended there; Fyne's
// test driver runs fyne.Do at once on the caller's goroutine, and without it
// two loads landing together would draw at the same time.
var applying sync.Mutex

// add records n more pieces of work under way.
func (j *jobs) add(n int) {
	j.mu.Lock()
	if j.idle == nil {
		j.idle = sync.NewCond(&j.mu)
	}
	j.n += n
	if j.n <= 0 {
		j.n = 0
		j.idle.Broadcast()
	}
	j.mu.Unlock()
}

// done records that one piece of work has finished.
func (j *jobs) done() { j.add(-1) }

// Go runs work in a goroutine; the function it returns, if any, runs on
// the UI goroutine afterwards.
func (j *jobs) Go(work func() (apply func())) {
	j.add(1)
	go func() {
		apply := work()
		fyne.Do(func() {
			defer j.done()
			applying.Lock()
			defer applying.Unlock()
			if apply != nil {
				apply()
			}
		})
	}()
}

// Wait blocks until no work is under way. Call it off the UI goroutine of a
// real app (tests run everything on theirs, where fyne.Do runs at once).
func (j *jobs) Wait() {
	j.mu.Lock()
	if j.idle == nil {
		j.idle = sync.NewCond(&j.mu)
	}
	for j.n > 0 {
		j.idle.Wait()
	}
	j.mu.Unlock()
}

// busy reports whether work is under way.
func (j *jobs) busy() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.n > 0
}
