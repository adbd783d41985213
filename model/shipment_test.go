package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readyToShip walks an order of c for qty of each product to cleared, with
// its shipment request issued unless emergency is set.
func (f *deskFixture) readyToShip(c *Customer, qty int64, request bool) *Order {
	f.t.Helper()
	o := f.signBack(f.toConfirmationSent(f.intake(c, qty)))
	if o.DepositDue > 0 {
		o = f.do(o, func(o *Order, c Ctx) error { return o.RecordPayment(c, PaymentDeposit, o.DepositDue, c.Today(), "") })
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), true) })
	o = f.toCleared(o)
	if request {
		var err error
		o, err = f.s.IssueShipmentRequest(f.ctx, f.clerk.Actor(), o.ID, o.Version, ShipmentRequestInput{
			ShipTo: "台北市中山區南京東路二段100號", Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
		if err != nil {
			f.t.Fatalf("shipment request: %v", err)
		}
	}
	return o
}

func (f *deskFixture) ship(o *Order, lines map[int]Qty) *Shipment {
	f.t.Helper()
	sh, err := f.s.CreateShipment(f.ctx, f.clerk.Actor(), ShipmentInput{OrderID: o.ID, Lines: lines, Carrier: "新竹物流",
		TrackingNo: "HCT-778812", Packages: 3, WeightKg: QtyOf(1250), ShipDate: f.today()})
	if err != nil {
		f.t.Fatalf("ship %s: %v", o.No, err)
	}
	return sh
}

func (f *deskFixture) arrive(sh *Shipment, signedBy, scan string) *Shipment {
	f.t.Helper()
	got, err := f.s.RecordArrival(f.ctx, f.clerk.Actor(), sh.ID, sh.Version, ArrivalInput{ArrivedOn: f.today(), ReceiptSignedBy: signedBy, ScanPath: scan})
	if err != nil {
		f.t.Fatalf("arrival of %s: %v", sh.No, err)
	}
	return got
}

func TestPartialShipmentsThenDelivered(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 100, true)
	first := f.ship(o, map[int]Qty{1: QtyOf(100), 2: QtyOf(40)})
	if first.No != "SH-2026-00001" || first.Status != ShipInTransit || first.Completes || !first.Remainder {
		t.Fatalf("first shipment: %s %s completes %t remainder %t", first.No, first.Status, first.Completes, first.Remainder)
	}
	// Taipei (北部 not set on the fixture customer): the fallback lead time.
	if first.ExpectedArrival != f.today().AddDays(FallbackLeadDays) || first.FollowUpOn != first.ExpectedArrival {
		t.Errorf("expected %s, follow-up %s", first.ExpectedArrival, first.FollowUpOn)
	}
	o = f.reload(o)
	if o.State != StateShipped || o.Shipping.ShippedOn != f.today() {
		t.Fatalf("after a partial shipment the order is %s", o.State)
	}
	rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewToShip})
	if len(rows) != 1 || rows[0].OrderID != o.ID {
		t.Errorf("a partly shipped order stays on the to-ship list: %+v", rows)
	}
	// Shipping more than the tolerance allows is refused.
	_, err := f.s.CreateShipment(f.ctx, f.clerk.Actor(), ShipmentInput{OrderID: o.ID, Lines: map[int]Qty{2: QtyOf(70)},
		Carrier: "新竹物流", ShipDate: f.today()})
	if fe, ok := err.(FieldErrors); !ok || fe.For("Lines").IsZero() {
		t.Errorf("over-shipping: %v", err)
	}
	first = f.arrive(first, "林經理", "")
	if o = f.reload(o); o.State != StateShipped {
		t.Fatalf("half arrived: order %s", o.State)
	}
	// 58 of 60 remaining: within the 5% tolerance, the order is complete.
	f.advance(day)
	second := f.ship(o, map[int]Qty{2: QtyOf(58)})
	if was, _ := f.s.Shipment(f.ctx, first.ID); !second.Completes || second.Remainder || was.Remainder {
		t.Errorf("second completes %t remainder %t", second.Completes, second.Remainder)
	}
	if rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewToShip}); len(rows) != 0 {
		t.Errorf("shipped in full, still to ship: %+v", rows)
	}
	// Shipped in full: a third shipment is refused with the reason.
	_, err = f.s.CreateShipment(f.ctx, f.clerk.Actor(), ShipmentInput{OrderID: o.ID, Lines: map[int]Qty{2: QtyOf(1)}, Carrier: "x", ShipDate: f.today()})
	if got := refusal(t, err); !strings.Contains(got, "has shipped in full") {
		t.Errorf("third shipment: %q", got)
	}
	f.advance(day)
	second = f.arrive(second, "", "")
	if second.Status != ShipArrived || f.reload(o).State != StateShipped {
		t.Fatalf("arrived without receipt: %s, order %s", second.Status, f.reload(o).State)
	}
	if rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewAwaitReceipt}); len(rows) != 1 || rows[0].ID != second.ID {
		t.Errorf("awaiting receipt: %+v", rows)
	}
	second, err = f.s.RecordReceipt(f.ctx, f.clerk.Actor(), second.ID, second.Version, "林經理", "")
	if err != nil {
		t.Fatal(err)
	}
	o = f.reload(o)
	if o.State != StateDelivered || o.Shipping.ReceiptSignedBy != "林經理" || o.Shipping.ArrivedOn != f.today() {
		t.Fatalf("after the last receipt: %s %+v", o.State, o.Shipping)
	}
	if rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewDeliveredMonth}); len(rows) != 2 {
		t.Errorf("delivered this month: %d", len(rows))
	}
	// The salesperson was told of each arrival, once, by an action item.
	for _, sh := range []*Shipment{first, second} {
		notes, _ := f.s.NotesOn(f.ctx, OnShipment, sh.ID)
		if len(notes) != 1 || !notes[0].IsAction || notes[0].AssigneeID == nil || *notes[0].AssigneeID != f.sales.ID {
			t.Errorf("arrival of %s: action items %+v", sh.No, notes)
		}
	}
	// Every step left an event on the shipment and on the order.
	ev, _ := f.s.EventsFor(f.ctx, "shipment", second.ID)
	var acts []string
	for _, e := range ev {
		acts = append(acts, e.Action)
	}
	if got := strings.Join(acts, ","); got != "created,arrived,receipt_signed" {
		t.Errorf("shipment events: %s", got)
	}
	if last := f.events(o); last[len(last)-1].To != string(StateDelivered) {
		t.Errorf("order's last event: %+v", last[len(last)-1])
	}
}

