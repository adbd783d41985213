package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// Desk is who sits at this desk: the employee every change is recorded as.
// It lives on the UI goroutine; screens read the Actor when they save.
type Desk struct {
	employee *model.Employee
	changed  []func(*model.Employee)
	// id is the employee's id, for background jobs that read it off the UI goroutine.
	id atomic.Uint64
}

// Employee returns the person at the desk, or nil before anyone was chosen.
func (d *Desk) Employee() *model.Employee { return d.employee }

// ID returns the id of the person at the desk, 0 before anyone was
// chosen. Unlike Employee it may be called from any goroutine.
func (d *Desk) ID() uint { return uint(d.id.Load()) }

// Actor returns the person at the desk as the author of a change. Before
// anyone was chosen it is the zero Actor, which the model refuses.
func (d *Desk) Actor() model.Actor {
	if d.employee == nil {
		return model.Actor{}
	}
	return d.employee.Actor()
}

// IsManager reports whether the person at the desk is a manager.
func (d *Desk) IsManager() bool { return d.employee != nil && d.employee.Manager }

// Set makes e the person at the desk and tells the listeners.
func (d *Desk) Set(e *model.Employee) {
	d.employee = e
	if e == nil {
		d.id.Store(0)
	} else {
		d.id.Store(uint64(e.ID))
	}
	for _, fn := range d.changed {
		fn(e)
	}
}

// OnChanged adds a listener called whenever the person at the desk changes.
func (d *Desk) OnChanged(fn func(*model.Employee)) { d.changed = append(d.changed, fn) }

// Name returns how the window title names the person at the desk.
func (d *Desk) Name() string {
	if d.employee == nil {
		return lang.L("nobody chosen")
	}
	return d.employee.Display()
}
