package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// NotesPanel lists the notes and action items of one object (a customer, a
// product, an order…) and adds new ones (seed 003): a title and details; an
// action item also has a due date and who must act, the clerk by default.
// Detail screens embed its Content and call SetObject when they open a record.
type NotesPanel struct {
	heading *widget.Label
	empty   *widget.Label
	rows    *fyne.Container
	title   *Entry
	body    *Entry
	action  *Check
	due     *dueInput
	assign  *Select
	public  *Check
	add     *widget.Button
	status  *widget.Label
	fields  *FieldForm
	content fyne.CanvasObject

	store notesStore
	desk  *Desk
	work  jobs
	kind  model.ObjectKind
	id    uint
	notes []model.Note
	names assignees
	// people and groups are loaded once, the first time an object is shown.
	people []model.Employee
	groups []model.Group
	loaded bool
}

// notesStore is the store as a notes panel uses it; a test hands it one that fails.
type notesStore interface {
	assigneeLister
	dueStore
	AddNote(ctx context.Context, by model.Actor, in model.ItemInput) (*model.Note, error)
	MarkDone(ctx context.Context, by model.Actor, id uint) error
	NotesOn(ctx context.Context, kind model.ObjectKind, id uint) ([]model.Note, error)
	Reopen(ctx context.Context, by model.Actor, id uint) error
}