func TestShipmentOverdueWhenFollowUpPasses(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, true)
	lead := 2
	sh, err := f.s.CreateShipment(f.ctx, f.clerk.Actor(), ShipmentInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(10), 2: QtyOf(10)},
		Carrier: "黑貓宅急便", TrackingNo: "T1", ShipDate: f.today(), LeadDays: &lead})
	if err != nil {
		t.Fatal(err)
	}
	count := func(v ShipmentView) int {
		n, err := f.s.CountShipments(f.ctx, ShipmentFilter{View: v})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	tests := []struct {
		after                            int // days after shipping
		transit, followUp, overdue, late int
	}{
		{0, 1, 0, 0, 0},
		{2, 1, 1, 0, 0}, // the follow-up day: check with the carrier
		{3, 1, 1, 1, 1}, // the follow-up day has passed and nothing arrived
		{5, 1, 1, 1, 3},
	}
	start := f.clock.Now()
	for _, tc := range tests {
		f.clock.Set(start.Add(time.Duration(tc.after) * day))
		if got := [3]int{count(ShipViewInTransit), count(ShipViewFollowUp), count(ShipViewOverdue)}; got != [3]int{tc.transit, tc.followUp, tc.overdue} {
			t.Errorf("day +%d: in transit, follow-up, overdue = %v", tc.after, got)
		}
		rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewInTransit})
		if len(rows) != 1 || rows[0].DaysLate(f.today()) != tc.late || rows[0].Carrier != "黑貓宅急便" || rows[0].OrderNo != o.No {
			t.Errorf("day +%d: row %+v", tc.after, rows)
		}
	}
	// Moving the follow-up takes it off the follow-up list, not off overdue.
	if _, err := f.s.SetShipmentFollowUp(f.ctx, f.clerk.Actor(), sh.ID, 0, f.today().AddDays(1), "carrier says tomorrow"); err != nil {
		t.Fatal(err)
	}
	if count(ShipViewFollowUp) != 0 || count(ShipViewOverdue) != 1 {
		t.Error("follow-up moved")
	}
}

