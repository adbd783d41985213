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
	grid := container.NewGridWithColumns(4,
		widget.NewLabelWithStyle(lang.L("Type"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Default group"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Default manager"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("No response needed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, typ := range model.TicketTypes {
		m, g, c := NewSelect(nil, nil), NewEntry(), NewCheck("", nil)
		t.managers, t.groups, t.noResponse = append(t.managers, m), append(t.groups, g), append(t.noResponse, c)
		grid.Add(widget.NewLabel(typeName(typ)))
		grid.Add(g)
		grid.Add(m)
		grid.Add(c)
	}
	t.content = grid
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
