package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// queueLimit bounds the rows of one queue loaded at once; a queue longer
// than this is worked from its oldest end, which is what is shown.
const queueLimit = 500

// queueColumns are the widths of the queue's columns: due, title, object, assigned to.
var queueColumns = []float32{1.9, 2.6, 2.2, 1.6}

// queueLayout lays out a queue's rows and heading: the due day always
// reads whole, and so does its lateness ("2026-12-07 (12 days late)", the
// reason the item is on the list), the title and object giving way and
// "Assigned to" hiding when narrow; at 1024 wide it read "2026-12-07 (1 d…".
func queueLayout() *columnsLayout {
	const day = "2026-12-07"
	late := lang.L("{{.Date}} ({{.N}} days late)", map[string]any{"Date": day, "N": 99})
	return &columnsLayout{weights: queueColumns, mins: []float32{wholeWidth(day)}, wants: []float32{wholeWidth(late)},
		drop: []int{3}, wantsFirst: true}
}

// queueKinds are the queues in the order of their tabs.
var queueKinds = []model.Queue{model.QueueMine, model.QueueGroups, model.QueuePublic}

// queuesScreen is the clerk's work list (seed 003): my items, my groups'
// items and public items, due today and overdue (or all), oldest first,
// with the item's details beside the list.
type queuesScreen struct {
	bar    *container.AppTabs
	all    *Check
	group  *Select
	count  *widget.Label
	status *widget.Label
	header *fyne.Container // the columns' names, hidden over an empty queue
	list   *itemList
	title  *widget.Label
	meta   *widget.Label
	object *widget.Label
	body   *widget.Label
	open   *widget.Button
	done   *widget.Button
	reopen *widget.Button
	// openScan shows the returned scan of a "check the signature" item.
	openScan *widget.Button
	content  fyne.CanvasObject

	win      fyne.Window
	store    queuesStore
	desk     *Desk
	openObj  func(model.ObjectKind, uint) bool
	work     *jobs
	items    []model.Note
	names    map[model.ObjectRef]string
	scans    map[uint]model.ScanReturn // by item: the scan a signature check is of
	openFile func(path string) error   // the system's viewer (tests record it)
	counts   model.QueueCounts
	myGroups []model.Group
	today    model.Date
	lastDone *model.Note
	gen      int
	loaded   bool
}

// queuesStore is the store as the queues uses it; a test hands it one that fails.
type queuesStore interface {
	objectNamer
	CountQueues(ctx context.Context, personID uint) (model.QueueCounts, error)
	GroupsOf(ctx context.Context, employeeID uint) ([]model.Group, error)
	Location() *time.Location
	MarkDone(ctx context.Context, by model.Actor, id uint) error
	QueueItems(ctx context.Context, f model.QueueFilter) ([]model.Note, error)
	Reopen(ctx context.Context, by model.Actor, id uint) error
	SignatureScans(ctx context.Context, items []model.Note) (map[uint]model.ScanReturn, error)
	Today() model.Date
}