func TestReceiptScanKeptByHash(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, true)
	sh := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	src := filepath.Join(t.TempDir(), "回單 scan.JPG")
	content := []byte("\xff\xd8 signed receipt 林經理")
	if err := os.WriteFile(src, content, 0o644); err != nil {
		t.Fatal(err)
	}
	sh = f.arrive(sh, "林經理", src)
	if err := os.Remove(src); err != nil {
		t.Fatal(err)
	}
	if len(sh.ReceiptScan) != 64+len(".jpg") || !strings.HasSuffix(sh.ReceiptScan, ".jpg") || sh.ReceiptScanName != "回單 scan.JPG" {
		t.Fatalf("scan name %q (%q)", sh.ReceiptScan, sh.ReceiptScanName)
	}
	got, err := os.ReadFile(f.s.ReceiptScanPath(sh))
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("stored scan: %v", err)
	}
	if f.reload(o).State != StateDelivered {
		t.Error("receipt signed for every line: order not delivered")
	}
	// The same scan twice is one file.
	again := filepath.Join(t.TempDir(), "copy.jpg")
	os.WriteFile(again, content, 0o644)
	if name, err := StoreReceiptScan(f.s.ReceiptDir(), again); err != nil || name != sh.ReceiptScan {
		t.Errorf("same content: %q %v", name, err)
	}
	entries, _ := os.ReadDir(f.s.ReceiptDir())
	if len(entries) != 1 {
		t.Errorf("receipts folder holds %d files", len(entries))
	}
	// A missing file is a field error, not a crash.
	if _, err := f.s.AttachReceiptScan(f.ctx, f.clerk.Actor(), sh.ID, 0, src); err == nil {
		t.Error("attaching a deleted file")
	}
}

func TestShipmentRefusedForUnclearedTierB(t *testing.T) {
	f := newDesk(t)
	o := f.signBack(f.toConfirmationSent(f.intake(f.custB, 10)))
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordPayment(c, PaymentDeposit, o.DepositDue, c.Today(), "") })
	o = f.do(o, func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(f.prod), false) })
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) })
	o = f.do(o, func(o *Order, c Ctx) error { return o.IssueBalanceNotice(c) })
	_, err := f.s.CreateShipment(f.ctx, f.clerk.Actor(), ShipmentInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(10)}, Carrier: "新竹物流", ShipDate: f.today()})
	if got := refusal(t, err); got != "Only an order finance has cleared can be shipped." {
		t.Errorf("uncleared tier B: %q", got)
	}
	// Refused: nothing written, no number used.
	if n, _ := f.s.CountShipments(f.ctx, ShipmentFilter{View: ShipViewInTransit}); n != 0 {
		t.Errorf("%d shipments after a refusal", n)
	}
	// Cleared but without a request: the order's own rule says why.
	o = f.readyToShip(f.custB, 10, false)
	_, err = f.s.CreateShipment(f.ctx, f.clerk.Actor(), ShipmentInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(10)}, Carrier: "新竹物流", ShipDate: f.today()})
	if got := refusal(t, err); !strings.HasPrefix(got, "Nothing ships without a shipment request") {
		t.Errorf("no request: %q", got)
	}
	sh := f.ship(f.readyToShip(f.custA, 10, true), map[int]Qty{1: QtyOf(10)})
	if sh.No != "SH-2026-00001" {
		t.Errorf("a refusal used a number: %s", sh.No)
	}
}

