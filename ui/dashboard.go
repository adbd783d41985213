package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// pastDueColumns are the widths of the past-due tables: name, count, oldest.
var pastDueColumns = []float32{2.4, 0.8, 1.2}

// dashboardScreen is the manager dashboard (seed 003): how many past-due
// action items each person and each group has, the items behind a count,
// and "reassign everything" from one person, with a preview of what moves.
// Only managers see it; the model checks the manager flag again on reassign.
type dashboardScreen struct {
	forManagers *widget.Label
	peopleList  *widget.List
	groupsList  *widget.List
	drillTitle  *widget.Label
	drillList   *widget.List
	status      *widget.Label
	// overdueRMAs counts the returns past their step's due date (the
	// Returns (RMA) tab lists them).
	overdueRMAs *widget.Label
	handover    *handoverPanel
	board       fyne.CanvasObject
	content     *fyne.Container

	store  dashboardStore
	desk   *Desk
	work   *jobs
	dash   model.Dashboard
	drill  []model.Note
	names  map[model.ObjectRef]string
	today  model.Date
	loaded bool
}

// dashboardStore is the store as the dashboard uses it; a test hands it one that fails.
type dashboardStore interface {
	objectNamer
	ManagerDashboard(ctx context.Context) (model.Dashboard, error)
	PastDueItems(ctx context.Context, id uint, group bool, limit int) ([]model.Note, error)
	Today() model.Date
}

func newDashboardScreen(w fyne.Window, store *model.Store, desk *Desk, work *jobs) *dashboardScreen {
	s := &dashboardScreen{store: store, desk: desk, work: work,
		forManagers: widget.NewLabel(lang.L("The manager dashboard is for managers. Your own queues are under My queues.")),
		drillTitle:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		status:      newProblemLabel(), overdueRMAs: widget.NewLabel("")}
	s.forManagers.Wrapping = fyne.TextWrapWord
	s.peopleList = pastDueList(func() []model.PastDue { return s.dash.People }, func(i int) { s.onDrill(s.dash.People[i], false) })
	s.groupsList = pastDueList(func() []model.PastDue { return s.dash.Groups }, func(i int) { s.onDrill(s.dash.Groups[i], true) })
	columns := queueLayout() // measured once; rows and heading share it
	s.drillList = widget.NewList(func() int { return len(s.drill) },
		func() fyne.CanvasObject { return newColumnsOf(columns) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.drill) {
				n := &s.drill[id]
				setCells(o, dueText(n.DueOn, s.today), n.Title, objectText(s.names, n.ObjectKind, n.ObjectID), assignedText(n))
			}
		})
	s.handover = newHandoverPanel(w, store, desk, work, s.reload)

	heading := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	tables := container.NewVSplit(
		container.NewBorder(container.NewVBox(heading(lang.L("Past due by person")),
			newHeader(pastDueColumns, lang.L("Person"), lang.L("Past due"), lang.L("Oldest"))), nil, nil, nil, s.peopleList),
		container.NewBorder(container.NewVBox(heading(lang.L("Past due by group")),
			newHeader(pastDueColumns, lang.L("Group"), lang.L("Past due"), lang.L("Oldest"))), nil, nil, nil, s.groupsList))
	drill := container.NewBorder(container.NewVBox(s.drillTitle,
		newHeaderOf(columns, lang.L("Due"), lang.L("Title"), lang.L("On"), lang.L("Assigned to"))), nil, nil, nil, s.drillList)
	right := container.NewVSplit(drill, s.handover.content)
	split := container.NewHSplit(tables, right)
	split.SetOffset(0.38)
	s.board = container.NewBorder(container.NewVBox(s.status, s.overdueRMAs), nil, nil, nil, split)
	s.content = container.NewStack(container.NewPadded(s.forManagers), s.board)
	desk.OnChanged(func(*model.Employee) {
		if s.loaded {
			s.Shown()
		}
	})
	s.showFor()
	return s
}

// pastDueList is a list of past-due counts; opening a row drills down.
func pastDueList(rows func() []model.PastDue, opened func(int)) *widget.List {
	l := widget.NewList(func() int { return len(rows()) },
		func() fyne.CanvasObject { return newColumns(pastDueColumns) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if r := rows(); id < len(r) {
				setCells(o, r[id].Name, fmt.Sprint(r[id].Count), r[id].Oldest.String())
			}
		})
	l.OnSelected = func(id widget.ListItemID) { opened(id) }
	return l
}

// Content returns the screen's widgets.
func (s *dashboardScreen) Content() fyne.CanvasObject { return s.content }

// showFor shows the dashboard to a manager and the sentence to anyone else.
func (s *dashboardScreen) showFor() {
	if s.desk.IsManager() {
		s.forManagers.Hide()
		s.board.Show()
	} else {
		s.board.Hide()
		s.forManagers.Show()
	}
}

// Shown loads the counts (for managers only).
func (s *dashboardScreen) Shown() {
	s.loaded = true
	s.showFor()
	if s.desk.IsManager() {
		s.reload()
		s.handover.load()
	}
}

func (s *dashboardScreen) reload() {
	s.work.Go(func() func() {
		d, err := s.store.ManagerDashboard(context.Background())
		return func() {
			if err != nil {
				setProblemText(s.status, SayLoadErr(err))
				return
			}
			setProblemText(s.status, "")
			s.dash, s.today = d, s.store.Today()
			s.overdueRMAs.SetText(lang.L("Overdue returns (RMA): {{.N}}", map[string]any{"N": d.OverdueRMAs}))
			s.overdueRMAs.Importance = widget.MediumImportance
			if d.OverdueRMAs > 0 {
				s.overdueRMAs.Importance = widget.WarningImportance
			}
			s.overdueRMAs.Refresh()
			s.peopleList.UnselectAll()
			s.groupsList.UnselectAll()
			s.peopleList.Refresh()
			s.groupsList.Refresh()
			s.drill = nil
			s.drillTitle.SetText(lang.L("Choose a person or a group to see their past-due items."))
			s.drillList.Refresh()
		}
	})
}

// onDrill shows the past-due items behind one count; a person is also
// offered as whose work to reassign.
func (s *dashboardScreen) onDrill(r model.PastDue, group bool) {
	if !group {
		s.handover.choose(r.ID)
	}
	s.work.Go(func() func() {
		ctx := context.Background()
		items, err := s.store.PastDueItems(ctx, r.ID, group, queueLimit)
		var names map[model.ObjectRef]string
		if err == nil {
			names, err = loadObjectNames(ctx, s.store, items)
		}
		return func() {
			if err != nil {
				setProblemText(s.status, SayLoadErr(err))
				return
			}
			s.drill, s.names = items, names
			s.drillTitle.SetText(lang.L("Past due for {{.Name}}: {{.N}}", map[string]any{"Name": r.Name, "N": len(items)}))
			s.drillList.Refresh()
		}
	})
}
