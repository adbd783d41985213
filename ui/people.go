package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// personColumns are the widths of the People list's columns: initials,
// name, roles, e-mail.
var personColumns = []float32{1, 2.5, 2.1, 1.9}

// peopleScreen is the People section: the people of the office on the
// left, the open person with their groups on the right. Everyone reads it;
// the model lets only a manager change it, and the form shows its refusal.
type peopleScreen struct {
	masterScreen[model.Employee, *personForm]
	store    peopleStore
	groups   *widget.CheckGroup
	all      []model.Group // the office's groups, in the boxes' order
	password *widget.Button
	// saving are the groups of the person being saved, read on the UI
	// goroutine when the save starts.
	saving []uint
	// handover opens the existing hand-over for a person about to leave.
	handover func(id uint)
	offer    *dialog.CustomDialog // the open "hand over first?" question, for tests
	// toHandover and anyway are the question's buttons.
	toHandover, anyway *widget.Button
	setPw              *passwordDialog
	// editable is whether the person at the desk may change people (the
	// model says); readOnly tells a clerk why the form is greyed out.
	editable bool
	readOnly *widget.Label
	tools    peopleTools
}

// peopleStore is the store as the People screen uses it; a test hands it one that fails.
type peopleStore interface {
	Groups(ctx context.Context) ([]model.Group, error)
	GroupsOf(ctx context.Context, employeeID uint) ([]model.Group, error)
	InactiveGroups(ctx context.Context) ([]model.Group, error)
	MayChangePeople(ctx context.Context, by model.Actor) error
	PreviewHandover(ctx context.Context, from uint) (model.HandoverPreview, error)
	SaveEmployeeWithGroups(ctx context.Context, by model.Actor, e *model.Employee, groupIDs []uint) error
	SaveGroup(ctx context.Context, by model.Actor, g *model.Group) error
	SetGroupActive(ctx context.Context, by model.Actor, id uint, active bool, reason string) error
	SetPassword(ctx context.Context, by model.Actor, employeeID uint, old, password string) error
	Today() model.Date
}

func newPeopleScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings, handover func(id uint)) *peopleScreen {
	s := &peopleScreen{store: store, handover: handover}
	s.groups = widget.NewCheckGroup(nil, nil)
	s.password = widget.NewButton(lang.L("Set password…"), s.onSetPassword)
	s.readOnly = widget.NewLabel(lang.L("Only a manager changes the people of the office; you can read them here."))
	s.readOnly.Wrapping = fyne.TextWrapWord
	s.readOnly.Hide()
	s.newTools(w, store, desk)
	below := container.NewVBox(widget.NewLabelWithStyle(lang.L("Groups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.groups, container.NewHBox(s.tools.newGroup, s.tools.editGroup),
		container.NewHBox(s.tools.offGroup, s.tools.onGroup), container.NewHBox(s.password), s.readOnly)
	s.init(w, desk, settings, newPersonForm(), masterKind[model.Employee]{
		filterKey:  "people",
		searchHint: lang.L("Search name, initials or e-mail (Ctrl+F)"),
		newTitle:   lang.L("New person"),
		newRecord:  newPerson,
		columns:    personColumns,
		headers:    []string{lang.L("Initials"), lang.L("Name"), lang.L("Roles"), lang.L("E-mail")},
		source:     PageSource[model.Employee]{Count: store.CountPeople, Fetch: store.People},
		bindRow:    bindPersonRow,
		countText: func(n int) string {
			return plural(n, lang.L("1 person"), lang.L("{{.N}} people", map[string]any{"N": model.Count(n)}))
		},
		describe: func(e *model.Employee) recordInfo {
			return recordInfo{id: e.ID, active: e.Active, display: e.Display()}
		},
		inactiveTitle: func(name string) string {
			return lang.L("{{.Name}} (inactive)", map[string]any{"Name": name})
		},
		discardQuestion: func(name string) string {
			return lang.L("Drop your changes to {{.Person}}?", map[string]any{"Person": name})
		},
		deactivateTitle: lang.L("Deactivate person"),
		deactivateQuestion: func(name string) string {
			return lang.L("Why is {{.Person}} being deactivated? They keep their history, can no longer sign in or be given work, and can be reactivated.", map[string]any{"Person": name})
		},
		fetch:            store.Employee,
		saveRecord:       s.saveWithGroups,
		setActive:        store.SetEmployeeActive,
		below:            below,
		opened:           s.showGroups,
		beforeDeactivate: s.offerHandover,
		tools:            []fyne.CanvasObject{s.tools.importer.button, s.tools.export},
	})
	// The Save button saves the groups too: it goes through OnSave below.
	s.save.OnTapped = s.OnSave
	desk.OnChanged(func(*model.Employee) { s.checkRights() })
	s.setEditable(false) // until the model says otherwise
	return s
}

// checkRights asks the model whether the person at the desk may change
// people, and shows the form editable or read-only accordingly.
func (s *peopleScreen) checkRights() {
	by := s.desk.Actor()
	s.work.Go(func() func() {
		err := s.store.MayChangePeople(context.Background(), by)
		return func() { s.setEditable(err == nil) }
	})
}

// setEditable enables or disables everything that changes people: the
// fields, the group boxes and the buttons that write.
func (s *peopleScreen) setEditable(ok bool) {
	s.editable = ok
	s.form.setEditable(ok)
	buttons := []*widget.Button{s.save, s.cancel, s.deactivate, s.reactivate, s.newButton,
		s.tools.importer.button, s.tools.newGroup, s.tools.editGroup, s.tools.offGroup, s.tools.onGroup}
	if ok {
		s.groups.Enable()
		for _, b := range buttons {
			b.Enable()
		}
		s.readOnly.Hide()
	} else {
		s.groups.Disable()
		for _, b := range buttons {
			b.Disable()
		}
		s.readOnly.Show()
	}
	s.enablePassword()
}

// enablePassword lets a manager set the password of a stored person.
func (s *peopleScreen) enablePassword() {
	if s.editable && s.form.record().ID != 0 {
		s.password.Enable()
	} else {
		s.password.Disable()
	}
}

func bindPersonRow(e model.Employee, o fyne.CanvasObject) {
	name := e.Name
	if e.NameZH != "" {
		name += " " + e.NameZH
	}
	if !e.Active {
		name = lang.L("{{.Name}} (inactive)", map[string]any{"Name": name})
	}
	setCells(o, e.Initials, name, joinRoles(e.RoleList()), e.Email)
}

func joinRoles(roles []string) string {
	out := ""
	for i, r := range roles {
		if i > 0 {
			out += ", "
		}
		out += r
	}
	return out
}

// OnNew starts a new person (Ctrl+N), for those who may add one.
func (s *peopleScreen) OnNew() {
	if s.editable {
		s.masterScreen.OnNew()
	}
}

// OnSave saves the person and their groups (Ctrl+S).
func (s *peopleScreen) OnSave() {
	if s.save.Disabled() { // a save under way still reads s.saving
		return
	}
	s.saving = s.checkedGroups()
	s.masterScreen.OnSave()
}

// saveWithGroups saves the person and makes their groups the boxes checked
// when the save started, in one transaction through the model's people rules.
func (s *peopleScreen) saveWithGroups(ctx context.Context, by model.Actor, e *model.Employee) error {
	return s.store.SaveEmployeeWithGroups(ctx, by, e, s.saving)
}

func (s *peopleScreen) checkedGroups() []uint {
	var ids []uint
	for _, g := range s.all {
		if slices.Contains(s.groups.Selected, g.Display()) {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

// showGroups loads the office's groups and checks those the person with
// this id is in (none for a new person).
func (s *peopleScreen) showGroups(id uint) {
	s.enablePassword()
	s.work.Go(func() func() {
		ctx := context.Background()
		all, err := s.store.Groups(ctx)
		var mine []model.Group
		if err == nil && id != 0 {
			mine, err = s.store.GroupsOf(ctx, id)
		}
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayLoadErr(err))
				return
			}
			s.all = all
			options := make([]string, len(all))
			for i := range all {
				options[i] = all[i].Display()
			}
			var checked []string
			for i := range mine {
				checked = append(checked, mine[i].Display())
			}
			s.groups.Options = options
			s.groups.Selected = checked
			s.groups.Refresh()
		}
	})
}

// checkGroup checks the box of the group with this code (tests, and what a
// clerk clicks).
func (s *peopleScreen) checkGroup(code string) {
	for _, g := range s.all {
		if g.Code == code && !slices.Contains(s.groups.Selected, g.Display()) {
			s.groups.SetSelected(append(slices.Clone(s.groups.Selected), g.Display()))
		}
	}
}

// offerHandover asks, before a person with open work is deactivated,
// whether to hand it over first (the manager dashboard's hand-over); with
// no open work it goes straight on to the reason.
func (s *peopleScreen) offerHandover(id uint, deactivate func()) {
	name := s.form.record().Display()
	s.work.Go(func() func() {
		p, err := s.store.PreviewHandover(context.Background(), id)
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayLoadErr(err))
				return
			}
			if p.Total() == 0 {
				deactivate()
				return
			}
			text := widget.NewLabel(lang.L("{{.Person}} still has {{.Items}} open action items and {{.Orders}} open orders. Hand them over to someone before the deactivation?",
				map[string]any{"Person": name, "Items": len(p.ActionItems), "Orders": p.Total() - len(p.ActionItems)}))
			text.Wrapping = fyne.TextWrapWord
			var d *dialog.CustomDialog
			s.toHandover = widget.NewButton(lang.L("Hand over first…"), func() { d.Hide(); s.handover(id) })
			s.toHandover.Importance = widget.HighImportance
			s.anyway = widget.NewButton(lang.L("Deactivate anyway"), func() { d.Hide(); deactivate() })
			cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
			d = dialog.NewCustomWithoutButtons(lang.L("Open work"), container.NewVBox(text), s.win)
			d.SetButtons([]fyne.CanvasObject{cancel, s.anyway, s.toHandover})
			d.Resize(fyne.NewSize(520, 200))
			s.offer = d
			d.Show()
		}
	})
}

