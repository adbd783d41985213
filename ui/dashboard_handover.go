package ui

import (
	"context"
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// handoverPanel is "reassign everything" (seed 003): whose work, to whom
// (a person or a group; orders need a person), the preview of what moves,
// and the confirmation that moves exactly that preview.
type handoverPanel struct {
	from     *Select
	to       *Select
	ordersTo *Select
	preview  *widget.Button
	confirm  *widget.Button
	summary  *widget.Label
	lines    *widget.List
	fields   *FieldForm
	content  fyne.CanvasObject

	win      fyne.Window
	store    handoverStore
	desk     *Desk
	work     *jobs
	moved    func()
	everyone []model.Employee // inactive too: a person who left still has work to hand over
	active   []model.Employee
	targets  assignees
	shown    *model.HandoverPreview // the preview on screen, what Confirm moves
	request  model.Handover
	text     []string
	ask      *dialog.ConfirmDialog // the open confirmation, for tests
	want     uint                  // the person to choose once the people are loaded
}

// handoverStore is the store as the hand-over panel uses it; a test hands it one that fails.
type handoverStore interface {
	assigneeLister
	objectNamer
	Handover(ctx context.Context, by model.Actor, h model.Handover, preview model.HandoverPreview) error
	NotesByID(ctx context.Context, ids []uint) ([]model.Note, error)
	PreviewHandover(ctx context.Context, from uint) (model.HandoverPreview, error)
}

func newHandoverPanel(w fyne.Window, store *model.Store, desk *Desk, work *jobs, moved func()) *handoverPanel {
	p := &handoverPanel{win: w, store: store, desk: desk, work: work, moved: moved,
		summary: widget.NewLabel(""), fields: NewFieldForm()}
	p.summary.Wrapping = fyne.TextWrapWord
	p.from = NewSelect(nil, func(string) { p.invalidate() })
	p.to = NewSelect(nil, func(string) { p.invalidate() })
	p.ordersTo = NewSelect(nil, func(string) { p.invalidate() })
	p.preview = widget.NewButton(lang.L("Preview"), p.onPreview)
	p.confirm = widget.NewButton(lang.L("Reassign everything"), p.onConfirm)
	p.confirm.Importance = widget.DangerImportance
	p.confirm.Disable()
	p.lines = widget.NewList(func() int { return len(p.text) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.text) {
				o.(*widget.Label).SetText(p.text[id])
			}
		})
	p.fields.Add("From", lang.L("Whose work"), p.from)
	p.fields.Add("ToPerson", lang.L("To"), p.to)
	p.fields.Add("OrdersTo", lang.L("Orders to (when the work goes to a group)"), p.ordersTo)
	top := container.NewVBox(widget.NewLabelWithStyle(lang.L("Reassign everything from one person"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.fields.Content(), container.NewHBox(p.preview, p.confirm), p.summary)
	p.content = container.NewBorder(top, nil, nil, nil, p.lines)
	return p
}

// load reads the people and groups to choose from.
func (p *handoverPanel) load() {
	p.work.Go(func() func() {
		ctx := context.Background()
		everyone, err := p.store.Employees(ctx, true)
		var active []model.Employee
		var groups []model.Group
		if err == nil {
			active, groups, err = loadAssignees(ctx, p.store)
		}
		return func() {
			if err != nil {
				p.fields.SetOther(SayLoadErr(err))
				return
			}
			p.everyone, p.active = everyone, active
			p.targets = newAssignees(nil, active, groups)
			from := make([]string, len(everyone))
			for i := range everyone {
				from[i] = everyone[i].Display()
				if !everyone[i].Active {
					from[i] = lang.L("{{.Name}} (inactive)", map[string]any{"Name": from[i]})
				}
			}
			orders := make([]string, len(active))
			for i := range active {
				orders[i] = active[i].Display()
			}
			p.from.Options, p.to.Options, p.ordersTo.Options = from, p.targets.labels, orders
			p.from.Refresh()
			p.to.Refresh()
			p.ordersTo.Refresh()
			if p.want != 0 {
				p.choose(p.want)
				p.want = 0
			}
		}
	})
}

// choose makes the person with this id the one whose work is reassigned.
func (p *handoverPanel) choose(id uint) {
	for i := range p.everyone {
		if p.everyone[i].ID == id {
			p.from.SetSelectedIndex(i)
		}
	}
}

// chooseWhenLoaded chooses the person with this id once the next load lands.
func (p *handoverPanel) chooseWhenLoaded(id uint) { p.want = id }

// chooseTarget selects the receiver whose label is label (tests, and the same letters a clerk types).
func (p *handoverPanel) chooseTarget(label string) bool {
	for i, l := range p.targets.labels {
		if l == label {
			p.to.SetSelectedIndex(i)
			return true
		}
	}
	return false
}

// invalidate drops the preview on screen: the choice it was made for changed.
func (p *handoverPanel) invalidate() {
	p.shown = nil
	p.confirm.Disable()
}

// read returns the handover as chosen.
func (p *handoverPanel) read() (model.Handover, bool) {
	var h model.Handover
	i := p.from.SelectedIndex()
	if i < 0 || i >= len(p.everyone) {
		p.fields.ShowFieldErrors(model.FieldErrors{{Field: "From", Msg: model.M("Choose whose work is handed over.")}})
		return h, false
	}
	h.From = p.everyone[i].ID
	if j := p.to.SelectedIndex(); j >= 0 && j < len(p.targets.labels) {
		h.ToPerson, h.ToGroup = p.targets.people[j], p.targets.groups[j]
	}
	if k := p.ordersTo.SelectedIndex(); k >= 0 && k < len(p.active) && h.ToGroup != nil {
		id := p.active[k].ID
		h.OrdersTo = &id
	}
	return h, true
}

// onPreview lists what would move; the model refuses nothing here, it
// only reads. The refusals come with Confirm.
func (p *handoverPanel) onPreview() {
	h, ok := p.read()
	if !ok {
		return
	}
	p.fields.Clear()
	p.work.Go(func() func() {
		ctx := context.Background()
		pv, err := p.store.PreviewHandover(ctx, h.From)
		var text []string
		if err == nil {
			text, err = previewLines(ctx, p.store, pv)
		}
		return func() {
			if err != nil {
				p.fields.SetOther(SayLoadErr(err))
				return
			}
			p.shown, p.request, p.text = &pv, h, text
			p.summary.SetText(previewSummary(pv))
			p.lines.Refresh()
			if pv.Total() > 0 {
				p.confirm.Enable()
			} else {
				p.confirm.Disable()
			}
		}
	})
}

// onConfirm asks once more, then hands over exactly the preview on screen.
func (p *handoverPanel) onConfirm() {
	if p.shown == nil {
		return
	}
	p.ask = dialog.NewConfirm(lang.L("Reassign everything"),
		lang.L("Move {{.Summary}} from {{.From}} to {{.To}}?", map[string]any{"Summary": previewSummary(*p.shown),
			"From": p.from.Selected, "To": p.to.Selected}),
		func(ok bool) {
			if ok {
				p.handOver()
			}
		}, p.win)
	p.ask.SetConfirmText(lang.L("Reassign everything"))
	p.ask.SetConfirmImportance(widget.DangerImportance)
	p.ask.Show()
}

// handOver moves exactly the preview on screen; the model refuses if it
// is out of date, if the receiver cannot take work, or if the clerk is no manager.
func (p *handoverPanel) handOver() {
	if p.shown == nil {
		return
	}
	pv, h, by := *p.shown, p.request, p.desk.Actor()
	p.confirm.Disable()
	p.work.Go(func() func() {
		err := p.store.Handover(context.Background(), by, h, pv)
		return func() {
			if err != nil {
				if !p.fields.Show(err) {
					p.fields.SetOther(SayErr(err))
				}
				p.confirm.Enable()
				return
			}
			p.shown, p.text = nil, nil
			p.lines.Refresh()
			p.summary.SetText(lang.L("Moved: {{.Summary}}", map[string]any{"Summary": previewSummary(pv)}))
			if p.moved != nil {
				p.moved()
			}
		}
	})
}

// previewSummary counts what a preview moves, by kind.
func previewSummary(pv model.HandoverPreview) string {
	s := lang.L("{{.Items}} action items, {{.Orders}} open orders", map[string]any{"Items": len(pv.ActionItems), "Orders": len(pv.Orders)})
	for _, k := range otherKinds(pv) {
		s += ", " + lang.L("{{.N}} {{.Kind}}", map[string]any{"N": len(pv.Others[k]), "Kind": lang.L(k)})
	}
	return s
}

func otherKinds(pv model.HandoverPreview) []string {
	kinds := make([]string, 0, len(pv.Others))
	for k := range pv.Others {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return kinds
}

// previewLines names each thing a preview moves, one line each.
func previewLines(ctx context.Context, store handoverStore, pv model.HandoverPreview) ([]string, error) {
	items, err := store.NotesByID(ctx, pv.ActionItems)
	if err != nil {
		return nil, err
	}
	refs := make([]model.ObjectRef, 0, len(items)+len(pv.Orders))
	for _, n := range items {
		refs = append(refs, model.ObjectRef{Kind: n.ObjectKind, ID: n.ObjectID})
	}
	for _, id := range pv.Orders {
		refs = append(refs, model.ObjectRef{Kind: model.OnOrder, ID: id})
	}
	names, err := store.ObjectNames(ctx, refs)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range items {
		out = append(out, lang.L("Action item: {{.Title}} (due {{.Due}}, {{.On}})", map[string]any{
			"Title": n.Title, "Due": n.DueOn.String(), "On": objectText(names, n.ObjectKind, n.ObjectID)}))
	}
	for _, id := range pv.Orders {
		out = append(out, objectText(names, model.OnOrder, id))
	}
	for _, k := range otherKinds(pv) {
		for _, id := range pv.Others[k] {
			out = append(out, fmt.Sprintf("%s %d", lang.L(k), id))
		}
	}
	return out, nil
}