func TestEmergencyShipmentRecordsTheSupervisor(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, false)
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.AuthoriseEmergencyShipping(c, SignerOf(f.super), "客戶產線停機 line down")
	})
	sh := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	if sh.EmergencyBy != f.super.Name {
		t.Errorf("emergency by %q", sh.EmergencyBy)
	}
	o = f.reload(o)
	if o.State != StateShipped || o.Emergency.Authorised.By != f.super.Name {
		t.Fatalf("order %s, authorised by %q", o.State, o.Emergency.Authorised.By)
	}
	ev := f.events(o)
	if e := ev[len(ev)-1]; e.To != string(StateShipped) || !strings.Contains(e.English(), "CS supervisor's authority") {
		t.Errorf("order event %+v", e)
	}
}

func TestVoidKeepsTheShipment(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, true)
	sh := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	if _, err := f.s.VoidShipment(f.ctx, f.clerk.Actor(), sh.ID, sh.Version, " "); err == nil {
		t.Error("void without a reason")
	}
	if _, err := f.s.VoidShipment(f.ctx, f.clerk.Actor(), sh.ID, sh.Version+1, "x"); !errors.As(err, new(*ConflictError)) {
		t.Errorf("stale void: %v", err)
	}
	voided, err := f.s.VoidShipment(f.ctx, f.clerk.Actor(), sh.ID, sh.Version, "wrong order picked")
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Shipment(f.ctx, sh.ID)
	if err != nil || got.Status != ShipVoid || got.VoidReason != "wrong order picked" || got.Voided.By != f.clerk.Name || len(got.Lines) != 2 {
		t.Fatalf("void shipment: %+v %v", got, err)
	}
	if voided.Order.State != StateCleared {
		t.Errorf("voided the only shipment: the order is %s, not back to cleared", voided.Order.State)
	}
	if rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewToShip}); len(rows) != 1 {
		t.Errorf("to ship after void: %d", len(rows))
	}
	if rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewMonth, Month: f.today()}); len(rows) != 1 || rows[0].Status != ShipVoid {
		t.Errorf("the archive keeps the void shipment: %+v", rows)
	}
	if _, err := f.s.RecordArrival(f.ctx, f.clerk.Actor(), sh.ID, 0, ArrivalInput{ArrivedOn: f.today()}); err == nil {
		t.Error("arrival on a void shipment")
	}
	// The replacement ships the goods again and takes the order off the list.
	again := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	if !again.Completes || again.No != "SH-2026-00002" {
		t.Errorf("replacement %s completes %t", again.No, again.Completes)
	}
	ev, _ := f.s.EventsFor(f.ctx, "shipment", sh.ID)
	if ev[len(ev)-1].Action != ShipActVoid || ev[len(ev)-1].Note != "wrong order picked" {
		t.Errorf("void event %+v", ev[len(ev)-1])
	}
}

