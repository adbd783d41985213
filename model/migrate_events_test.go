package model

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestMigrateEventLinesReadsOldSentences: step 10 reads the English the old
// writers put in Changes and Note (their fmt.Sprintf formats, written here
// as those writers wrote them) back into Msgs that say the same in English;
// what no pattern reads stays as written.
func TestMigrateEventLinesReadsOldSentences(t *testing.T) {
	cases := []struct {
		entity, action, changes, note string
		// english is the event's lines after the step; keepChanges and
		// keepNote what is left to show as written.
		english, keepChanges, keepNote string
	}{
		{"order", "created", "Phone by Ann Lee, 2 lines, total NT$12,500.00", "", "Phone by Ann Lee, 2 lines, total NT$12,500.00", "", ""},
		{"order", "price_confirmed", "line 1: 125.50 confirmed by Ken Wu (plan +3%, last -2%)", "ok", "line 1: 125.50 confirmed by Ken Wu (plan +3%, last -2%)", "", "ok"},
		{"order", "price_reported", "line 2 reported to the CS supervisor and the marketing director", "", "line 2 reported to the CS supervisor and the marketing director", "", ""},
		{"order", "technical_check", "can produce: true, formula changed: false, old formula insisted: false, material in stock: true, signed by Tim Ho", "",
			"can produce: yes, formula changed: no, old formula insisted: no, material in stock: yes, signed by Tim Ho", "", ""},
		{"order", "production_date", `production 2026-03-02, finished 2026-03-09, quantity 5.000, signed by Pat Lin; ConfirmedDate: "" → "2026-03-12"`, "",
			"production 2026-03-02, finished 2026-03-09, quantity 5.000, signed by Pat Lin; confirmed date  → 2026-03-12", "", ""},
		{"order", "loosen_date", `ConfirmedDate: "2026-03-12" → "2026-03-20", agreed by Mr Chen`, "customer agreed", "confirmed date 2026-03-12 → 2026-03-20, agreed by Mr Chen", "", "customer agreed"},
		{"order", "issue_confirmation", "revision 1 issued: total NT$12,500.00, promised 2026-03-12, deposit due NT$3,750.00", "SO-1-r1.pdf",
			"revision 1 issued: total NT$12,500.00, promised 2026-03-12, deposit due NT$3,750.00", "", "SO-1-r1.pdf"},
		{"order", "issue_confirmation", "revision 2 issued, replaces revision 1: total NT$12,500.00, promised 2026-03-12, deposit due NT$0.00", "",
			"revision 2 issued, replaces revision 1: total NT$12,500.00, promised 2026-03-12, deposit due NT$0.00", "", ""},
		{"order", "record_fax", "revision 2 faxed", "", "revision 2 faxed", "", ""},
		{"order", "confirm_legible", "revision 2 received legibly, confirmed by Mrs Lin", "", "revision 2 received legibly, confirmed by Mrs Lin", "", ""},
		{"order", "sign_back", "revision 1 came back with problems; a new revision is needed", "price wrong\nsigned copy with problems: confirm again as a new revision",
			"revision 1 came back with problems; a new revision is needed\nsigned copy with problems: confirm again as a new revision", "", "price wrong"},
		{"order", "sign_back", "revision 2 signed by Mr Chen, stamped, 3 days late", "", "revision 2 signed by Mr Chen, stamped, 3 days late", "", ""},
		{"order", "sign_back", "revision 2 signed by Mr Chen, 0 days late", "", "revision 2 signed by Mr Chen, 0 days late", "", ""},
		{"order", "slip", `PromisedDate: "2026-03-12" → "2026-03-16"`, "signed confirmation (revision 2, faxed 2026-03-02) not back: 2 days late",
			"PromisedDate: \"2026-03-12\" → \"2026-03-16\"\nsigned confirmation (revision 2, faxed 2026-03-02) not back: 2 days late", "", ""},
		{"order", "record_deposit", "deposit NT$3,750.00 received on 2026-03-04", "TT 8812", "deposit NT$3,750.00 received on 2026-03-04", "", "TT 8812"},
		{"order", "progress", "2026-03-05: 2.500 made, finished: false", "", "2026-03-05: 2.500 made, finished: no", "", ""},
		{"order", "exception", "exception 1 reported by Tim Ho", "roll torn", "exception 1 reported by Tim Ho", "", "roll torn"},
		{"order", "exception_escalated", "exception 1: sales told, escalated to Ms Wang", "", "exception 1: sales told, escalated to Ms Wang", "", ""},
		{"order", "exception_response", "exception 1: response agreed by Ms Wang", "remake", "exception 1: response agreed by Ms Wang", "", "remake"},
		{"order", "qc_failed", "quantity OK: true, packaging OK: false, labels OK: true, inspector Lu", "", "quantity OK: yes, packaging OK: no, labels OK: yes, inspector Lu", "", ""},
		{"order", "qc_passed", "quantity OK: true, packaging OK: true, labels OK: true, inspector Lu; stocked in", "", "quantity OK: yes, packaging OK: yes, labels OK: yes, inspector Lu; stocked in", "", ""},
		{"order", "balance_notice", "balance NT$8,750.00 for the produced value NT$12,500.00", "", "balance NT$8,750.00 for the produced value NT$12,500.00", "", ""},
		{"order", "finance", "cleared by Fay Su; paid NT$12,500.00 of NT$12,500.00", "", "cleared by Fay Su; paid NT$12,500.00 of NT$12,500.00", "", ""},
		{"order", "emergency", "shipping before the shipment request authorised by Sam Yu", "truck waiting", "shipping before the shipment request authorised by Sam Yu", "", "truck waiting"},
		{"order", "shipment_request", "shipment request SR-2026-00001 issued", "", "shipment request SR-2026-00001 issued", "", ""},
		{"order", "checks_voided", "", "products or quantities changed: the technical check and the production date note must be signed again",
			"products or quantities changed: the technical check and the production date note must be signed again", "", ""},
		{"order", "state", "", "tier A: released before the signed confirmation; it is still owed",
			"tier A: released before the signed confirmation; it is still owed", "", ""},
		{"order", "state", "", "shipped before the paperwork on the CS supervisor's authority; the shipment request is overdue", "shipped before the paperwork on the CS supervisor's authority; the shipment request is overdue", "", ""},
		{"order", "revision_superseded", "revision 1 was printed but not faxed; the order changed", "", "revision 1 was printed but not faxed; the order changed", "", ""},
		{"order", "updated", "RequestedDate: \"2026-03-01\" → \"2026-03-05\"\nline 3 added: product 7, 2.000 roll at 99.00\nline 1: Qty: \"1.000\" → \"2.000\"; Spec: \"\" → \"A4\"\na line was removed", "",
			"RequestedDate: \"2026-03-01\" → \"2026-03-05\"\nline 3 added: product 7, 2.000 roll at 99.00\nline 1: Qty: \"1.000\" → \"2.000\"\nline 1: Spec: \"\" → \"A4\"\na line was removed", "", ""},
		{"order", "shipment", "shipment SH-2026-00001: line 1: 5.000, line 2: 3.000; Hsinchu Logistics 77-1, expected 2026-03-20", "fragile\nexpected arrival 2026-03-20 is after the requested date 2026-03-18: tell the customer",
			"shipment SH-2026-00001: lines 1: 5.000, 2: 3.000; Hsinchu Logistics 77-1, expected 2026-03-20\nexpected arrival 2026-03-20 is after the requested date 2026-03-18: tell the customer", "", "fragile"},
		{"order", "shipping_notice", "shipment SH-2026-00001: shipping notice received legibly, confirmed by Mrs Lin", "",
			"shipment SH-2026-00001: shipping notice received legibly, confirmed by Mrs Lin", "", ""},
		{"order", "shipment_arrived", "shipment SH-2026-00001 arrived 2026-03-21", "", "shipment SH-2026-00001 arrived 2026-03-21", "", ""},
		{"order", "arrival_receipt", "shipment SH-2026-00001: arrival receipt signed by Mr Chen", "arrival receipt signed by Mr Chen",
			"shipment SH-2026-00001: arrival receipt signed by Mr Chen\narrival receipt signed by Mr Chen", "", ""},
		{"order", "shipment_voided", "shipment SH-2026-00001 voided", "wrong pallet", "shipment SH-2026-00001 voided", "", "wrong pallet"},
		{"shipment", "notice_issued", "shipping notice printed", "SN.pdf", "shipping notice printed", "", "SN.pdf"},
		{"shipment", "notice_sent", "shipping notice sent to the customer", "", "shipping notice sent to the customer", "", ""},
		{"shipment", "arrived", "arrived 2026-03-21, 1 days late", "", "arrived 2026-03-21, 1 days late", "", ""},
		{"shipment", "receipt_scan", "receipt scan 3f2a.pdf", "scan.pdf", "receipt scan 3f2a.pdf", "", "scan.pdf"},
		{"shipment", "follow_up", `FollowUpOn: "" → "2026-03-25"`, "", `FollowUpOn: "" → "2026-03-25"`, "", ""},
		{"shipment", "void", "voided", "mistake", "voided", "", "mistake"},
		{"customer", "updated", "Phone: \"02-1111\" → \"02-2222\"\nCreditHold: \"false\" → \"true\"", "", "Phone: \"02-1111\" → \"02-2222\"\nCreditHold: no → yes", "", ""},
		{"customer", "deactivated", "Active: true → false", "closed down", "Active: yes → no", "", "closed down"},
		{"group", "updated", "Members: [1,2] → [2,3]", "", "Members: [1,2] → [2,3]", "", ""},
		{"settings", "updated", `company.phone: "02-1" → "02-2"`, "", `company.phone: "02-1" → "02-2"`, "", ""},
		{"note", "reassigned", "Assignee: Ann Lee → Bo Lin", "", "Assignee: Ann Lee → Bo Lin", "", ""},
		{"ticket", "reassigned", "handover", "", "handover", "", ""},
		{"note", "created", "action item on customer 12: call back", "", "action item on customer 12: call back", "", ""},
		{"employee", "reassigned", "3 action items and 2 orders to Bo Lin", "leaving", "3 action items and 2 orders to Bo Lin", "", "leaving"},
		{"ticket", "created", "", "Quote – Request for quote", "Quote – Request for quote", "", ""},
		{"ticket", "created", "", "recurring task T-2026-00001", "recurring task T-2026-00001", "", ""},
		{"ticket", "updated", "", "DueOn: 2026-03-01 → 2026-03-09", `DueOn: "2026-03-01" → "2026-03-09"`, "", ""},
		{"ticket", "status", "", "no response needed", "no response needed", "", ""},
		// Text no pattern reads stays as written; a clerk's note stays a note.
		{"order", "state", "", "customer asked to wait", "", "", "customer asked to wait"},
		{"order", "updated", "something a newer build wrote\nrevision 3 faxed", "", "revision 3 faxed\nsomething a newer build wrote", "something a newer build wrote", ""},
	}

	ctx := context.Background()
	path := testTarget(t)
	old, err := Open(ctx, path, Options{Create: true, migrateTo: 9})
	if err != nil {
		t.Fatal(err)
	}
	// The events table as schema 9 had it, with no lines column.
	if err := old.db.Exec("ALTER TABLE events DROP COLUMN lines").Error; err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i, c := range cases {
		err := old.db.Exec("INSERT INTO events (entity, entity_id, \"at\", \"by\", by_id, action, \"from\", \"to\", changes, note) VALUES (?, ?, ?, ?, 0, ?, '', '', ?, ?)",
			c.entity, i+1, at, "old clerk", c.action, c.changes, c.note).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer s.Close()
	for i, c := range cases {
		ev, err := s.EventsFor(ctx, c.entity, uint(i+1))
		if err != nil || len(ev) != 1 {
			t.Fatalf("case %d: %d events, %v", i, len(ev), err)
		}
		e := ev[0]
		if got := e.English(); got != c.english {
			t.Errorf("case %d (%s %s):\n got %q\nwant %q", i, c.entity, c.action, got, c.english)
		}
		if e.Changes != c.keepChanges || e.Note != c.keepNote {
			t.Errorf("case %d: kept changes %q, note %q; want %q, %q", i, e.Changes, e.Note, c.keepChanges, c.keepNote)
		}
		for _, m := range e.msgs() {
			if m.Text == literal("").Text || strings.Contains(m.String(), "true") || strings.Contains(m.String(), "false") {
				t.Errorf("case %d: line %q was not read into a Msg of its own", i, m.String())
			}
		}
	}
}