func newQueuesScreen(w fyne.Window, store *model.Store, desk *Desk, work *jobs, open func(model.ObjectKind, uint) bool) *queuesScreen {
	s := &queuesScreen{win: w, store: store, desk: desk, work: work, openObj: open, openFile: openFile, count: widget.NewLabel(""), status: widget.NewLabel(""),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		meta:  widget.NewLabel(""), object: widget.NewLabel(""), body: widget.NewLabel("")}
	for _, l := range []*widget.Label{s.status, s.title, s.meta, s.object, s.body} {
		l.Wrapping = fyne.TextWrapWord
	}
	s.bar = container.NewAppTabs(
		container.NewTabItem(lang.L("My items"), layout.NewSpacer()),
		container.NewTabItem(lang.L("My groups"), layout.NewSpacer()),
		container.NewTabItem(lang.L("Public"), layout.NewSpacer()))
	s.bar.OnSelected = func(*container.TabItem) { s.onQueueChanged() }
	s.all = NewCheck(lang.L("All pending, not only due today and overdue"), func(bool) { s.reload() })
	s.group = NewSelect(nil, func(string) { s.reload() })
	s.group.Hide()
	columns := queueLayout() // measured once; rows and heading share it
	s.list = newItemList(func() int { return len(s.items) },
		func() fyne.CanvasObject { return newColumnsOf(columns) }, s.bindRow)
	s.list.OnHighlighted = s.showItem
	s.list.OnSelected = s.showItem
	s.list.OnOpen = s.onOpen
	s.list.OnDone = s.onDone
	s.list.OnReopen = s.onReopen
	s.list.OnOpenScan = s.onOpenScan
	s.open = widget.NewButtonWithIcon(lang.L("Open (Enter)"), theme.NavigateNextIcon(), func() { s.onOpen(s.list.current) })
	s.done = widget.NewButtonWithIcon(lang.L("Done (D)"), theme.ConfirmIcon(), func() { s.onDone(s.list.current) })
	s.done.Importance = widget.HighImportance
	s.reopen = widget.NewButtonWithIcon(lang.L("Reopen the last done (R)"), theme.ContentUndoIcon(), s.onReopen)
	s.openScan = widget.NewButtonWithIcon(lang.L("Open scan (O)"), theme.FileImageIcon(), func() { s.onOpenScan(s.list.current) })
	desk.OnChanged(func(*model.Employee) {
		if s.loaded {
			s.reload()
		}
	})

	s.header = newHeaderOf(columns, lang.L("Due"), lang.L("Title"), lang.L("On"), lang.L("Assigned to"))
	top := container.NewVBox(s.bar, container.NewBorder(nil, nil, s.all, s.count, s.group), s.status, s.header)
	left := container.NewBorder(top, nil, nil, nil, s.list)
	detail := container.NewBorder(nil, container.NewHBox(s.done, s.openScan, s.open, s.reopen), nil, nil,
		container.NewVScroll(container.NewVBox(s.title, s.meta, s.object, widget.NewSeparator(), s.body)))
	split := container.NewHSplit(left, container.NewPadded(detail))
	split.SetOffset(0.62)
	s.content = split
	s.showItem(-1)
	s.status.Hide()
	return s
}

// Content returns the screen's widgets.
func (s *queuesScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the queue (others may have worked it meanwhile) and puts
// the keyboard on the list. (The window's canvas, because the driver knows
// no canvas for a list not drawn yet: the first time the section opens.)
func (s *queuesScreen) Shown() {
	s.loaded = true
	s.reload()
	s.win.Canvas().Focus(s.list)
}

func (s *queuesScreen) queue() model.Queue { return queueKinds[max(s.bar.SelectedIndex(), 0)] }

func (s *queuesScreen) onQueueChanged() {
	if s.queue() == model.QueueGroups {
		s.group.Show()
	} else {
		s.group.Hide()
	}
	s.reload()
}

// groupID returns the group chosen in the groups queue (0: all my groups).
func (s *queuesScreen) groupID() uint {
	if i := s.group.SelectedIndex(); i > 0 && i <= len(s.myGroups) {
		return s.myGroups[i-1].ID
	}
	return 0
}

// reload loads the open queue, its counts and the clerk's groups off the UI goroutine.
func (s *queuesScreen) reload() {
	me := s.desk.Employee()
	if me == nil {
		s.items = nil
		s.list.Refresh()
		setInfo(s.status, lang.L("Say who you are first (Desk → Switch person)."))
		s.showItem(-1)
		return
	}
	f := model.QueueFilter{Queue: s.queue(), PersonID: me.ID, All: s.all.Checked, GroupID: s.groupID(), Limit: queueLimit}
	s.gen++
	gen := s.gen
	s.work.Go(func() func() {
		ctx := context.Background()
		items, err := s.store.QueueItems(ctx, f)
		var counts model.QueueCounts
		var groups []model.Group
		var names map[model.ObjectRef]string
		var scans map[uint]model.ScanReturn
		if err == nil {
			scans, err = s.store.SignatureScans(ctx, items)
		}
		if err == nil {
			counts, err = s.store.CountQueues(ctx, f.PersonID)
		}
		if err == nil {
			groups, err = s.store.GroupsOf(ctx, f.PersonID)
		}
		if err == nil {
			names, err = loadObjectNames(ctx, s.store, items)
		}
		return func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				setInfo(s.status, SayLoadErr(err))
				return
			}
			s.scans = scans
			s.apply(f, items, counts, groups, names)
		}
	})
}