func TestShippingNoticeSteps(t *testing.T) {
	f := newDesk(t)
	sh := f.ship(f.readyToShip(f.custA, 10, true), map[int]Qty{1: QtyOf(10)})
	step := func(st NoticeStep, who Signer) error {
		got, err := f.s.RecordShippingNotice(f.ctx, f.clerk.Actor(), sh.ID, 0, st, who, "OrderDesk/notice.pdf")
		if err == nil {
			sh = got
		}
		return err
	}
	if got := refusal(t, step(NoticeSend, Signer{})); got != "Print the shipping notice first." {
		t.Errorf("send before print: %q", got)
	}
	for _, st := range []NoticeStep{NoticeIssue, NoticeSend} {
		if err := step(st, Signer{}); err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
	if err := step(NoticeLegible, Signer{}); err == nil {
		t.Error("legible without a name")
	}
	if err := step(NoticeLegible, Signer{Name: "林經理"}); err != nil {
		t.Fatal(err)
	}
	if !sh.NoticeIssued.Signed() || sh.NoticeIssued.By != f.clerk.Name || sh.NoticeSent.At == nil || sh.NoticeLegible.By != "林經理" || sh.NoticeDocument != "OrderDesk/notice.pdf" {
		t.Errorf("notice: %+v %+v %+v", sh.NoticeIssued, sh.NoticeSent, sh.NoticeLegible)
	}
}

func TestLeadTimeByRegionAndLateAgainstRequest(t *testing.T) {
	f := newDesk(t)
	c := f.custA
	c.Region = "歐洲"
	if err := f.s.SaveCustomer(f.ctx, f.super.Actor(), c); err != nil {
		t.Fatal(err)
	}
	o := f.readyToShip(c, 10, true)
	sh := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	if sh.LeadDays != 28 || sh.ExpectedArrival != f.today().AddDays(28) || sh.Region != "歐洲" {
		t.Errorf("Europe: %d days, expected %s", sh.LeadDays, sh.ExpectedArrival)
	}
	rows, _ := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewInTransit})
	if len(rows) != 1 || !rows[0].LateAgainstRequest() { // requested 2026-12-15
		t.Errorf("late against the requested date not flagged: %+v", rows)
	}
}

func TestShipmentsCSVHasBOM(t *testing.T) {
	var b bytes.Buffer
	rows := []ShipmentRow{{ID: 1, No: "SH-2026-00001", OrderNo: "SO-2026-00001", CustomerNameZH: "金鼎印刷", Carrier: "新竹物流, 北部",
		ShipDate: NewDate(2026, 11, 20), ExpectedArrival: NewDate(2026, 11, 21), Status: ShipInTransit}}
	if err := WriteShipmentsCSV(&b, rows, NewDate(2026, 11, 23)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\uFEFF出貨單號") || !strings.Contains(out, `"新竹物流, 北部"`) || !strings.Contains(out, ",in_transit,2,") {
		t.Errorf("csv:\n%s", out)
	}
}

