package testkit

import "time"

// Taipei is the office's time zone in tests, so calendar-day rules are
// checked where the clerks are.
var Taipei = mustLoc("Asia/Taipei")

// Start is the time every test store starts at: a Friday morning in Taipei,
// so stamps and golden markup are stable.
var Start = time.Date(2026, 11, 20, 9, 0, 0, 0, Taipei)

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// Clock is a clock a test moves by hand; its Now is a store's Options.Clock.
type Clock struct{ t time.Time }

// NewClock returns a clock at Start.
func NewClock() *Clock { return &Clock{t: Start} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time { return c.t }

// Add moves the clock by d.
func (c *Clock) Add(d time.Duration) { c.t = c.t.Add(d) }

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) { c.t = t }
