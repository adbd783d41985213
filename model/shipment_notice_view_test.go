package model

import "testing"

// TestNoticeUnsentView: the "notices not sent" view lists every shipment
// whose shipping notice has not gone to the customer (printed or not),
// and neither a sent one nor a void one (seed 002: unsent notices have a
// view of their own).
func TestNoticeUnsentView(t *testing.T) {
	f := newDesk(t)
	notice := func(sh *Shipment, steps ...NoticeStep) {
		for _, st := range steps {
			if _, err := f.s.RecordShippingNotice(f.ctx, f.clerk.Actor(), sh.ID, 0, st, Signer{}, "OrderDesk/notice.pdf"); err != nil {
				t.Fatalf("%s %s: %v", sh.No, st, err)
			}
		}
	}
	none := f.ship(f.readyToShip(f.custA, 10, true), map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	printed := f.ship(f.readyToShip(f.custA, 10, true), map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	notice(printed, NoticeIssue)
	sent := f.ship(f.readyToShip(f.custA, 10, true), map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	notice(sent, NoticeIssue, NoticeSend)
	void := f.ship(f.readyToShip(f.custA, 10, true), map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	if _, err := f.s.VoidShipment(f.ctx, f.clerk.Actor(), void.ID, void.Version, "wrong order picked"); err != nil {
		t.Fatal(err)
	}

	v, err := ParseShipmentView("notice-unsent")
	if err != nil || v != ShipViewNoticeUnsent {
		t.Fatalf("parse notice-unsent: %v %v", v, err)
	}
	rows, err := f.s.Shipments(f.ctx, ShipmentFilter{View: v})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.No)
	}
	if len(got) != 2 || got[0] != none.No || got[1] != printed.No {
		t.Errorf("notices not sent lists %v, want %s and %s (not the sent %s nor the void %s)", got, none.No, printed.No, sent.No, void.No)
	}
	if n, err := f.s.CountShipments(f.ctx, ShipmentFilter{View: v}); err != nil || n != 2 {
		t.Errorf("count %d, %v", n, err)
	}
}