// TestVoidShipmentAndTheOrder: the order follows what still counts after a
// void. With no shipment left it is cleared again, on the to-ship list,
// and ships again through the same gate (the emergency path keeps its
// paperwork owed); a void among partial shipments leaves it shipped with
// the rest to ship. Either way the order can then be delivered.
func TestVoidShipmentAndTheOrder(t *testing.T) {
	full := map[int]Qty{1: QtyOf(10), 2: QtyOf(10)}
	tests := []struct {
		name      string
		emergency bool          // shipped on the CS supervisor's authority, before the request
		ships     []map[int]Qty // the shipments recorded, oldest first
		void      []int         // the shipments voided, in turn
		state     State         // the order's state after the voids
		remaining map[int]Qty   // what is then still to ship
	}{
		{"the only shipment", false, []map[int]Qty{full}, []int{0}, StateCleared, full},
		{"one of two partial shipments", false, []map[int]Qty{{1: QtyOf(10)}, {2: QtyOf(4)}}, []int{1}, StateShipped,
			map[int]Qty{1: 0, 2: QtyOf(10)}},
		{"both partial shipments", false, []map[int]Qty{{1: QtyOf(10)}, {2: QtyOf(4)}}, []int{1, 0}, StateCleared, full},
		{"the only shipment, shipped before the paperwork", true, []map[int]Qty{full}, []int{0}, StateCleared, full},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			o := f.readyToShip(f.custA, 10, !tc.emergency)
			if tc.emergency {
				o = f.do(o, func(o *Order, c Ctx) error {
					return o.AuthoriseEmergencyShipping(c, SignerOf(f.super), "客戶產線停機 line down")
				})
			}
			var shs []*Shipment
			for _, lines := range tc.ships {
				shs = append(shs, f.ship(o, lines))
			}
			for _, i := range tc.void {
				if _, err := f.s.VoidShipment(f.ctx, f.clerk.Actor(), shs[i].ID, 0, "wrong pallet loaded"); err != nil {
					t.Fatalf("void %s: %v", shs[i].No, err)
				}
			}
			o = f.reload(o)
			if o.State != tc.state {
				t.Fatalf("after the voids the order is %s, want %s", o.State, tc.state)
			}
			if tc.state == StateCleared {
				if !o.Shipping.ShippedOn.IsZero() || o.Shipping.ShippedBy != "" || !o.Shipping.ExpectedArrival.IsZero() {
					t.Errorf("cleared again, still shipped: %+v", o.Shipping)
				}
				ev := f.events(o)
				if e := ev[len(ev)-1]; e.From != string(StateShipped) || e.To != string(StateCleared) || !strings.Contains(e.Note, "wrong pallet loaded") {
					t.Errorf("the order's last event %+v", e)
				}
			}
			list, _ := f.s.ShipmentsOf(f.ctx, o.ID)
			for no, want := range tc.remaining {
				if got := Remaining(o, list)[no]; got != want {
					t.Errorf("line %d: %s to ship, want %s", no, got, want)
				}
			}
			rows, err := f.s.Shipments(f.ctx, ShipmentFilter{View: ShipViewToShip})
			if err != nil || len(rows) != 1 || rows[0].OrderID != o.ID || rows[0].ID != 0 {
				t.Fatalf("to ship: %+v %v", rows, err)
			}
			if n, _ := f.s.CountShipments(f.ctx, ShipmentFilter{View: ShipViewToShip}); n != 1 {
				t.Errorf("the to-ship list counts %d rows", n)
			}
			acts, err := f.s.ShipmentActions(f.ctx, f.clerk.Actor(), rows[0])
			if err != nil || acts.Allowed(ShipDoShip) != nil {
				t.Fatalf("the order to ship cannot be shipped: %v %v", acts.Allowed(ShipDoShip), err)
			}
			if tc.emergency {
				overdue, _ := f.s.Orders(f.ctx, OrderFilter{View: ViewOverdue, Gate: GatePaperwork})
				if len(overdue) != 1 || overdue[0].ID != o.ID || !o.Emergency.Active() || len(o.Requests) != 0 {
					t.Errorf("the shipment request is no longer owed: %+v", overdue)
				}
			}
			// Ship what is left; when every shipment that counts has its
			// signed receipt, the order is delivered.
			rest := map[int]Qty{}
			for no, q := range tc.remaining {
				if q > 0 {
					rest[no] = q
				}
			}
			again := f.ship(o, rest)
			if tc.emergency && again.EmergencyBy != f.super.Name {
				t.Errorf("shipped again before the paperwork: emergency by %q", again.EmergencyBy)
			}
			if o = f.reload(o); o.State != StateShipped || o.Shipping.ShippedOn != f.today() {
				t.Fatalf("shipped again: %s %+v", o.State, o.Shipping)
			}
			list, _ = f.s.ShipmentsOf(f.ctx, o.ID)
			for i := range list {
				if list[i].Status == ShipInTransit {
					f.arrive(&list[i], "林經理", "")
				}
			}
			if o = f.reload(o); o.State != StateDelivered {
				t.Errorf("every shipment received: the order is %s", o.State)
			}
		})
	}
}

func TestReturnToClearedOnlyFromShipped(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, true)
	err := f.try(o, func(o *Order, c Ctx) error { return o.ReturnToCleared(c, "x") })
	if got := refusal(t, err); !strings.Contains(got, "only a shipped order goes back") {
		t.Errorf("cleared order: %q", got)
	}
	f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	if err := f.try(f.reload(o), func(o *Order, c Ctx) error { return o.ReturnToCleared(c, " ") }); err == nil {
		t.Error("back to cleared without a reason")
	}
}