// onSetPassword lets a manager set or reset the open person's password (a
// forgotten one); the model refuses anyone else.
func (s *peopleScreen) onSetPassword() {
	if s.desk.Employee() == nil {
		s.form.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	e, by := *s.form.record(), s.desk.Actor()
	s.setPw = newPasswordDialog(s.win, e)
	pw := s.setPw
	submit := func() {
		text := pw.entry.Text
		submitDialogOr(&s.work, problemLine{pw.problem}, pw.set, pw.dialog,
			func(ctx context.Context) (struct{}, error) {
				return struct{}{}, s.store.SetPassword(ctx, by, e.ID, "", text)
			},
			func(struct{}) {
				s.form.status.SetText(lang.L("The password of {{.Person}} is set.", map[string]any{"Person": e.Display()}))
			},
			func(error) { s.win.Canvas().Focus(pw.entry) })
	}
	pw.entry.OnSubmitted = func(string) { submit() }
	pw.set.OnTapped = submit
	showEscapable(s.win, pw.dialog)
	s.win.Canvas().Focus(pw.entry)
}

// passwordDialog asks a manager for someone's new password; a refusal
// (too short, not a manager) stays in it, under the password.
type passwordDialog struct {
	entry   *Entry
	problem *widget.Label
	set     *widget.Button
	dialog  *dialog.CustomDialog
}

func newPasswordDialog(w fyne.Window, e model.Employee) *passwordDialog {
	p := &passwordDialog{entry: NewEntry(), problem: newProblemLabel()}
	p.entry.Password = true
	p.set = widget.NewButton(lang.L("Set"), nil)
	p.set.Importance = widget.HighImportance
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Set password"),
		container.NewVBox(widget.NewLabel(lang.L("New password for {{.Person}}", map[string]any{"Person": e.Display()})), p.entry, p.problem), w)
	p.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), p.dialog.Hide), p.set})
	p.dialog.Resize(fyne.NewSize(420, 200))
	return p
}

// Shown lists the office's groups the first time the section opens, so
// the blank form a clerk starts from (a new person) has its group boxes
// too; opening a person lists them again with that person's ticked.
func (s *peopleScreen) Shown() {
	first := !s.loaded
	s.checkRights()
	s.masterScreen.Shown()
	if first {
		s.showGroups(0)
	}
}
