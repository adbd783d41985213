package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// kindName returns the name of a kind of object in the clerk's language.
func kindName(k model.ObjectKind) string {
	switch k {
	case model.OnCustomer:
		return lang.L("Customer")
	case model.OnVendor:
		return lang.L("Vendor")
	case model.OnProduct:
		return lang.L("Product")
	case model.OnOrder:
		return lang.L("Order")
	case model.OnShipment:
		return lang.L("Shipment")
	case model.OnTicket:
		return lang.L("Ticket")
	}
	return string(k)
}

// objectText returns how a list names the object a note is on: "Customer
// C0001 萬國紙業", or the kind and id when the model knows no name for it.
func objectText(names map[model.ObjectRef]string, k model.ObjectKind, id uint) string {
	if n, ok := names[model.ObjectRef{Kind: k, ID: id}]; ok {
		return kindName(k) + " " + strings.Join(strings.Fields(n), " ")
	}
	return kindName(k) + " " + lang.L("no. {{.ID}}", map[string]any{"ID": id})
}

// setInfo shows text in l, and hides l when there is nothing to say, so
// an empty status line takes no room.
func setInfo(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// objectNamer is the store as loadObjectNames reads it.
type objectNamer interface {
	ObjectNames(ctx context.Context, refs []model.ObjectRef) (map[model.ObjectRef]string, error)
}

// loadObjectNames returns the names of the objects items are on (off the UI goroutine).
func loadObjectNames(ctx context.Context, store objectNamer, items []model.Note) (map[model.ObjectRef]string, error) {
	refs := make([]model.ObjectRef, len(items))
	for i, n := range items {
		refs[i] = model.ObjectRef{Kind: n.ObjectKind, ID: n.ObjectID}
	}
	return store.ObjectNames(ctx, refs)
}

// assignedText returns who must act on an item: a person, or a group.
func assignedText(n *model.Note) string {
	switch {
	case n.Assignee != nil:
		return n.Assignee.Display()
	case n.AssignedGroup != nil:
		return lang.L("{{.Group}} (group)", map[string]any{"Group": n.AssignedGroup.Display()})
	}
	return ""
}

// dueText returns when an item is due, relative to today: "2026-11-20
// (today)", "2026-11-18 (2 days late)".
func dueText(due, today model.Date) string {
	switch d := due.DaysUntil(today); {
	case d == 0:
		return lang.L("{{.Date}} (today)", map[string]any{"Date": due.String()})
	case d == 1:
		return lang.L("{{.Date}} (1 day late)", map[string]any{"Date": due.String()})
	case d > 1:
		return lang.L("{{.Date}} ({{.N}} days late)", map[string]any{"Date": due.String(), "N": d})
	}
	return due.String()
}

// authorText returns who wrote a note, or OrderDesk for the items it makes itself.
func authorText(n *model.Note) string {
	if n.Author != nil {
		return n.Author.Display()
	}
	return lang.L("OrderDesk")
}

// assignees are the people and groups an action item may be given to, in
// the order a Select lists them: the clerk first, then everyone else, then
// the groups.
type assignees struct {
	labels []string
	people []*uint // nil for a group
	groups []*uint // nil for a person
}

// assigneeLister is the store as loadAssignees reads it.
type assigneeLister interface {
	Employees(ctx context.Context, includeInactive bool) ([]model.Employee, error)
	Groups(ctx context.Context) ([]model.Group, error)
}

// loadAssignees reads the active people and groups (off the UI goroutine).
func loadAssignees(ctx context.Context, store assigneeLister) ([]model.Employee, []model.Group, error) {
	people, err := store.Employees(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	groups, err := store.Groups(ctx)
	return people, groups, err
}

// newAssignees lists me first ("me" when known), the others, then the groups.
func newAssignees(me *model.Employee, people []model.Employee, groups []model.Group) assignees {
	var a assignees
	add := func(label string, person, group *uint) {
		a.labels = append(a.labels, label)
		a.people = append(a.people, person)
		a.groups = append(a.groups, group)
	}
	if me != nil {
		id := me.ID
		add(lang.L("Me ({{.Name}})", map[string]any{"Name": me.Display()}), &id, nil)
	}
	for i := range people {
		if me != nil && people[i].ID == me.ID {
			continue
		}
		id := people[i].ID
		add(people[i].Display(), &id, nil)
	}
	for i := range groups {
		id := groups[i].ID
		add(lang.L("{{.Group}} (group)", map[string]any{"Group": groups[i].Display()}), nil, &id)
	}
	return a
}
