package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	d.openFile = func(p string) { opened = append(opened, p) }

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

// TestPrintMenuWritesEveryDocument prints each document of a delivered
// demo order from the Print menu's function.
func TestPrintMenuWritesEveryDocument(t *testing.T) {
	store := demoStore(t, 400)
	rows, err := store.Orders(context.Background(), model.OrderFilter{View: model.ViewState, State: model.StateDelivered, Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no delivered demo order: %v", err)
	}
	people, _ := store.Employees(context.Background(), false)
	o := newOrderDesk(t, store, &people[0])
	d := o.open(rows[0].ID)
	d.docsDir = t.TempDir()
	var opened []string
	d.openFile = func(p string) { opened = append(opened, p) }
	for _, k := range reports.Kinds {
		o.do(func() { d.printDoc(k, verbOpen) })
		if d.status.Visible() && d.status.Text != "" {
			t.Errorf("%s: %s", k, d.status.Text)
		}
	}
	if len(opened) != len(reports.Kinds) {
		t.Fatalf("opened %d documents, want %d", len(opened), len(reports.Kinds))
	}
	for _, p := range opened {
		if info, err := os.Stat(p); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
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
	o.do(func() { d.saveDocTo(rows[0].ID, reports.KindConfirmation, w) })
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
	settle(t, &o.shell.tickets.work)
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
