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
	sd.s.open = func(string) error { return nil }
	t.Cleanup(sd.settle)
	return sd
}

// tap taps a button as the clerk's mouse does.
func (d *shippingDesk) tap(b *widget.Button) {
	test.Tap(b)
	d.settle()
}

// openShipment shows one shipment, as Enter on an action item about it does.
func (d *shippingDesk) openShipment(id uint) {
	d.s.openShipment(id)
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

// shipment reads a shipment back from the store.
func (d *shippingDesk) shipment(id uint) *model.Shipment {
	d.t.Helper()
	sh, err := d.store.Shipment(context.Background(), id)
	if err != nil {
		d.t.Fatal(err)
	}
	return sh
}

// voidTheShipment voids the desk's shipment as recorded by mistake: its
// order, shipped no more, is back on "to ship".
func (d *shippingDesk) voidTheShipment() {
	d.t.Helper()
	if _, err := d.store.VoidShipment(context.Background(), setup, d.sh.ID, 0, "wrong order picked"); err != nil {
		d.t.Fatal(err)
	}
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
	d.shell.droppedOnWindow(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(scan)})
	if !strings.Contains(d.s.status.Text, "then drop the scan") {
		t.Errorf("a drop with nothing open says %q", d.s.status.Text)
	}
	d.shortcut(viewShortcut(1))
	d.downTo(func(r model.ShipmentRow) bool { return r.No == d.sh.No })
	d.key(fyne.KeyReturn)
	if d.s.dialog == nil {
		t.Fatal("the arrival did not open")
	}
	d.shell.droppedOnWindow(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(scan)})
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
	d.s.docsDir, d.s.open = t.TempDir(), func(string) error { return nil }
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
	d.tap(d.s.buttons[model.ShipDoRequest]) // waits for the Orders section's loads too
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
	if got := objectText(q.names, model.OnShipment, d.sh.ID); got != "Shipment "+d.sh.No+" ("+d.order.No+")" {
		t.Errorf("the queue names the shipment %q", got)
	}
	d.canvas().Focus(q.list)
	q.list.Highlight(at)
	q.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
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

// TestRecordPartialShipmentKeyboardOnly: a wrong shipment was voided, so
// the order is back on "to ship"; the clerk records the right one, part of
// line 1 only, without the mouse: Ctrl+2, Alt+1, Enter on the order, the
// quantity, Tab to the carrier and the tracking number, Enter.
func TestRecordPartialShipmentKeyboardOnly(t *testing.T) {
	d := newShippingDesk(t)
	ctx := context.Background()
	d.voidTheShipment()
	d.shortcut(ShortcutSection(SectionShipping))
	d.shortcut(viewShortcut(0))
	d.downTo(func(r model.ShipmentRow) bool { return r.ID == 0 && r.OrderNo == d.order.No })
	d.key(fyne.KeyReturn)
	dlg := d.s.dialog
	if dlg == nil || d.focused() != dlg.entries["Line1"] {
		t.Fatalf("Enter on the order to ship did not open its shipment with the cursor in line 1: %q", d.s.status.Text)
	}
	line1 := d.order.Line(1).Qty
	half := model.Qty(int64(line1) / 2000 * 1000) // whole units, about half
	d.shortcut(&fyne.ShortcutSelectAll{})
	d.typeText(half.Plain())
	for range d.order.Lines {
		d.tab() // the other lines keep what is left to ship; on to the carrier
	}
	if d.focused() != dlg.entries["Carrier"] {
		t.Fatalf("Tab went to %T, not the carrier", d.focused())
	}
	d.typeText("新竹物流")
	d.tab()
	d.typeText("HCT-77")
	d.key(fyne.KeyReturn)
	if d.s.dialog != nil {
		t.Fatalf("the dialog stayed open: %q %q", dlg.form.Other.Text, dlg.form.Problem("Lines"))
	}
	list, err := d.store.ShipmentsOf(ctx, d.order.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("shipments of %s: %d %v", d.order.No, len(list), err)
	}
	sh := list[1]
	if sh.Status != model.ShipInTransit || sh.Carrier != "新竹物流" || sh.TrackingNo != "HCT-77" || sh.Lines[0].LineNo != 1 || sh.Lines[0].Qty != half {
		t.Errorf("recorded %s %s %s %+v", sh.Status, sh.Carrier, sh.TrackingNo, sh.Lines)
	}
	if sh.Completes || !sh.Remainder {
		t.Errorf("a partial shipment: completes %t, remainder %t", sh.Completes, sh.Remainder)
	}
	if o, _ := d.store.Order(ctx, d.order.ID); o.State != model.StateShipped {
		t.Errorf("the order is %s after a partial shipment", o.State)
	}
	if d.s.selected.ID != sh.ID || d.s.buttons[model.ShipDoShip].Disabled() {
		t.Errorf("after the shipment the opened row is %+v; record another: disabled %t", d.s.selected, d.s.buttons[model.ShipDoShip].Disabled())
	}
	// The rest is still to ship: the order stays on the list.
	l := d.s.current()
	found := false
	for i := 0; i < l.Count(); i++ {
		if row, _ := l.Item(i); row.OrderID == d.order.ID {
			found = true
		}
	}
	if !found {
		t.Errorf("%s, partly shipped, left the to-ship list", d.order.No)
	}
}

