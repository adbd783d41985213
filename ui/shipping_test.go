package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/demo"
	"orderdesk/model"
)

// shippingDesk is the shell on a demo office with one order shipped and
// the Shipping section open.
type shippingDesk struct {
	*deskTest
	s     *shippingScreen
	order *model.Order
	sh    *model.Shipment
}

func newShippingDesk(t *testing.T) *shippingDesk {
	t.Helper()
	ctx := context.Background()
	store := openTestStore(t)
	if err := demo.Create(ctx, store, 400); err != nil {
		t.Fatalf("demo office: %v", err)
	}
	rows, err := store.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateCleared, Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no cleared demo order: %v", err)
	}
	o, err := store.Order(ctx, rows[0].ID)
	if err == nil && len(o.Requests) == 0 && !o.Emergency.Active() {
		o, err = store.IssueShipmentRequest(ctx, setup, o.ID, 0, model.ShipmentRequestInput{
			ShipTo: "台北市", Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
	}
	if err != nil {
		t.Fatal(err)
	}
	in := model.ShipmentInput{OrderID: o.ID, Lines: map[int]model.Qty{}, Carrier: "新竹物流", TrackingNo: "HCT-55", ShipDate: store.Today()}
	for _, l := range o.Lines {
		in.Lines[l.LineNo] = l.Qty
	}
	sh, err := store.CreateShipment(ctx, setup, in)
	if err != nil {
		t.Fatal(err)
	}
	people, _ := store.Employees(ctx, false)
	d := newDeskTest(t, store, &people[0])
	sd := &shippingDesk{deskTest: d, s: d.shell.screens[SectionShipping].(*shippingScreen), order: o, sh: sh}
	sd.s.docsDir = t.TempDir()
	sd.s.open = func(string) {}
	t.Cleanup(sd.settle)
	return sd
}

func (d *shippingDesk) settle() {
	d.t.Helper()
	js := []*jobs{&d.s.work}
	for _, l := range d.s.lists {
		js = append(js, &l.work)
	}
	for i := 0; i < 3; i++ {
		settle(d.t, js...)
		d.deskTest.settle()
	}
}

func (d *shippingDesk) shortcut(s fyne.Shortcut) { d.deskTest.shortcut(s); d.settle() }
func (d *shippingDesk) key(k fyne.KeyName)       { d.deskTest.key(k); d.settle() }
func (d *shippingDesk) typeText(s string)        { d.deskTest.typeText(s); d.settle() }

// tap taps a button as the clerk's mouse does.
func (d *shippingDesk) tap(b *widget.Button) {
	uiLock(func() { test.Tap(b) })
	d.settle()
}

// openShipment shows one shipment, as Enter on an action item about it does.
func (d *shippingDesk) openShipment(id uint) {
	uiLock(func() { d.s.openShipment(id) })
	d.settle()
}

// downTo moves the keyboard from the first row of the list on screen down
// to the first row that matches, and returns its index.
func (d *shippingDesk) downTo(match func(model.ShipmentRow) bool) int {
	d.t.Helper()
	l := d.s.current()
	for i := 0; i < l.Count(); i++ {
		if row, _ := l.Item(i); match(row) {
			for range i {
				d.key(fyne.KeyDown)
			}
			return i
		}
	}
	d.t.Fatalf("no such row in %s", d.s.views[d.s.tabs.SelectedIndex()])
	return -1
}

// refused returns what the side panel says the model refuses on the opened row.
func (d *shippingDesk) refused() string {
	var out []string
	for _, o := range d.s.refused.Objects {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// TestRecordArrivalKeyboardOnly records an arrival with its signed receipt
// and scan without touching the mouse: Ctrl+2, Alt+2 (in transit), Enter on
// the row, Tab through the dialog, Enter.
func TestRecordArrivalKeyboardOnly(t *testing.T) {
	d := newShippingDesk(t)
	scan := filepath.Join(t.TempDir(), "receipt.png")
	if err := os.WriteFile(scan, []byte("signed receipt scan"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.shortcut(ShortcutSection(SectionShipping))
	if got := d.shell.tabs.SelectedIndex(); got != SectionShipping {
		t.Fatalf("Ctrl+2 showed section %d", got)
	}
	d.shortcut(viewShortcut(1))
	l := d.s.current()
	if d.s.views[d.s.tabs.SelectedIndex()] != model.ShipViewInTransit || l.Count() == 0 {
		t.Fatalf("in transit: view %d, %d rows", d.s.tabs.SelectedIndex(), l.Count())
	}
	if d.focused() != l {
		t.Fatalf("the keyboard is in %T, not the list", d.focused())
	}
	at := d.downTo(func(r model.ShipmentRow) bool { return r.No == d.sh.No }) // to the shipment, by keyboard
	if row, _ := l.Item(at); row.TrackingNo != "HCT-55" || row.OrderNo != d.order.No {
		t.Errorf("row %+v", row)
	}
	d.key(fyne.KeyReturn)
	if d.s.notes.kind != model.OnShipment || d.s.notes.id != d.sh.ID {
		t.Errorf("the notes beside the list are of %s %d, want the shipment's", d.s.notes.kind, d.s.notes.id)
	}
	dlg := d.s.dialog
	if dlg == nil || d.focused() != dlg.entries["ArrivedOn"] {
		t.Fatalf("Enter on a shipment in transit did not open its arrival with the cursor in the date")
	}
	d.tab()
	d.typeText("林經理")
	d.tab()
	d.typeText(scan)
	if dlg.entries["ReceiptSignedBy"].Text != "林經理" || dlg.entries["ScanPath"].Text != scan {
		t.Fatalf("typed: %q, %q", dlg.entries["ReceiptSignedBy"].Text, dlg.entries["ScanPath"].Text)
	}
	d.key(fyne.KeyReturn)
	if d.s.dialog != nil {
		t.Fatalf("the dialog stayed open: %q", dlg.form.Other.Text)
	}
	sh, err := d.store.Shipment(context.Background(), d.sh.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sh.Status != model.ShipReceived || sh.Receipt.By != "林經理" || sh.ArrivedOn != d.store.Today() || sh.ArrivalBy != d.clerk.Name {
		t.Errorf("shipment after arrival: %s, %q, %s by %q", sh.Status, sh.Receipt.By, sh.ArrivedOn, sh.ArrivalBy)
	}
	if b, err := os.ReadFile(d.store.ReceiptScanPath(sh)); err != nil || string(b) != "signed receipt scan" {
		t.Errorf("scan kept: %v", err)
	}
	if sh.Order.State != model.StateDelivered {
		t.Errorf("order %s after its only shipment's receipt", sh.Order.State)
	}
	for i := 0; i < l.Count(); i++ {
		if row, _ := l.Item(i); row.No == d.sh.No {
			t.Errorf("%s is still in transit after the arrival", d.sh.No)
		}
	}
}

// TestArrivalRefusalStaysInTheDialog shows the model's words for a bad date.
func TestArrivalRefusalStaysInTheDialog(t *testing.T) {
	d := newShippingDesk(t)
	d.shortcut(ShortcutSection(SectionShipping))
	d.shortcut(viewShortcut(1))
	d.key(fyne.KeyReturn)
	dlg := d.s.dialog
	if dlg == nil {
		t.Fatal("no dialog")
	}
	e := dlg.entries["ArrivedOn"]
	e.SetText("2020-01-01")
	d.key(fyne.KeyReturn)
	if d.s.dialog == nil || !strings.Contains(dlg.form.Problem("ArrivedOn"), "between the ship date and today") {
		t.Errorf("problem shown: %q", dlg.form.Problem("ArrivedOn"))
	}
}

// TestReceiptScanByDragAndDrop: a scan dropped on the window while the
// arrival is open lands in its scan field; without it, the clerk is told.
func TestReceiptScanByDragAndDrop(t *testing.T) {
	d := newShippingDesk(t)
	scan := filepath.Join(t.TempDir(), "receipt.jpg")
	d.shortcut(ShortcutSection(SectionShipping))
	uiLock(func() { d.shell.droppedOnWindow(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(scan)}) })
	if !strings.Contains(d.s.status.Text, "then drop the scan") {
		t.Errorf("a drop with nothing open says %q", d.s.status.Text)
	}
	d.shortcut(viewShortcut(1))
	d.downTo(func(r model.ShipmentRow) bool { return r.No == d.sh.No })
	d.key(fyne.KeyReturn)
	if d.s.dialog == nil {
		t.Fatal("the arrival did not open")
	}
	uiLock(func() { d.shell.droppedOnWindow(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(scan)}) })
	if got := d.s.dialog.entries["ScanPath"].Text; got != scan {
		t.Errorf("the scan field holds %q, want %q", got, scan)
	}
}

// TestShipmentRequestFromShipping: an order to ship without its shipment
// request cannot ship, and says so; "Shipment request…" opens the order
// with the request's dialog, where the clerk re-checks the address.
func TestShipmentRequestFromShipping(t *testing.T) {
	store := demoOffice(t, 400)
	people, _ := store.Employees(context.Background(), false)
	dt := newDeskTest(t, store, &people[0])
	d := &shippingDesk{deskTest: dt, s: dt.shell.shipping}
	d.s.docsDir, d.s.open = t.TempDir(), func(string) {}
	t.Cleanup(d.settle)
	d.shortcut(ShortcutSection(SectionShipping))
	d.shortcut(viewShortcut(0))
	var o *model.Order
	d.downTo(func(r model.ShipmentRow) bool {
		got, err := store.Order(context.Background(), r.OrderID)
		if err == nil && got.RequestNo == "" && !got.Emergency.Active() {
			o = got
			return true
		}
		return false
	})
	d.key(fyne.KeyReturn)
	if d.s.dialog != nil || !strings.HasPrefix(d.s.status.Text, "Nothing ships without a shipment request") {
		t.Fatalf("Enter on %s without a request: %q", o.No, d.s.status.Text)
	}
	if !d.s.buttons[model.ShipDoShip].Disabled() || d.s.buttons[model.ShipDoRequest].Disabled() ||
		!strings.Contains(d.refused(), "Record shipment: Nothing ships without a shipment request") {
		t.Fatalf("without a request: record shipment enabled, or the request disabled; %q", d.refused())
	}
	d.tap(d.s.buttons[model.ShipDoRequest])
	settle(t, &d.shell.orders.detail.work)
	detail := d.shell.orders.detail
	if d.shell.tabs.SelectedIndex() != SectionOrders || detail.view == nil || detail.view.order.ID != o.ID {
		t.Fatalf("the request did not open %s", o.No)
	}
	if a := detail.actions.open; a == nil || a.act != model.DoShipmentRequest {
		t.Fatalf("the request's dialog is not open: %+v", a)
	}
}

// TestQueueOpensAShipment: Enter on an action item about a shipment shows
// the shipment on the Shipping screen: its view, the row highlighted and
// opened with its notes beside it; Enter again opens its next step.
func TestQueueOpensAShipment(t *testing.T) {
	d := newShippingDesk(t)
	ctx := context.Background()
	item, err := d.store.AddNote(ctx, d.clerk.Actor(), model.ItemInput{Object: model.OnShipment, ObjectID: d.sh.ID,
		Title: "call the carrier", Action: true, DueOn: d.store.Today().AddDays(-60)})
	if err != nil {
		t.Fatal(err)
	}
	d.shortcut(ShortcutSection(SectionActionItems))
	q := d.shell.screens[SectionActionItems].(*itemsSection).queues
	at := -1
	for i, n := range q.items {
		if n.ID == item.ID {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("the item is not in the queue: %v", queueTitles(q))
	}
	uiLock(func() {
		d.canvas().Focus(q.list)
		q.list.Highlight(at)
		q.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	d.settle()
	if d.shell.tabs.SelectedIndex() != SectionShipping {
		t.Fatalf("Enter on the shipment's item showed section %d: %q", d.shell.tabs.SelectedIndex(), q.status.Text)
	}
	if !d.s.ok || d.s.selected.ID != d.sh.ID || d.s.views[d.s.tabs.SelectedIndex()] != model.ShipViewInTransit {
		t.Fatalf("opened %+v in %s", d.s.selected, d.s.views[d.s.tabs.SelectedIndex()])
	}
	if d.s.notes.kind != model.OnShipment || d.s.notes.id != d.sh.ID || !strings.Contains(d.s.chosen.Text, d.sh.No) {
		t.Errorf("beside the list: notes of %s %d; %q", d.s.notes.kind, d.s.notes.id, d.s.chosen.Text)
	}
	l := d.s.current()
	if row, _ := l.Item(l.highlight); d.focused() != l || row.ID != d.sh.ID {
		t.Errorf("the keyboard is in %T on row %+v", d.focused(), row)
	}
	if d.s.buttons[model.ShipDoArrival].Disabled() {
		t.Errorf("the shipment in transit cannot record its arrival: %q", d.refused())
	}
	d.key(fyne.KeyReturn)
	if d.s.dialog == nil || d.s.dialog.entries["ArrivedOn"] == nil {
		t.Error("Enter on the opened shipment did not open its arrival")
	}
}
