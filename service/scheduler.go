// Package service runs OrderDesk's background work: the jobs that keep the
// data true while the window is open (the slip rule, recurring tickets, the
// watched mail folder, the daily backup, the action-item reminder). One
// Scheduler owns every timer; screens subscribe to the reports they show
// and start no timers of their own. It imports model, never Fyne: the
// window hands it the way to reach the UI goroutine (Options.Deliver).
package service

import (
	"context"
	"sync"
	"time"
)

// Job is one piece of background work: its name, how often it runs, and
// what one run does. Run returns the job's result (its type is the job's
// own, see each job) or the error it met.
type Job interface {
	Name() string
	Every() time.Duration
	Run(ctx context.Context) (any, error)
}

// laterStarter is a job whose first run waits for its first tick instead
// of running at Start.
type laterStarter interface{ StartsLater() }

// Report is what one run of a job came to: its result or its error.
type Report struct {
	Job   string
	Value any
	Err   error
}

// Ticker is the part of time.Ticker the scheduler uses, so tests can tick
// by hand instead of waiting an hour.
type Ticker interface {
	C() <-chan time.Time
	Stop()
}

// Options are how a Scheduler reaches the world; the zero value runs
// jobs on goroutines with real tickers and calls listeners where the job ran.
type Options struct {
	// NewTicker makes the ticker of a job's period (default: time.NewTicker).
	NewTicker func(d time.Duration) Ticker
	// Deliver runs a listener with a report: fyne.Do in the window, so the
	// listener may touch widgets (default: at once, on the job's goroutine).
	Deliver func(func())
	// Go runs a one-off run asked for with RunNow while the scheduler is not
	// started (default: a goroutine). The window runs it as it runs its
	// loads, so a test settles the run like any load.
	Go func(func())
}

// Scheduler runs each job at start and then at its period, on a goroutine
// of its own, until the context given to Start ends.
type Scheduler struct {
	jobs []Job
	opt  Options

	mu        sync.Mutex
	listeners map[string][]func(Report) // by job name; "" hears every job
	pokes     map[string]chan struct{}  // set while started
	cancel    context.CancelFunc
	wg        sync.WaitGroup
}

// New returns a scheduler of jobs, not yet started.
func New(opt Options, jobs ...Job) *Scheduler {
	if opt.NewTicker == nil {
		opt.NewTicker = func(d time.Duration) Ticker { return realTicker{time.NewTicker(d)} }
	}
	if opt.Deliver == nil {
		opt.Deliver = func(f func()) { f() }
	}
	if opt.Go == nil {
		opt.Go = func(f func()) { go f() }
	}
	return &Scheduler{jobs: jobs, opt: opt, listeners: map[string][]func(Report){}}
}

// Subscribe calls f with every report of the job named job ("" for every
// job), through Options.Deliver. Subscribe before Start so that no report
// of the first runs is missed.
func (s *Scheduler) Subscribe(job string, f func(Report)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listeners[job] = append(s.listeners[job], f)
}

// Start runs every job now and at its period until ctx ends or Stop is
// called. A second Start does nothing.
func (s *Scheduler) Start(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return
	}
	ctx, s.cancel = context.WithCancel(ctx)
	s.pokes = map[string]chan struct{}{}
	for _, j := range s.jobs {
		poke := make(chan struct{}, 1)
		s.pokes[j.Name()] = poke
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.loop(ctx, j, poke)
		}()
	}
}

// Stop ends every job and waits until their goroutines have returned (a
// run under way is asked to stop through its context).
func (s *Scheduler) Stop() {
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// RunNow asks for a run of the job named name soon, off the caller's
// goroutine: on its own goroutine when the scheduler runs (so runs of a
// job never overlap), through Options.Go before it is started. It reports
// whether such a job exists. Once stopped, the scheduler runs nothing more.
func (s *Scheduler) RunNow(name string) bool {
	j := s.job(name)
	if j == nil {
		return false
	}
	s.mu.Lock()
	poke, started := s.pokes[name]
	s.mu.Unlock()
	if started {
		select {
		case poke <- struct{}{}:
		default: // a run is asked for already
		}
		return true
	}
	s.wg.Add(1)
	s.opt.Go(func() {
		defer s.wg.Done()
		s.run(context.Background(), j)
	})
	return true
}

// loop runs j at once (unless it starts later), then at each tick or
// request, until ctx ends.
func (s *Scheduler) loop(ctx context.Context, j Job, poke <-chan struct{}) {
	t := s.opt.NewTicker(j.Every())
	defer t.Stop()
	_, later := j.(laterStarter)
	for {
		if !later {
			s.run(ctx, j)
		}
		later = false
		select {
		case <-ctx.Done():
			return
		case <-t.C():
		case <-poke:
		}
	}
}

// run runs j once and delivers its report, unless ctx ended meanwhile
// (the window is gone; nothing is left to show it on).
func (s *Scheduler) run(ctx context.Context, j Job) {
	if ctx.Err() != nil {
		return
	}
	v, err := j.Run(ctx)
	if ctx.Err() != nil && err != nil {
		return
	}
	s.deliver(Report{Job: j.Name(), Value: v, Err: err})
}

// deliver hands r to the listeners of its job and to those of every job.
func (s *Scheduler) deliver(r Report) {
	s.mu.Lock()
	fs := append(append([]func(Report){}, s.listeners[r.Job]...), s.listeners[""]...)
	s.mu.Unlock()
	if len(fs) == 0 {
		return
	}
	s.opt.Deliver(func() {
		for _, f := range fs {
			f(r)
		}
	})
}

// job returns the job named name, or nil.
func (s *Scheduler) job(name string) Job {
	for _, j := range s.jobs {
		if j.Name() == name {
			return j
		}
	}
	return nil
}

type realTicker struct{ t *time.Ticker }

func (r realTicker) C() <-chan time.Time { return r.t.C }
func (r realTicker) Stop()               { r.t.Stop() }