// TestShippingNoticeStepsOnScreen prints the shipping notice, records it sent and
// the customer's confirmation that it arrived legibly; each step is offered
// only once the one before it is done, and the side panel says why.
func TestShippingNoticeStepsOnScreen(t *testing.T) {
	d := newShippingDesk(t)
	d.shortcut(ShortcutSection(SectionShipping))
	d.openShipment(d.sh.ID)
	b := d.s.buttons
	if b[model.ShipDoNotice].Disabled() || !b[model.ShipDoSent].Disabled() || !b[model.ShipDoLegible].Disabled() {
		t.Fatalf("before printing: print %t, sent %t, legible %t disabled", b[model.ShipDoNotice].Disabled(),
			b[model.ShipDoSent].Disabled(), b[model.ShipDoLegible].Disabled())
	}
	if got := d.refused(); !strings.Contains(got, "Notice sent: Print the shipping notice first.") {
		t.Errorf("the side panel says %q", got)
	}
	var opened string
	d.s.open = func(path string) error { opened = path; return nil }
	d.tap(b[model.ShipDoNotice])
	sh := d.shipment(d.sh.ID)
	if !sh.NoticeIssued.Signed() || sh.NoticeIssued.By != d.clerk.Name || sh.NoticeDocument == "" || opened != sh.NoticeDocument {
		t.Fatalf("printed: %+v %q, opened %q", sh.NoticeIssued, sh.NoticeDocument, opened)
	}
	if pdf, err := os.ReadFile(sh.NoticeDocument); err != nil || !strings.HasPrefix(string(pdf), "%PDF") ||
		!strings.HasPrefix(sh.NoticeDocument, d.s.docsDir) || !strings.Contains(sh.NoticeDocument, d.sh.No) {
		t.Errorf("the notice %s: %v", sh.NoticeDocument, err)
	}
	if b[model.ShipDoSent].Disabled() || !strings.Contains(d.refused(), "The shipping notice has not been sent yet.") {
		t.Fatalf("after printing: sent disabled %t; %q", b[model.ShipDoSent].Disabled(), d.refused())
	}
	d.tap(b[model.ShipDoSent])
	if sh = d.shipment(d.sh.ID); !sh.NoticeSent.Signed() || b[model.ShipDoLegible].Disabled() || !b[model.ShipDoSent].Disabled() {
		t.Fatalf("after sending: %+v, legible disabled %t", sh.NoticeSent, b[model.ShipDoLegible].Disabled())
	}
	d.tap(b[model.ShipDoLegible])
	dlg := d.s.dialog
	if dlg == nil || d.focused() != dlg.entries["SpokeWith"] {
		t.Fatal("the notice's confirmation did not open with the cursor in whom the clerk spoke with")
	}
	d.key(fyne.KeyReturn)
	if d.s.dialog == nil || !strings.Contains(dlg.form.Problem("SpokeWith"), "Name the person at the customer") {
		t.Fatalf("no name: %q", dlg.form.Problem("SpokeWith"))
	}
	d.typeText("林經理")
	d.key(fyne.KeyReturn)
	if d.s.dialog != nil {
		t.Fatalf("the dialog stayed open: %q", dlg.form.Other.Text)
	}
	if sh = d.shipment(d.sh.ID); sh.NoticeLegible.By != "林經理" || !b[model.ShipDoLegible].Disabled() ||
		!strings.Contains(d.refused(), "already confirmed receiving the shipping notice") {
		t.Errorf("confirmed legible: %+v; %q", sh.NoticeLegible, d.refused())
	}
}