func (s *queuesScreen) apply(f model.QueueFilter, items []model.Note, counts model.QueueCounts, groups []model.Group, names map[model.ObjectRef]string) {
	s.items, s.counts, s.names, s.today = items, counts, names, s.store.Today()
	s.myGroups = groups
	s.fillGroups()
	n := [3]int{counts.Mine, counts.Groups, counts.Public}
	if f.All {
		n = [3]int{counts.MineAll, counts.GroupsAll, counts.PublicAll}
	}
	titles := [3]string{lang.L("My items"), lang.L("My groups"), lang.L("Public")}
	for i, t := range titles {
		s.bar.Items[i].Text = lang.L("{{.Queue}} ({{.N}})", map[string]any{"Queue": t, "N": n[i]})
	}
	s.bar.Refresh()
	switch total := n[s.bar.SelectedIndex()]; {
	case f.GroupID == 0 && total > len(items):
		s.count.SetText(lang.L("the oldest {{.N}} of {{.Total}}", map[string]any{"N": model.Count(len(items)), "Total": model.Count(total)}))
	default:
		s.count.SetText(plural(len(items), lang.L("1 action item"), lang.L("{{.N}} action items", map[string]any{"N": len(items)})))
	}
	// "Nothing to do here." read above the columns' names of an empty list.
	if len(items) == 0 {
		s.header.Hide()
	} else {
		s.header.Show()
	}
	if len(items) == 0 {
		setInfo(s.status, lang.L("Nothing to do here."))
	} else if s.status.Text == lang.L("Nothing to do here.") || s.status.Text == lang.L("Say who you are first (Desk → Switch person).") {
		setInfo(s.status, "")
	}
	s.list.UnselectAll()
	s.list.Refresh()
	cur := min(max(s.list.current, 0), len(items)-1)
	if cur >= 0 {
		s.list.Highlight(cur)
	}
	s.showItem(cur)
}

// fillGroups lists "all my groups" and each group of the clerk, keeping the choice.
func (s *queuesScreen) fillGroups() {
	id := s.groupID()
	opts := []string{lang.L("All my groups")}
	sel := 0
	for i, g := range s.myGroups {
		opts = append(opts, g.Display())
		if g.ID == id {
			sel = i + 1
		}
	}
	s.group.Options = opts
	if s.group.SelectedIndex() != sel {
		changed := s.group.OnChanged
		s.group.OnChanged = nil // choosing what is already shown must not reload
		s.group.SetSelectedIndex(sel)
		s.group.OnChanged = changed
	}
}

func (s *queuesScreen) bindRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(s.items) {
		return
	}
	n := &s.items[id]
	setCells(o, dueText(n.DueOn, s.today), n.Title, objectText(s.names, n.ObjectKind, n.ObjectID), assignedText(n))
}

