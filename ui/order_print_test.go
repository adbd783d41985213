package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
	"orderdesk/reports"
)

// TestIssuingTheConfirmationPrintsIt: the issue action records the new
// revision with its file, writes the PDF under the documents folder
// (OrderDesk/<year>/<order no>/) and opens it for faxing.
func TestIssuingTheConfirmationPrintsIt(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	order := f.checked(f.intake(f.customer("A001", nil), 100, "WF-80-787"))
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	d.docsDir = t.TempDir()
	var opened []string
	d.openFile = func(p string) error { opened = append(opened, p); return nil }

	o.runAction(d, model.DoIssueConfirmation)
	o.settle()
	got, _ := store.Order(context.Background(), order.ID)
	rev := got.Revision()
	want := filepath.Join(d.docsDir, "OrderDesk", strings.Split(order.No, "-")[1], order.No, order.No+"-confirmation-R1.pdf")
	if rev == nil || rev.Rev != 1 || rev.Document != want {
		t.Fatalf("revision %+v, want its document at %s", rev, want)
	}
	if len(opened) != 1 || opened[0] != want {
		t.Fatalf("opened %v, want the confirmation", opened)
	}
	if data, err := os.ReadFile(want); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF at %s: %v", want, err)
	}
}

// TestPrintMenuWritesEveryDocument prints each document the Print menu
// offers for a delivered demo order; a document of a shipment is offered
// once per shipment.
func TestPrintMenuWritesEveryDocument(t *testing.T) {
	store := demoStore(t, 400)
	rows, err := store.Orders(context.Background(), model.OrderFilter{View: model.ViewState, State: model.StateDelivered, Limit: 100})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no delivered demo order: %v", err)
	}
	var ship []model.Shipment
	for len(rows) > 1 {
		if ship, _ = store.OrderShipments(context.Background(), rows[0].ID); len(ship) > 0 {
			break
		}
		rows = rows[1:]
	}
	people, _ := store.Employees(context.Background(), false)
	o := newOrderDesk(t, store, &people[0])
	d := o.open(rows[0].ID)
	d.docsDir = t.TempDir()
	var opened []string
	d.openFile = func(p string) error { opened = append(opened, p); return nil }
	var offered []string
	o.do(func() {
		for _, it := range d.printMenu().Items {
			if it.Action != nil && !it.Disabled {
				offered = append(offered, it.Label)
				it.Action()
			}
		}
	})
	o.settle()
	if d.status.Visible() && d.status.Text != "" {
		t.Errorf("printing: %s", d.status.Text)
	}
	if len(offered) < len(reports.Kinds)-1 || len(opened) != len(offered) {
		t.Fatalf("offered %v, opened %d documents", offered, len(opened))
	}
	for _, p := range opened {
		if info, err := os.Stat(p); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	if len(ship) == 0 || !strings.Contains(strings.Join(offered, "|"), ship[0].No) {
		t.Errorf("the shipping documents are not offered by shipment: %v", offered)
	}
}

// TestPrintMenuSaysWhyNot: an order in its checks offers its confirmation
// (as a draft) and the fax cover; the documents not true yet are disabled,
// each with the model's reason beneath it.
func TestPrintMenuSaysWhyNot(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	order := f.checked(f.intake(f.customer("A001", nil), 100, "WF-80-787"))
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	var items []*fyne.MenuItem
	o.do(func() { items = d.printMenu().Items })
	enabled, reasons := map[string]bool{}, map[string]string{}
	for i, it := range items {
		if !it.Disabled {
			enabled[it.Label] = true
		} else if it.Label == kindLabels[reports.KindProductionCopy] || it.Label == kindLabels[reports.KindShippingNotice] {
			if i+1 < len(items) && items[i+1].Disabled {
				reasons[it.Label] = items[i+1].Label
			}
		}
	}
	if !enabled[kindLabels[reports.KindConfirmation]] || !enabled[kindLabels[reports.KindFaxCover]] || len(enabled) != 2 {
		t.Errorf("enabled %v, want the confirmation and the fax cover", enabled)
	}
	if !strings.Contains(reasons[kindLabels[reports.KindProductionCopy]], "released") ||
		!strings.Contains(reasons[kindLabels[reports.KindShippingNotice]], "shipment") {
		t.Errorf("reasons %v", reasons)
	}
}