// TestVoidShipmentOnScreen voids the only shipment of an order: the reason
// is required, and the order is back on "to ship", ready to ship again.
func TestVoidShipmentOnScreen(t *testing.T) {
	d := newShippingDesk(t)
	ctx := context.Background()
	d.shortcut(ShortcutSection(SectionShipping))
	d.openShipment(d.sh.ID)
	if !d.s.buttons[model.ShipDoShip].Disabled() || !strings.Contains(d.refused(), "has shipped in full") {
		t.Errorf("shipped in full, another shipment: %q", d.refused())
	}
	d.tap(d.s.buttons[model.ShipDoVoid])
	dlg := d.s.dialog
	if dlg == nil || d.focused() != dlg.entries["Reason"] {
		t.Fatal("the void did not open with the cursor in the reason")
	}
	d.key(fyne.KeyReturn)
	if d.s.dialog == nil || dlg.form.Problem("Reason") != "Say why the shipment is voided." {
		t.Fatalf("a void without a reason: %q", dlg.form.Problem("Reason"))
	}
	if d.shipment(d.sh.ID).Void() {
		t.Fatal("voided without a reason")
	}
	d.typeText("wrong order picked")
	d.key(fyne.KeyReturn)
	if d.s.dialog != nil {
		t.Fatalf("the dialog stayed open: %q", dlg.form.Other.Text)
	}
	sh := d.shipment(d.sh.ID)
	if !sh.Void() || sh.VoidReason != "wrong order picked" || sh.Voided.By != d.clerk.Name || sh.Order.State != model.StateCleared {
		t.Fatalf("voided: %s %q by %q, order %s", sh.Status, sh.VoidReason, sh.Voided.By, sh.Order.State)
	}
	if !strings.Contains(d.refused(), "Shipment "+d.sh.No+" is void.") || !strings.Contains(d.refused(), "has already been issued") ||
		d.s.buttons[model.ShipDoShip].Disabled() {
		t.Errorf("the void shipment: ship disabled %t; %q", d.s.buttons[model.ShipDoShip].Disabled(), d.refused())
	}
	// Back on "to ship": Enter on it records the shipment again.
	d.shortcut(viewShortcut(0))
	d.downTo(func(r model.ShipmentRow) bool { return r.ID == 0 && r.OrderID == d.order.ID })
	d.key(fyne.KeyReturn)
	if d.s.dialog == nil || d.s.dialog.entries["Line1"] == nil {
		t.Fatalf("the order back on the to-ship list cannot be shipped: %q", d.s.status.Text)
	}
	test.Tap(d.s.dialog.cancel)
	if n, _ := d.store.CountShipments(ctx, model.ShipmentFilter{View: model.ShipViewInTransit}); n != d.s.lists[1].Count() {
		t.Errorf("in transit: the list shows %d of %d", d.s.lists[1].Count(), n)
	}
}