// TestShipmentActionsAskTheRules walks an order through shipping and asks,
// at each stage, which actions the shipping screen may offer. A refused
// action's reason is the very refusal its rule gives when tried.
func TestShipmentActionsAskTheRules(t *testing.T) {
	f := newDesk(t)
	me := f.clerk.Actor()
	o := f.readyToShip(f.custA, 10, false)
	var sh *Shipment
	row := func() ShipmentRow {
		if sh == nil {
			return ShipmentRow{OrderID: o.ID}
		}
		return ShipmentRow{ID: sh.ID, OrderID: o.ID}
	}
	// try runs an action's rule with good inputs.
	try := map[ShipAction]func() error{
		ShipDoRequest: func() error {
			_, err := f.s.IssueShipmentRequest(f.ctx, me, o.ID, 0, ShipmentRequestInput{ShipTo: "台北市", Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
			return err
		},
		ShipDoShip: func() error {
			_, err := f.s.CreateShipment(f.ctx, me, ShipmentInput{OrderID: o.ID, Lines: map[int]Qty{1: QtyOf(10)}, Carrier: "新竹物流", ShipDate: f.today()})
			return err
		},
	}
	notice := func(st NoticeStep) func() error {
		return func() error {
			_, err := f.s.RecordShippingNotice(f.ctx, me, sh.ID, 0, st, Signer{Name: "林經理"}, "notice.pdf")
			return err
		}
	}
	try[ShipDoNotice], try[ShipDoSent], try[ShipDoLegible] = notice(NoticeIssue), notice(NoticeSend), notice(NoticeLegible)
	try[ShipDoArrival] = func() error {
		_, err := f.s.RecordArrival(f.ctx, me, sh.ID, 0, ArrivalInput{ArrivedOn: f.today()})
		return err
	}
	try[ShipDoReceipt] = func() error { _, err := f.s.RecordReceipt(f.ctx, me, sh.ID, 0, "林經理", ""); return err }
	try[ShipDoFollowUp] = func() error {
		_, err := f.s.SetShipmentFollowUp(f.ctx, me, sh.ID, 0, f.today().AddDays(1), "")
		return err
	}
	try[ShipDoVoid] = func() error { _, err := f.s.VoidShipment(f.ctx, me, sh.ID, 0, "x"); return err }

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		stage   string
		then    func() // moves the order or the shipment on, before the stage is asked
		allowed []ShipAction
		says    map[ShipAction]string // part of a refusal
	}{
		{"cleared, no request", func() {}, []ShipAction{ShipDoRequest},
			map[ShipAction]string{ShipDoShip: "Nothing ships without a shipment request", ShipDoArrival: "waiting to ship: open one of its shipments"}},
		{"request issued", func() { must(try[ShipDoRequest]()) }, []ShipAction{ShipDoShip},
			map[ShipAction]string{ShipDoRequest: "has already been issued"}},
		{"line 1 shipped", func() {
			must(try[ShipDoShip]())
			list, _ := f.s.ShipmentsOf(f.ctx, o.ID)
			sh = &list[0]
		}, []ShipAction{ShipDoShip, ShipDoNotice, ShipDoArrival, ShipDoFollowUp, ShipDoVoid},
			map[ShipAction]string{ShipDoSent: "Print the shipping notice first.", ShipDoLegible: "has not been sent yet", ShipDoReceipt: "Record the arrival first."}},
		{"notice printed and sent", func() { must(try[ShipDoNotice]()); must(try[ShipDoSent]()) },
			[]ShipAction{ShipDoShip, ShipDoNotice, ShipDoLegible, ShipDoArrival, ShipDoFollowUp, ShipDoVoid},
			map[ShipAction]string{ShipDoSent: "already been sent"}},
		{"arrived, receipt not back", func() { must(try[ShipDoArrival]()) },
			[]ShipAction{ShipDoShip, ShipDoNotice, ShipDoLegible, ShipDoReceipt, ShipDoVoid},
			map[ShipAction]string{ShipDoArrival: "already been recorded", ShipDoFollowUp: "Only a shipment in transit"}},
		{"receipt signed", func() { must(try[ShipDoReceipt]()) },
			[]ShipAction{ShipDoShip, ShipDoNotice, ShipDoLegible},
			map[ShipAction]string{ShipDoVoid: "can no longer be voided"}},
		{"the rest shipped, the first voided", func() {
			first := sh
			_, err := f.s.CreateShipment(f.ctx, me, ShipmentInput{OrderID: o.ID, Lines: map[int]Qty{2: QtyOf(10)}, Carrier: "新竹物流", ShipDate: f.today()})
			must(err)
			list, _ := f.s.ShipmentsOf(f.ctx, o.ID)
			sh = &list[1]
			must(try[ShipDoVoid]())
			sh = first
		}, []ShipAction{ShipDoShip, ShipDoNotice, ShipDoLegible},
			map[ShipAction]string{ShipDoRequest: "issued once finance has cleared the order"}},
	}
	for _, tc := range tests {
		tc.then()
		acts, err := f.s.ShipmentActions(f.ctx, me, row())
		if err != nil {
			t.Fatalf("%s: %v", tc.stage, err)
		}
		allowed := map[ShipAction]bool{}
		for _, a := range tc.allowed {
			allowed[a] = true
		}
		for _, a := range ShipActions {
			err := acts.Allowed(a)
			if allowed[a] != (err == nil) {
				t.Errorf("%s: %s allowed %t, want %t (%v)", tc.stage, a, err == nil, allowed[a], err)
			}
			if want, ok := tc.says[a]; ok && (err == nil || !strings.Contains(err.Error(), want)) {
				t.Errorf("%s: %s says %v, want %q", tc.stage, a, err, want)
			}
			if err != nil && try[a] != nil && (sh != nil || a == ShipDoRequest || a == ShipDoShip) {
				if got := try[a](); got == nil || got.Error() != err.Error() {
					t.Errorf("%s: %s refused with %q, the rule says %v", tc.stage, a, err, got)
				}
			}
		}
	}
	// A void shipment refuses everything of its own.
	list, _ := f.s.ShipmentsOf(f.ctx, o.ID)
	acts, _ := f.s.ShipmentActions(f.ctx, me, ShipmentRow{ID: list[1].ID, OrderID: o.ID})
	for _, a := range shipmentSteps {
		if err := acts.Allowed(a); err == nil || !strings.Contains(err.Error(), list[1].No) {
			t.Errorf("void shipment: %s says %v", a, err)
		}
	}
	if _, err := f.s.ShipmentActions(f.ctx, me, ShipmentRow{ID: list[1].ID + 100, OrderID: o.ID}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a shipment of another order: %v", err)
	}
	if err := (ShipmentActions(nil)).Allowed(ShipDoVoid); err == nil {
		t.Error("nothing opened, an action allowed")
	}
}

func TestShipmentRowAndItsView(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, true)
	sh := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	r, err := f.s.ShipmentRow(f.ctx, sh.ID)
	if err != nil || r.No != sh.No || r.OrderNo != o.No || r.CustomerCode != "A001" || r.Carrier != "新竹物流" || r.Version != sh.Version {
		t.Fatalf("row %+v %v", r, err)
	}
	if _, err := f.s.ShipmentRow(f.ctx, sh.ID+1); !errors.Is(err, ErrNotFound) {
		t.Errorf("no such shipment: %v", err)
	}
	today := f.today()
	tests := []struct {
		row  ShipmentRow
		want ShipmentView
	}{
		{ShipmentRow{OrderID: 1}, ShipViewToShip},
		{ShipmentRow{ID: 1, Status: ShipInTransit}, ShipViewInTransit},
		{ShipmentRow{ID: 1, Status: ShipArrived}, ShipViewAwaitReceipt},
		{ShipmentRow{ID: 1, Status: ShipReceived, ArrivedOn: today}, ShipViewDeliveredMonth},
		{ShipmentRow{ID: 1, Status: ShipReceived, ArrivedOn: today.AddDays(-40)}, ShipViewMonth},
		{ShipmentRow{ID: 1, Status: ShipVoid}, ShipViewMonth},
	}
	for _, tc := range tests {
		if got := tc.row.View(today); got != tc.want {
			t.Errorf("%+v: view %s, want %s", tc.row, got, tc.want)
		}
	}
}
