package service

import (
	"context"
	"time"

	"orderdesk/model"
	"orderdesk/scan"
)

// The jobs' names, for Subscribe and RunNow.
const (
	JobSlips     = "slips"
	JobRecurring = "recurring"
	JobMail      = "mail"
	JobScans     = "scans"
	JobBackup    = "backup"
	JobReminders = "reminders"
)

// Slips applies the slip rule (model.Store.ApplySlips) to every order
// whose signed confirmation is late, hourly. Its result is the number of
// orders whose promised date moved (int).
type Slips struct{ Store *model.Store }

func (Slips) Name() string         { return JobSlips }
func (Slips) Every() time.Duration { return time.Hour }

// Run applies the rule once.
func (j Slips) Run(ctx context.Context) (any, error) { return j.Store.ApplySlips(ctx) }

// Recurring makes the recurring tasks' tickets due by today, hourly (a
// day's ticket is made once however often it runs). Its result is the
// number of tickets made (int).
type Recurring struct{ Store *model.Store }

func (Recurring) Name() string         { return JobRecurring }
func (Recurring) Every() time.Duration { return time.Hour }

// Run makes the tickets due.
func (j Recurring) Run(ctx context.Context) (any, error) { return j.Store.RunRecurring(ctx) }

// MailReport is what one look at the watched mail folder found.
type MailReport struct {
	Folder  string
	Results []model.MailResult
}

// Mail turns the e-mails (.eml) saved in this desk's watched folder into
// New tickets, every minute; attachments that are returned confirmations
// are imported as the Scans job's files (model.ProcessMailFolder). Folder is read at each run (the clerk may
// change it in Settings; "" watches nothing), so it must be safe to call
// off the UI goroutine. Its result is a MailReport.
type Mail struct {
	Store  *model.Store
	Folder func() string
}

func (Mail) Name() string         { return JobMail }
func (Mail) Every() time.Duration { return time.Minute }

// Run reads the folder once.
func (j Mail) Run(ctx context.Context) (any, error) {
	dir := j.Folder()
	if dir == "" {
		return MailReport{}, nil
	}
	results, err := j.Store.ProcessMailFolder(ctx, model.System, dir, j.Store.AttachmentDir(), scan.Decode)
	return MailReport{Folder: dir, Results: results}, err
}

// ScansReport is what one look at the watched scan folder found.
type ScansReport struct {
	Folder  string
	Results []model.ScanResult
}

// Scans reads the returned confirmations (faxes, scans) the office's fax
// server or scanner writes to this desk's watched folder, every minute: a
// page of the current revision of an order awaiting sign-back records it,
// anything else waits on the Unmatched returns list (model.ImportScan).
// Folder is read at each run, as Mail.Folder. Its result is a ScansReport.
type Scans struct {
	Store  *model.Store
	Folder func() string
}

func (Scans) Name() string         { return JobScans }
func (Scans) Every() time.Duration { return time.Minute }

// Run reads the folder once.
func (j Scans) Run(ctx context.Context) (any, error) {
	dir := j.Folder()
	if dir == "" {
		return ScansReport{}, nil
	}
	results, err := j.Store.ProcessScanFolder(ctx, model.System, dir, scan.Decode)
	return ScansReport{Folder: dir, Results: results}, err
}

// Backup makes the day's backup of a SQLite database when it has none yet
// (model.Store.AutoBackup keeps 7 daily and 4 weekly). It looks hourly, so
// a window left open overnight makes the new day's backup too. Its result
// is the backup's path, "" when the day had one already (string).
type Backup struct{ Store *model.Store }

func (Backup) Name() string         { return JobBackup }
func (Backup) Every() time.Duration { return time.Hour }

// Run makes the backup if it is due.
func (j Backup) Run(ctx context.Context) (any, error) {
	return j.Store.AutoBackup(ctx, j.Store.BackupDir())
}

// Reminder is how many action items the person at the desk has due.
type Reminder struct {
	PersonID uint
	Counts   model.QueueCounts
}

// Reminders counts the action items due today or overdue of the person at
// the desk, hourly (the window also asks for a run when someone sits
// down). Person returns who that is, 0 for nobody, and must be safe to
// call off the UI goroutine. Its result is a Reminder (zero for nobody).
type Reminders struct {
	Store  *model.Store
	Person func() uint
}

func (Reminders) Name() string         { return JobReminders }
func (Reminders) Every() time.Duration { return time.Hour }

// Run counts the person's items.
func (j Reminders) Run(ctx context.Context) (any, error) {
	id := j.Person()
	if id == 0 {
		return Reminder{}, nil
	}
	c, err := j.Store.CountQueues(ctx, id)
	return Reminder{PersonID: id, Counts: c}, err
}

// Jobs returns every job that runs while OrderDesk's window is open, on
// store; mailFolder, scanFolder and person are as Mail.Folder,
// Scans.Folder and Reminders.Person.
func Jobs(store *model.Store, mailFolder, scanFolder func() string, person func() uint) []Job {
	return []Job{Slips{store}, Recurring{store}, Mail{store, mailFolder}, Scans{store, scanFolder},
		Backup{store}, Reminders{store, person}}
}

// JobRefresh is the name of the Refresh job.
const JobRefresh = "refresh"

// Refresh asks the window every 30 s to read the lists on screen again, so
// what another desk saved shows up without the clerk asking. It reads
// nothing itself: the section on screen knows what it shows.
type Refresh struct{}

// StartsLater makes the first run wait a period: the window has just
// loaded what it shows.
func (Refresh) StartsLater() {}

func (Refresh) Name() string                     { return JobRefresh }
func (Refresh) Every() time.Duration             { return 30 * time.Second }
func (Refresh) Run(context.Context) (any, error) { return nil, nil }
