package ui

import (
	"context"
	"testing"

	"orderdesk/model"
)

// TestOfficeSettingsTicketDefaults: a manager names the default manager of
// requests for quote in the settings' table of ticket types; the office
// keeps it and a new request for quote goes to that person.
func TestOfficeSettingsTicketDefaults(t *testing.T) {
	store := openTestStore(t)
	sales := addEmployee(t, store, "Chang Ya-ting", "張雅婷", "YT", false)
	boss := addEmployee(t, store, "Lin Mei", "林美", "LM", true)
	d := newDeskTest(t, store, boss)
	d.shortcut(ShortcutSection(SectionSettings))
	f := d.shell.prefs.office
	rfq := -1
	for i, typ := range model.TicketTypes {
		if typ.Code == "QUOTE-RFQ" {
			rfq = i
		}
	}
	if got := f.tickets.groups[rfq].Text; got != "SALES" {
		t.Fatalf("the RFQ row's group shows %q", got)
	}
	if f.tickets.managers[rfq].SelectedIndex() != 0 {
		t.Fatalf("the RFQ row's manager starts at %d, want (nobody)", f.tickets.managers[rfq].SelectedIndex())
	}
	f.tickets.managers[rfq].SetSelected(sales.Display())
	d.shortcut(ShortcutSave)
	if got := d.shell.prefs.officeStatus.Text; got != "Office settings saved." {
		t.Fatalf("saving says %q", got)
	}
	o, _ := store.Office(context.Background())
	if got := o.TicketDefault("QUOTE-RFQ").ManagerID; got != sales.ID {
		t.Errorf("the stored RFQ default manager is %d, want %d", got, sales.ID)
	}
	tk, err := store.CreateTicket(context.Background(), boss.Actor(), model.TicketInput{Type: "QUOTE-RFQ", Subject: "RFQ coated 128g"})
	if err != nil || tk.ManagerID == nil || *tk.ManagerID != sales.ID || tk.Status != model.TicketInHouse {
		t.Errorf("a new request for quote: %+v %v", tk, err)
	}
}
