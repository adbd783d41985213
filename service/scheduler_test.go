package service

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"
)

// fakeTicker ticks when the test says so.
type fakeTicker struct {
	c       chan time.Time
	stopped chan struct{}
}

func (f *fakeTicker) C() <-chan time.Time { return f.c }
func (f *fakeTicker) Stop()               { close(f.stopped) }

// fakeClock hands out fake tickers, one per period asked for.
type fakeClock struct {
	mu      sync.Mutex
	tickers map[time.Duration]*fakeTicker
}

func (c *fakeClock) newTicker(d time.Duration) Ticker {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTicker{c: make(chan time.Time), stopped: make(chan struct{})}
	c.tickers[d] = t
	return t
}

// tick makes the ticker of period d tick once (it blocks until the job's
// loop takes the tick, so the run it starts is the next report).
func (c *fakeClock) tick(t *testing.T, d time.Duration) {
	t.Helper()
	c.mu.Lock()
	tk := c.tickers[d]
	c.mu.Unlock()
	if tk == nil {
		t.Fatalf("no ticker of period %s", d)
	}
	select {
	case tk.c <- time.Time{}:
	case <-time.After(5 * time.Second):
		t.Fatalf("the job of period %s did not take its tick", d)
	}
}

// testJob counts its runs and returns err.
type testJob struct {
	name  string
	every time.Duration
	err   error
	// block, when set, makes a run wait for the context's end, then for
	// block to be closed, before returning.
	block chan struct{}
	// started, when set, is told when a run begins.
	started chan struct{}
}

func (j testJob) Name() string         { return j.name }
func (j testJob) Every() time.Duration { return j.every }
func (j testJob) Run(ctx context.Context) (any, error) {
	if j.started != nil {
		j.started <- struct{}{}
	}
	if j.block != nil {
		<-ctx.Done()
		<-j.block
		return nil, ctx.Err()
	}
	return j.name + " ran", j.err
}

// newTestScheduler returns a scheduler of jobs on a fake clock and the
// channel every report lands on.
func newTestScheduler(jobs ...Job) (*Scheduler, *fakeClock, chan Report) {
	clock := &fakeClock{tickers: map[time.Duration]*fakeTicker{}}
	s := New(Options{NewTicker: clock.newTicker}, jobs...)
	reports := make(chan Report, 16)
	s.Subscribe("", func(r Report) { reports <- r })
	return s, clock, reports
}

// next returns the next report, failing after 5 s.
func next(t *testing.T, reports chan Report) Report {
	t.Helper()
	select {
	case r := <-reports:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("no report in 5 s")
		return Report{}
	}
}

// quiet checks that no report comes (a job ran that should not have).
func quiet(t *testing.T, reports chan Report) {
	t.Helper()
	select {
	case r := <-reports:
		t.Fatalf("unexpected report %+v", r)
	case <-time.After(50 * time.Millisecond):
	}
}

// TestJobsRunAtStartAndAtTheirPeriod: each job runs once at start, then
// at each tick of a ticker of its own period and only then; a job that
// starts later waits for its first tick.
func TestJobsRunAtStartAndAtTheirPeriod(t *testing.T) {
	s, clock, reports := newTestScheduler(
		testJob{name: "hourly", every: time.Hour},
		testJob{name: "minutely", every: time.Minute},
		Refresh{})
	s.Start(context.Background())
	defer s.Stop()
	got := map[string]int{}
	for range 2 {
		got[next(t, reports).Job]++
	}
	if got["hourly"] != 1 || got["minutely"] != 1 {
		t.Fatalf("at start: %v, want each job once and no refresh", got)
	}
	quiet(t, reports)

	steps := []struct {
		tick time.Duration
		want string
	}{
		{time.Minute, "minutely"},
		{time.Minute, "minutely"},
		{time.Hour, "hourly"},
		{30 * time.Second, JobRefresh},
	}
	for _, st := range steps {
		clock.tick(t, st.tick)
		if r := next(t, reports); r.Job != st.want || r.Err != nil {
			t.Fatalf("tick of %s ran %q (%v), want %q", st.tick, r.Job, r.Err, st.want)
		}
		quiet(t, reports)
	}
}