// TestMonthlyArchiveOnScreen lists the month's shipping orders, void ones
// too, and writes them as CSV for the hand-over to customer service.
func TestMonthlyArchiveOnScreen(t *testing.T) {
	d := newShippingDesk(t)
	ctx := context.Background()
	d.voidTheShipment()
	d.shortcut(ShortcutSection(SectionShipping))
	d.shortcut(viewShortcut(7))
	if d.s.views[d.s.tabs.SelectedIndex()] != model.ShipViewMonth || d.s.month.Text != "2026-11" {
		t.Fatalf("Alt+8 showed %s for %q", d.s.views[d.s.tabs.SelectedIndex()], d.s.month.Text)
	}
	want, err := d.store.ShipmentArchive(ctx, d.store.Today())
	if err != nil || len(want) == 0 {
		t.Fatalf("archive: %d %v", len(want), err)
	}
	l := d.s.current()
	at := d.downTo(func(r model.ShipmentRow) bool { return r.ID == d.sh.ID })
	if row, _ := l.Item(at); l.Count() != len(want) || row.Status != model.ShipVoid || row.VoidReason != "wrong order picked" {
		t.Errorf("the archive lists %d of %d; %+v", l.Count(), len(want), row)
	}
	d.tap(d.s.export)
	path := filepath.Join(d.s.docsDir, "OrderDesk", "shipments", "shipments-2026-11.csv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	if !strings.HasPrefix(lines[0], "\uFEFF出貨單號 Shipment,訂單 Order,") || len(lines) != len(want)+1 {
		t.Fatalf("csv: %d lines for %d shipments; %q", len(lines), len(want), lines[0])
	}
	row := ""
	for _, line := range lines {
		if strings.HasPrefix(line, d.sh.No+",") {
			row = line
		}
	}
	if !strings.Contains(row, ","+d.order.No+",") || !strings.Contains(row, ",新竹物流,HCT-55,") ||
		!strings.HasSuffix(row, ",void,0,wrong order picked") {
		t.Errorf("the shipment's line: %q", row)
	}
	if top := d.canvas().Overlays().Top(); top == nil {
		t.Error("the clerk was not told where the file went")
	}
	// Another month: its own list.
	d.s.month.SetText("2026-01")
	d.s.month.OnSubmitted(d.s.month.Text)
	d.settle()
	// The generated orders shipped then have their shipments: January lists them, not November's.
	jan, _ := d.store.ShipmentArchive(ctx, model.NewDate(2026, 1, 1))
	if n := d.s.current().Count(); n != len(jan) {
		t.Errorf("January lists %d shipments, the model %d", n, len(jan))
	}
	for i := 0; i < d.s.current().Count(); i++ {
		if r, ok := d.s.current().Item(i); ok && r.ID == d.sh.ID {
			t.Errorf("January lists November's shipment %s", r.No)
		}
	}
}

// TestNoticesNotSentOnScreen: the Shipping screen has a view of the
// shipments whose shipping notice has not gone to the customer (Alt+7),
// the new shipment among them, as many rows as the model counts.
func TestNoticesNotSentOnScreen(t *testing.T) {
	d := newShippingDesk(t)
	ctx := context.Background()
	d.shortcut(ShortcutSection(SectionShipping))
	d.shortcut(viewShortcut(6))
	d.settle()
	if v := d.s.views[d.s.tabs.SelectedIndex()]; v != model.ShipViewNoticeUnsent || d.s.tabs.Selected().Text != "Notices not sent" {
		t.Fatalf("Alt+7 showed %s under %q", v, d.s.tabs.Selected().Text)
	}
	n, err := d.store.CountShipments(ctx, model.ShipmentFilter{View: model.ShipViewNoticeUnsent})
	if err != nil || n == 0 || d.s.current().Count() != n {
		t.Fatalf("the view lists %d rows, the model counts %d (%v)", d.s.current().Count(), n, err)
	}
	d.downTo(func(r model.ShipmentRow) bool { return r.ID == d.sh.ID })
}