// NewNotesPanel returns the panel for the object of this kind and id (0:
// a record not saved yet, which can have no notes).
func NewNotesPanel(store notesStore, desk *Desk, kind model.ObjectKind, id uint) *NotesPanel {
	p := &NotesPanel{store: store, desk: desk,
		heading: widget.NewLabelWithStyle(lang.L("Notes and action items"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		empty:   widget.NewLabel(""), rows: container.NewVBox(), title: NewEntry(), body: NewMultiLineEntry(),
		status: widget.NewLabel(""), fields: NewFieldForm()}
	p.empty.Wrapping = fyne.TextWrapWord
	p.status.Wrapping = fyne.TextWrapWord
	p.title.SetPlaceHolder(notePlaceholder(kind))
	p.body.SetPlaceHolder(lang.L("Details; a pasted e-mail keeps its text"))
	p.title.OnSubmitted = func(string) { p.onAdd() }
	p.action = NewCheck(lang.L("Action item: to be done by a date"), func(bool) { p.updateInputs() })
	p.due = newDueInput(store)
	p.assign = NewSelect(nil, nil)
	p.public = NewCheck(lang.L("Public: anyone may work it"), nil)
	p.add = widget.NewButtonWithIcon(lang.L("Add note"), theme.ContentAddIcon(), p.onAdd)

	ff := p.fields
	ff.Add("Title", lang.L("Title"), p.title)
	ff.Add("Body", lang.L("Details"), p.body)
	ff.Add("IsAction", "", p.action)
	ff.Add("DueOn", lang.L("Due"), p.due.content)
	ff.Add("AssigneeID", lang.L("Assign to"), p.assign)
	ff.Add("Public", "", p.public)
	p.content = container.NewVBox(p.heading, p.empty, p.rows, widget.NewSeparator(), ff.Content(),
		container.NewHBox(p.add), p.status)
	desk.OnChanged(func(*model.Employee) { p.fillAssignees() })
	p.SetObject(kind, id)
	return p
}

// placeIn adds the panel to form as the row named name; the form keeps
// the panel's input being typed in within its scroll, as its own fields.
func (p *NotesPanel) placeIn(form *FieldForm, name, label string) {
	form.Add(name, label, p.Content())
}

// Content returns the panel's widgets.
func (p *NotesPanel) Content() fyne.CanvasObject { return p.content }

// SetObject shows the notes of another object and clears what was being typed.
func (p *NotesPanel) SetObject(kind model.ObjectKind, id uint) {
	p.kind, p.id = kind, id
	p.notes = nil
	p.rows.RemoveAll()
	p.clearInputs()
	if id == 0 {
		p.empty.SetText(lang.L("Save it first, then add notes and action items."))
		p.empty.Show()
		p.updateInputs()
		return
	}
	p.empty.Hide()
	p.updateInputs()
	p.reload()
}

func (p *NotesPanel) clearInputs() {
	p.title.SetText("")
	p.body.SetText("")
	p.action.SetChecked(false)
	p.public.SetChecked(false)
	p.due.pick(0)
	p.fields.Clear()
	p.status.SetText("")
	p.fillAssignees()
}

// updateInputs enables what applies: nothing without an object, the due
// date and assignee only for an action item (disabled inputs are skipped by Tab).
func (p *NotesPanel) updateInputs() {
	enable := func(on bool, ws ...fyne.Disableable) {
		for _, w := range ws {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
	}
	has := p.id != 0
	enable(has, p.title, p.body, p.action, p.add)
	enable(has && p.action.Checked, p.due.quick, p.due.date, p.due.calendar, p.assign, p.public)
	if p.action.Checked {
		p.add.SetText(lang.L("Add action item"))
	} else {
		p.add.SetText(lang.L("Add note"))
	}
}

// fillAssignees lists who may be given the item, the clerk at the desk first and chosen.
func (p *NotesPanel) fillAssignees() {
	p.names = newAssignees(p.desk.Employee(), p.people, p.groups)
	p.assign.Options = p.names.labels
	if len(p.names.labels) > 0 {
		p.assign.SetSelectedIndex(0)
	} else {
		p.assign.ClearSelected()
	}
}

func (p *NotesPanel) reload() {
	kind, id, needPeople := p.kind, p.id, !p.loaded
	p.work.Go(func() func() {
		ctx := context.Background()
		notes, err := p.store.NotesOn(ctx, kind, id)
		var people []model.Employee
		var groups []model.Group
		if err == nil && needPeople {
			people, groups, err = loadAssignees(ctx, p.store)
		}
		return func() {
			if kind != p.kind || id != p.id {
				return // another object was opened meanwhile
			}
			if err != nil {
				p.empty.SetText(SayLoadErr(err))
				p.empty.Show()
				return
			}
			if needPeople {
				p.people, p.groups, p.loaded = people, groups, true
				p.fillAssignees()
			}
			p.notes = notes
			p.render()
		}
	})
}

// render shows the notes, newest first, each action item with its due
// date, who must act and a Done or Reopen button.
func (p *NotesPanel) render() {
	p.rows.RemoveAll()
	if len(p.notes) == 0 {
		p.empty.SetText(lang.L("No notes yet."))
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	today := p.store.Today()
	for i := range p.notes {
		n := &p.notes[i]
		p.rows.Add(p.noteRow(n, today))
	}
	p.rows.Refresh()
}

func (p *NotesPanel) noteRow(n *model.Note, today model.Date) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(n.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	meta := []string{lang.L("by {{.Name}}, {{.When}}", map[string]any{"Name": authorText(n),
		"When": n.CreatedAt.In(p.store.Location()).Format("2006-01-02 15:04")})}
	var button fyne.CanvasObject = widget.NewLabel("")
	if n.IsAction {
		public := ""
		if n.Public {
			public = lang.L(", public")
		}
		if n.Pending {
			meta = append(meta, lang.L("due {{.Due}}, for {{.Who}}{{.Public}}", map[string]any{
				"Due": dueText(n.DueOn, today), "Who": assignedText(n), "Public": public}))
			id := n.ID
			button = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), func() { p.setDone(id, true) })
		} else {
			when := ""
			if n.DoneAt != nil {
				when = n.DoneAt.In(p.store.Location()).Format("2006-01-02 15:04")
			}
			meta = append(meta, lang.L("done by {{.Name}}, {{.When}}", map[string]any{"Name": n.DoneBy, "When": when}))
			id := n.ID
			button = widget.NewButtonWithIcon(lang.L("Reopen"), theme.ContentUndoIcon(), func() { p.setDone(id, false) })
		}
	}
	info := widget.NewLabel(strings.Join(meta, " · "))
	info.Wrapping = fyne.TextWrapWord
	info.Importance = widget.LowImportance
	box := container.NewVBox(container.NewBorder(nil, nil, nil, button, title), info)
	if strings.TrimSpace(n.Body) != "" {
		body := widget.NewLabel(n.Body)
		body.Wrapping = fyne.TextWrapWord
		box.Add(body)
	}
	return box
}

// read returns the note as typed, or the problems of reading the widgets.
func (p *NotesPanel) read() (model.ItemInput, model.FieldErrors) {
	in := model.ItemInput{Object: p.kind, ObjectID: p.id, Title: p.title.Text, Body: p.body.Text, Action: p.action.Checked}
	var fe model.FieldErrors
	if in.Action {
		d, err := p.due.value()
		if err != nil {
			fe.Add("DueOn", "Enter the date as YYYY-MM-DD, for example 2026-12-01.")
		}
		in.DueOn = d
		if i := p.assign.SelectedIndex(); i >= 0 && i < len(p.names.labels) {
			in.Assignee, in.Group = p.names.people[i], p.names.groups[i]
		}
		in.Public = p.public.Checked
	}
	return in, fe
}

// onAdd stores the note as the clerk at the desk; the model decides what
// is refused (no title, nobody to do it, a person who has left).
func (p *NotesPanel) onAdd() {
	if p.id == 0 {
		return
	}
	if p.desk.Employee() == nil {
		p.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	in, fe := p.read()
	if len(fe) > 0 {
		p.fields.ShowFieldErrors(fe)
		return
	}
	by := p.desk.Actor()
	p.add.Disable()
	p.work.Go(func() func() {
		_, err := p.store.AddNote(context.Background(), by, in)
		return func() {
			p.add.Enable()
			if err != nil {
				if !p.fields.Show(err) {
					p.fields.SetOther(SayErr(err))
				}
				return
			}
			p.clearInputs()
			p.updateInputs()
			p.status.SetText(lang.L("Added."))
			p.reload()
		}
	})
}

func (p *NotesPanel) setDone(id uint, done bool) {
	by := p.desk.Actor()
	p.work.Go(func() func() {
		var err error
		if done {
			err = p.store.MarkDone(context.Background(), by, id)
		} else {
			err = p.store.Reopen(context.Background(), by, id)
		}
		return func() {
			if err != nil {
				p.status.SetText(SayErr(err))
				return
			}
			p.status.SetText("")
			p.reload()
		}
	})
}

// notePlaceholder is an example title that fits the kind of object: a
// clerk reads it as what a note here is for.
func notePlaceholder(kind model.ObjectKind) string {
	switch kind {
	case model.OnVendor:
		return lang.L("Vendor moved the paper delivery to Friday")
	case model.OnProduct:
		return lang.L("Production says the 80 g run needs two days more")
	case model.OnShipment:
		return lang.L("Carrier says the truck is delayed by the typhoon")
	case model.OnTicket:
		return lang.L("Called back, customer sends photos tomorrow")
	}
	return lang.L("Customer called and asked for rush shipping")
}
