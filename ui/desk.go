package ui

import (
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// Desk is who sits at this desk: the employee every change is recorded as.
// It lives on the UI goroutine; screens read the Actor when they save.
type Desk struct {
	employee *model.Employee
	changed  []func(*model.Employee)
}

// Employee returns the person at the desk, or nil before anyone was chosen.
func (d *Desk) Employee() *model.Employee { return d.employee }

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
