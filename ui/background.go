package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"orderdesk/model"
	"orderdesk/service"
)

// newScheduler returns the app's background jobs (service.Jobs) for this
// shell, not yet started: Run starts them once the window is up and stops
// them when it closes. Reports land on the UI goroutine; a run asked for
// before the start (a test, or a clerk sitting down before the window is
// up) runs as the shell's loads do, so a test settles it like them.
func (s *Shell) newScheduler() *service.Scheduler {
	sched := service.New(service.Options{
		Deliver: fyne.Do,
		Go:      func(f func()) { s.work.Go(func() func() { f(); return nil }) },
	}, append(service.Jobs(s.store, s.settings.MailFolder, s.settings.ScanFolder, s.desk.ID), service.Refresh{}, service.IdleLock{Store: s.store})...)
	sched.Subscribe("", logJobError)
	sched.Subscribe(service.JobRefresh, func(service.Report) { s.refreshCurrent() })
	sched.Subscribe(service.JobSlips, s.orders.slipsApplied)
	sched.Subscribe(service.JobMail, s.tickets.mailChecked)
	sched.Subscribe(service.JobScans, logScanFailures)
	sched.Subscribe(service.JobIdleLock, s.idleChecked)
	return sched
}

// logJobError logs the error of any background job (the screens that show
// a job's result also say its error where the clerk looks).
func logJobError(r service.Report) {
	if r.Err != nil {
		model.LogError("background job "+r.Job, r.Err)
	}
}

// logScanFailures logs each file of the watched scan folder that could not
// be read (it is in the folder's failed/, its reason beside it).
func logScanFailures(r service.Report) {
	rep, _ := r.Value.(service.ScansReport)
	for _, res := range rep.Results {
		if res.Err != nil {
			model.LogError("returned scan "+res.File, res.Err)
		}
	}
}

// startBackground starts the background jobs until ctx ends.
func (s *Shell) startBackground(ctx context.Context) { s.sched.Start(ctx) }

// stopBackground stops the background jobs and waits until they have
// ended, and the change notices.
func (s *Shell) stopBackground() {
	s.stopNotices()
	s.sched.Stop()
}