// TestStopEndsEveryJob: cancelling the context ends every job's goroutine,
// a run under way included, and Stop returns only once they have all
// ended, their tickers stopped.
func TestStopEndsEveryJob(t *testing.T) {
	before := runtime.NumGoroutine()
	release, started := make(chan struct{}), make(chan struct{}, 1)
	s, clock, reports := newTestScheduler(
		testJob{name: "hourly", every: time.Hour},
		testJob{name: "stuck", every: time.Minute, block: release, started: started})
	ctx, cancel := context.WithCancel(context.Background())
	s.Start(ctx)
	if r := next(t, reports); r.Job != "hourly" {
		t.Fatalf("first report %+v", r)
	}
	<-started // the stuck run is under way
	cancel()
	stopped := make(chan struct{})
	go func() { s.Stop(); close(stopped) }()
	select {
	case <-stopped:
		t.Fatal("Stop returned while a run was still under way")
	case <-time.After(50 * time.Millisecond):
	}
	close(release) // the run sees its context's end and returns
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("Stop did not return in 5 s after the context was cancelled")
	}
	for d, tk := range clock.tickers {
		select {
		case <-tk.stopped:
		default:
			t.Errorf("the ticker of %s was not stopped", d)
		}
	}
	// Every goroutine of the scheduler has returned (they end just after
	// Stop sees them done, hence the short wait).
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Stop, %d before Start", n, before)
	}
	quiet(t, reports) // the stuck run was cut short: nothing is left to show it
}

// TestJobErrorIsReported: a job's error reaches the listeners of that job
// and of every job, and the job keeps running at its period.
func TestJobErrorIsReported(t *testing.T) {
	failing := testJob{name: "backup", every: time.Hour, err: errors.New("disk full")}
	s, clock, all := newTestScheduler(failing)
	mine := make(chan Report, 4)
	s.Subscribe("backup", func(r Report) { mine <- r })
	s.Subscribe("other", func(r Report) { t.Errorf("a listener of another job heard %+v", r) })
	s.Start(context.Background())
	defer s.Stop()
	for range 2 {
		for _, reports := range []chan Report{all, mine} {
			if r := next(t, reports); r.Job != "backup" || r.Err == nil || r.Err.Error() != "disk full" {
				t.Fatalf("report %+v, want the backup's error", r)
			}
		}
		clock.tick(t, time.Hour)
	}
}

// TestRunNow: before the start a run asked for goes through Options.Go
// (the window's load tracker) and Stop waits for it; once started it runs
// on the job's own goroutine without waiting for a tick.
func TestRunNow(t *testing.T) {
	clock := &fakeClock{tickers: map[time.Duration]*fakeTicker{}}
	var spawned int
	s := New(Options{NewTicker: clock.newTicker, Go: func(f func()) { spawned++; go f() }},
		testJob{name: "reminders", every: time.Hour})
	reports := make(chan Report, 4)
	s.Subscribe(JobMail, func(r Report) { t.Errorf("a listener of another job heard %+v", r) })
	s.Subscribe("reminders", func(r Report) { reports <- r })
	if s.RunNow("nothing") {
		t.Error("RunNow of an unknown job said it ran")
	}
	if !s.RunNow("reminders") || spawned != 1 {
		t.Fatalf("RunNow before the start went through Options.Go %d times, want 1", spawned)
	}
	next(t, reports)
	s.Start(context.Background())
	defer s.Stop()
	next(t, reports) // at start
	s.RunNow("reminders")
	if r := next(t, reports); r.Value != "reminders ran" {
		t.Errorf("report %+v", r)
	}
	if spawned != 1 {
		t.Errorf("RunNow once started went through Options.Go")
	}
}
