package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// ticketDefaultsTable is the office settings' small table of ticket types:
// for each, the group and the manager a new ticket goes to, and whether it
// needs a response (model.TicketDefault). The model checks the people and
// groups when the settings are saved.
type ticketDefaultsTable struct {
	managers   []*Select
	groups     []*Entry
	noResponse []*Check
	content    fyne.CanvasObject
}

func newTicketDefaultsTable() *ticketDefaultsTable {
	t := &ticketDefaultsTable{}
	// Columns by weight, the texts wrapping: a grid would make every
	// column as wide as the longest type's name, wider than the window.
	row := func(cells ...fyne.CanvasObject) fyne.CanvasObject {
		return container.New(&columnsLayout{weights: []float32{3, 2, 2, 1.3}}, cells...)
	}
	wrapped := func(text string, bold bool) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	rows := container.NewVBox(row(wrapped(lang.L("Type"), true), wrapped(lang.L("Default group"), true),
		wrapped(lang.L("Default manager"), true), wrapped(lang.L("No response needed"), true)))
	for _, typ := range model.TicketTypes {
		m, g, c := NewSelect(nil, nil), NewEntry(), NewCheck("", nil)
		t.managers, t.groups, t.noResponse = append(t.managers, m), append(t.groups, g), append(t.noResponse, c)
		rows.Add(row(wrapped(typeName(typ), false), g, m, c))
	}
	t.content = rows
	return t
}

// load shows o's defaults; opts and ids are the people to choose from (0: nobody).
func (t *ticketDefaultsTable) load(o model.Office, opts []string, ids []uint) {
	for i, typ := range model.TicketTypes {
		d := o.TicketDefault(typ.Code)
		t.groups[i].SetText(d.Group)
		t.managers[i].Options = opts
		t.managers[i].SetSelectedIndex(indexOfID(ids, d.ManagerID))
		t.noResponse[i].SetChecked(d.NoResponse)
	}
}

// read puts the table's defaults on o.
func (t *ticketDefaultsTable) read(o *model.Office, ids []uint) {
	for i, typ := range model.TicketTypes {
		o.SetTicketDefault(typ.Code, model.TicketDefault{Group: strings.TrimSpace(t.groups[i].Text),
			ManagerID: idAt(ids, t.managers[i].SelectedIndex()), NoResponse: t.noResponse[i].Checked})
	}
}
