package model

import (
	"errors"
	"testing"
	"time"
)

func TestCanPrintFollowsTheRecords(t *testing.T) {
	at := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
	signed := Signature{By: "Lin", At: &at}
	b := &Customer{Tier: TierB}
	draft := &Order{No: "SO-2026-00001", State: StateDraft, Customer: b}
	sent := &Order{No: "SO-2026-00001", State: StateConfirmationSent, CurrentRev: 1, Customer: b}
	released := *sent
	released.State, released.Release.ClerkSigned = StateReleased, signed
	inspected := released
	inspected.State, inspected.Balance.IssuedBy = StateInspected, signed
	shipped := inspected
	shipped.State, shipped.RequestNo = StateShipped, "SR-2026-00001"
	cancelled := released
	cancelled.State = StateCancelled
	cancelledDraft := *draft
	cancelledDraft.State = StateCancelled
	tierA := inspected
	tierA.Customer = &Customer{Tier: TierA}
	ships := []Shipment{{No: "SH-2026-00001", Status: ShipInTransit}}
	void := []Shipment{{No: "SH-2026-00001", Status: ShipVoid}}

	const refused = DocMark(-1)
	for _, c := range []struct {
		name  string
		o     *Order
		k     DocKind
		ships []Shipment
		want  DocMark
	}{
		{"draft confirmation", draft, DocConfirmation, nil, MarkDraft},
		{"issued confirmation", sent, DocConfirmation, nil, MarkNone},
		{"cancelled confirmation", &cancelled, DocConfirmation, nil, MarkCancelled},
		{"cancelled before any revision", &cancelledDraft, DocConfirmation, nil, refused},
		{"production copy before release", sent, DocProductionCopy, nil, refused},
		{"production copy released", &released, DocProductionCopy, nil, MarkNone},
		{"fax cover of a draft", draft, DocFaxCover, nil, MarkNone},
		{"fax cover cancelled", &cancelled, DocFaxCover, nil, MarkCancelled},
		{"balance notice before issue", &released, DocBalanceNotice, nil, refused},
		{"balance notice issued", &inspected, DocBalanceNotice, nil, MarkNone},
		{"balance notice tier A", &tierA, DocBalanceNotice, nil, refused},
		{"shipment request none", &inspected, DocShipmentRequest, nil, refused},
		{"shipment request issued", &shipped, DocShipmentRequest, nil, MarkNone},
		{"shipping notice of a draft", draft, DocShippingNotice, nil, refused},
		{"shipping notice, only a void shipment", &shipped, DocShippingNotice, void, refused},
		{"shipping notice shipped", &shipped, DocShippingNotice, ships, MarkNone},
		{"arrival receipt shipped", &shipped, DocArrivalReceipt, ships, MarkNone},
		{"arrival receipt cancelled", &cancelled, DocArrivalReceipt, ships, MarkCancelled},
		{"unknown kind", &shipped, DocKind("invoice"), nil, refused},
	} {
		got, err := c.o.CanPrint(c.k, c.ships)
		var r *Refusal
		switch {
		case c.want == refused && !errors.As(err, &r):
			t.Errorf("%s: printable (%v, %v), want a refusal", c.name, got, err)
		case c.want != refused && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != refused && got != c.want:
			t.Errorf("%s: mark %d, want %d", c.name, got, c.want)
		}
	}
}

func TestPickShipment(t *testing.T) {
	o := &Order{No: "SO-2026-00001"}
	all := []Shipment{{No: "SH-2026-00001", Status: ShipVoid}, {No: "SH-2026-00002", Status: ShipInTransit},
		{No: "SH-2026-00003", Status: ShipArrived}}
	for _, c := range []struct {
		ships []Shipment
		no    string
		want  string // "" refused
	}{
		{all, "", ""},                       // two live: say which
		{all[:2], "", "SH-2026-00002"},      // one live (the void one does not count)
		{all, "sh 2026 3", "SH-2026-00003"}, // typed loosely
		{all, "SH-2026-00001", ""},          // void
		{all, "SH-2026-00009", ""},          // not this order's
		{nil, "", ""},                       // nothing shipped
	} {
		sh, err := o.PickShipment(c.ships, c.no)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%q of %d: picked %s, want a refusal", c.no, len(c.ships), sh.No)
		case c.want != "" && (err != nil || sh.No != c.want):
			t.Errorf("%q of %d: %v %v, want %s", c.no, len(c.ships), sh, err, c.want)
		}
	}
}