// showItem shows item i beside the list (-1: none).
func (s *queuesScreen) showItem(i int) {
	if i < 0 || i >= len(s.items) {
		s.list.current = -1
		for _, l := range []*widget.Label{s.title, s.meta, s.object, s.body} {
			l.SetText("")
		}
		s.open.Disable()
		s.done.Disable()
		s.showSignatureCheck(nil)
		s.updateReopen()
		return
	}
	s.list.current = i
	n := &s.items[i]
	s.title.SetText(n.Title)
	public := ""
	if n.Public {
		public = lang.L(", public")
	}
	s.meta.SetText(lang.L("Due {{.Due}}, for {{.Who}}{{.Public}}. Written by {{.Author}}, {{.When}}.", map[string]any{
		"Due": dueText(n.DueOn, s.today), "Who": assignedText(n), "Public": public, "Author": authorText(n),
		"When": n.CreatedAt.In(s.store.Location()).Format("2006-01-02 15:04")}))
	s.object.SetText(objectText(s.names, n.ObjectKind, n.ObjectID))
	s.body.SetText(n.Body)
	if canOpen(n.ObjectKind) && s.openObj != nil {
		s.open.Enable()
	} else {
		s.open.Disable()
	}
	s.done.Enable()
	s.showSignatureCheck(n)
	s.updateReopen()
}

// showSignatureCheck fits the buttons to item n: the "check the signature"
// item of a scanned sign-back is confirmed with the same one key, D, which
// records on the order who checked it (model.Store.MarkDone), and its scan
// opens with O, so the clerk reads the signature without leaving the queue.
func (s *queuesScreen) showSignatureCheck(n *model.Note) {
	if n != nil {
		if _, _, ok := n.SignatureCheck(); ok {
			s.done.SetText(lang.L("Signature checked (D)"))
			s.openScan.Show()
			if _, ok := s.scans[n.ID]; ok {
				s.openScan.Enable()
			} else {
				s.openScan.Disable()
			}
			return
		}
	}
	s.done.SetText(lang.L("Done (D)"))
	s.openScan.Hide()
}

// onOpenScan shows the returned scan of item i, when it is a signature check.
func (s *queuesScreen) onOpenScan(i int) {
	if i < 0 || i >= len(s.items) {
		return
	}
	sc, ok := s.scans[s.items[i].ID]
	if !ok {
		return
	}
	if err := s.openFile(sc.StoredPath); err != nil {
		setInfo(s.status, SayErr(err))
	}
}

func (s *queuesScreen) updateReopen() {
	if s.lastDone != nil {
		s.reopen.Enable()
	} else {
		s.reopen.Disable()
	}
}

// onOpen shows the object item i is on, in its own section.
func (s *queuesScreen) onOpen(i int) {
	if i < 0 || i >= len(s.items) || s.openObj == nil {
		return
	}
	n := s.items[i]
	if !canOpen(n.ObjectKind) {
		setInfo(s.status, lang.L("{{.Object}} cannot be opened from here yet.", map[string]any{"Object": objectText(s.names, n.ObjectKind, n.ObjectID)}))
		return
	}
	s.openObj(n.ObjectKind, n.ObjectID)
}

// onDone marks item i done as the clerk at the desk; the model says whether it may.
func (s *queuesScreen) onDone(i int) {
	if i < 0 || i >= len(s.items) {
		return
	}
	n, by := s.items[i], s.desk.Actor()
	s.work.Go(func() func() {
		err := s.store.MarkDone(context.Background(), by, n.ID)
		return func() {
			if err != nil {
				setInfo(s.status, SayErr(err))
				return
			}
			s.lastDone = &n
			setInfo(s.status, lang.L("Done: {{.Title}}. Press R to reopen it.", map[string]any{"Title": n.Title}))
			s.reload()
		}
	})
}

// onReopen puts the last item marked done back in its queue.
func (s *queuesScreen) onReopen() {
	n := s.lastDone
	if n == nil {
		return
	}
	by := s.desk.Actor()
	s.work.Go(func() func() {
		err := s.store.Reopen(context.Background(), by, n.ID)
		return func() {
			if err != nil {
				setInfo(s.status, SayErr(err))
				return
			}
			s.lastDone = nil
			setInfo(s.status, lang.L("Reopened: {{.Title}}.", map[string]any{"Title": n.Title}))
			s.reload()
		}
	})
}