// TestSaveACopyAs writes the confirmation where the clerk chose, besides
// the copy kept under the documents folder.
func TestSaveACopyAs(t *testing.T) {
	store := demoStore(t, 400)
	rows, _ := store.Orders(context.Background(), model.OrderFilter{View: model.ViewState, State: model.StateDelivered, Limit: 1})
	people, _ := store.Employees(context.Background(), false)
	o := newOrderDesk(t, store, &people[0])
	d := o.open(rows[0].ID)
	d.docsDir = t.TempDir()
	chosen := filepath.Join(t.TempDir(), "for the customer.pdf")
	w, err := storage.Writer(storage.NewFileURI(chosen))
	if err != nil {
		t.Fatal(err)
	}
	o.do(func() { d.saveDocTo(rows[0].ID, reports.Request{Kind: reports.KindConfirmation}, w) })
	data, err := os.ReadFile(chosen)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("the chosen file holds no PDF: %v", err)
	}
	kept, _ := filepath.Glob(filepath.Join(d.docsDir, "OrderDesk", "*", rows[0].No, "*-confirmation-R*.pdf"))
	if len(kept) != 1 {
		t.Errorf("the kept copy: %v", kept)
	}
}

// TestNewTicketAboutAnOrder opens a ticket from the order detail: the
// Tickets section opens with the order, its customer and the status-update
// type filled in, and the ticket is stored linked to the order.
func TestNewTicketAboutAnOrder(t *testing.T) {
	store := demoStore(t, 400)
	rows, _ := store.Orders(context.Background(), model.OrderFilter{View: model.ViewState, State: model.StateInProduction, Limit: 1})
	people, _ := store.Employees(context.Background(), false)
	o := newOrderDesk(t, store, &people[0])
	d := o.open(rows[0].ID)
	o.do(func() { test.Tap(d.newTicket) })
	if got := o.shell.tabs.SelectedIndex(); got != SectionTickets {
		t.Fatalf("section %d is shown, want Tickets", got)
	}
	f := o.shell.tickets.newForm
	if f == nil || f.order.Text != rows[0].No || f.customer.Text != rows[0].CustomerCode {
		t.Fatalf("the new ticket is not about %s: %+v", rows[0].No, f)
	}
	o.do(func() {
		f.subject.SetText(rows[0].No + ": 客戶詢問出貨日")
		f.submit()
	})
	settle(t)
	if f.form.Other.Visible() && f.form.Other.Text != "" {
		t.Fatalf("the ticket was refused: %s", f.form.Other.Text)
	}
	tickets, _ := store.Tickets(context.Background(), model.TicketFilter{Order: &rows[0].ID})
	if len(tickets) != 1 || tickets[0].Type != "SO-STATUS" {
		t.Fatalf("tickets about the order: %+v", tickets)
	}
}

// TestSaveACopyAsNeverTheDatabase: the save dialog opens the chosen file
// before OrderDesk sees it; choosing the database (or its -wal) is refused
// there, and the office is untouched. Another file can still be written.
func TestSaveACopyAsNeverTheDatabase(t *testing.T) {
	store := demoStore(t, 20)
	people, _ := store.Employees(context.Background(), false)
	newOrderDesk(t, store, &people[0])
	before, _ := os.ReadFile(store.Path)
	link := filepath.Join(t.TempDir(), "office-link.db")
	os.Symlink(store.Path, link)
	for _, p := range []string{store.Path, store.Path + "-wal", link} {
		w, err := storage.Writer(storage.NewFileURI(p))
		if err == nil {
			w.Close()
			t.Errorf("%s: the dialog could open the database for writing", p)
			continue
		}
		if !strings.Contains(SayErr(err), "database") {
			t.Errorf("%s: %s", p, SayErr(err))
		}
	}
	if after, _ := os.ReadFile(store.Path); !bytes.Equal(before, after) {
		t.Fatal("the database changed")
	}
	other := filepath.Join(t.TempDir(), "copy.pdf")
	w, err := storage.Writer(storage.NewFileURI(other))
	if err != nil {
		t.Fatalf("another file: %v", err)
	}
	w.Close()
}
