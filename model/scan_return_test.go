package model

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeDecode reads a test "scan": one line per page, each a barcode's text
// ("SO-…/R2") or "-" for a page without one; "broken" is unreadable.
func fakeDecode(data []byte) ([]PageCode, error) {
	if string(data) == "broken" {
		return nil, errors.New("not a PDF, TIFF, PNG or JPEG file")
	}
	var out []PageCode
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		no, rev, ok := strings.Cut(l, "/R")
		n, _ := strconv.Atoi(rev)
		if !ok {
			out = append(out, PageCode{Err: errors.New("no barcode")})
			continue
		}
		out = append(out, PageCode{Order: no, Rev: n})
	}
	return out, nil
}

func TestImportScan(t *testing.T) {
	f := newDesk(t)
	awaiting := f.toConfirmationSent(f.intake(f.custB, 200))
	signed := f.signBack(f.toConfirmationSent(f.intake(f.custB, 100)))
	code := func(o *Order, rev int) string { return o.No + "/R" + strconv.Itoa(rev) }
	tests := []struct {
		name   string
		data   string
		status string
		signs  *Order
	}{
		{"blank page", "-", ScanUnmatched, nil},
		{"another company's page", "INV-7781", ScanUnmatched, nil},
		{"unknown order", "SO-2026-99999/R1", ScanUnmatched, nil},
		{"old revision", code(awaiting, awaiting.CurrentRev+1), ScanUnmatched, nil},
		{"order not awaiting sign-back", code(signed, signed.CurrentRev), ScanUnmatched, nil},
		{"pages of two orders", code(awaiting, awaiting.CurrentRev) + "\n" + code(signed, signed.CurrentRev), ScanUnmatched, nil},
		{"current revision, 3 pages", "-\n" + code(awaiting, awaiting.CurrentRev) + "\n" + code(awaiting, awaiting.CurrentRev), ScanMatched, awaiting},
	}
	f.advance(2 * time.Hour) // the fax came back an hour ago, read now
	arrived := f.s.Now().Add(-time.Hour)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := f.s.ImportScan(f.ctx, f.clerk.Actor(), ScanFile{Name: tt.name + ".pdf", Data: []byte(tt.data), Arrived: arrived}, fakeDecode)
			if err != nil || res.Status != tt.status {
				t.Fatalf("status %q (%v), err %v; want %q", res.Status, res.Reason, err, tt.status)
			}
			if tt.signs == nil {
				return
			}
			o := f.reload(tt.signs)
			if o.SignedBackAt == nil || !o.SignedBackAt.Equal(arrived.UTC().Truncate(time.Microsecond)) || o.SignBackOwedSince != nil {
				t.Errorf("signed back at %v, owed since %v; want %v", o.SignedBackAt, o.SignBackOwedSince, arrived)
			}
			scans, _ := f.s.ScansOf(f.ctx, o.ID)
			if len(scans) != 1 || scans[0].Pages != 3 {
				t.Errorf("scans of the order: %+v", scans)
			}
			notes, _ := f.s.NotesOn(f.ctx, OnOrder, o.ID)
			found := false
			for _, n := range notes {
				found = found || (n.IsAction && n.Pending && strings.Contains(n.Title, "Check the signature") && n.AssigneeID != nil && *n.AssigneeID == o.ClerkID)
			}
			if !found {
				t.Errorf("no pending 'check the signature' item for the clerk among %d notes", len(notes))
			}
		})
	}
	un, err := f.s.UnmatchedScans(f.ctx)
	if err != nil || len(un) != 6 {
		t.Fatalf("unmatched: %d, %v; want 6", len(un), err)
	}
	if o := f.reload(signed); o.SignedBackAt == nil {
		t.Error("the signed order lost its sign-back")
	}
	// The clerk discards one with a reason (kept), and assigns none twice.
	if err := f.s.DiscardScan(f.ctx, f.clerk.Actor(), un[0].ID, ""); err == nil {
		t.Error("discarded without a reason")
	}
	if err := f.s.DiscardScan(f.ctx, f.clerk.Actor(), un[0].ID, "blank page from the fax"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DiscardScan(f.ctx, f.clerk.Actor(), un[0].ID, "again"); err == nil {
		t.Error("discarded twice")
	}
	if un2, _ := f.s.UnmatchedScans(f.ctx); len(un2) != 5 {
		t.Errorf("after discarding: %d unmatched, want 5", len(un2))
	}
}

// TestImportScanSlipCountsToArrival: a fax that arrived the day it was
// sent and was read two days later slips nothing.
func TestImportScanSlipCountsToArrival(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 200))
	arrived := f.s.Now().Add(time.Hour)
	f.advance(49 * time.Hour)
	if _, err := f.s.ApplySlips(f.ctx); err != nil {
		t.Fatal(err)
	}
	if o = f.reload(o); o.SlipDays == 0 {
		t.Fatal("setup: no slip applied")
	}
	res, err := f.s.ImportScan(f.ctx, System, ScanFile{Name: "fax.tif", Data: []byte(o.No + "/R" + strconv.Itoa(o.CurrentRev)), Arrived: arrived}, fakeDecode)
	if err != nil || res.Status != ScanMatched {
		t.Fatalf("%+v %v", res, err)
	}
	if o = f.reload(o); o.SlipDays != 0 || o.PromisedDate != o.ConfirmedDate {
		t.Errorf("slip %d days, promised %v (confirmed %v); want none", o.SlipDays, o.PromisedDate, o.ConfirmedDate)
	}
}

// TestProcessScanFolder: read files go to processed/, unreadable ones to
// failed/ with the reason beside them.
func TestProcessScanFolder(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 200))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.pdf"), []byte(o.No+"/R"+strconv.Itoa(o.CurrentRev)), 0o600)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("broken"), 0o600)
	res, err := f.s.ProcessScanFolder(f.ctx, System, dir, fakeDecode)
	if err != nil || len(res) != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	for _, p := range []string{"processed/good.pdf", "failed/bad.txt", "failed/bad.txt.reason.txt"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "failed/bad.txt.reason.txt")); !strings.Contains(string(b), "not a PDF") {
		t.Errorf("reason: %q", b)
	}
}

// TestAssignScan: the clerk gives an unmatched scan (here an old
// revision's page, which the customer signed anyway) to its order.
func TestAssignScan(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 200))
	f.advance(time.Hour)
	res, err := f.s.ImportScan(f.ctx, System, ScanFile{Name: "old.pdf", Data: []byte(o.No + "/R9"), Arrived: f.s.Now()}, fakeDecode)
	if err != nil || res.Status != ScanUnmatched {
		t.Fatalf("%+v %v", res, err)
	}
	un, _ := f.s.UnmatchedScans(f.ctx)
	if len(un) != 1 {
		t.Fatalf("%d unmatched", len(un))
	}
	if err := f.s.AssignScan(f.ctx, f.clerk.Actor(), un[0].ID, "SO-2026-99999"); err == nil {
		t.Error("assigned to an unknown order")
	}
	if err := f.s.AssignScan(f.ctx, f.clerk.Actor(), un[0].ID, o.No); err != nil {
		t.Fatal(err)
	}
	if o = f.reload(o); o.SignedBackAt == nil {
		t.Error("assigning did not record the sign-back")
	}
	if scans, _ := f.s.ScansOf(f.ctx, o.ID); len(scans) != 1 || scans[0].Status != ScanAssigned {
		t.Errorf("scans of the order: %+v", scans)
	}
	if err := f.s.AssignScan(f.ctx, f.clerk.Actor(), un[0].ID, o.No); err == nil {
		t.Error("assigned twice")
	}
}

// TestSignBackScan: the scan an order's current revision was signed back
// by is found among its scans (the production copy notes it); an order
// signed back by hand has none.
func TestSignBackScan(t *testing.T) {
	f := newDesk(t)
	byScan := f.toConfirmationSent(f.intake(f.custB, 200))
	byHand := f.signBack(f.toConfirmationSent(f.intake(f.custB, 100)))
	f.advance(time.Hour)
	if res, err := f.s.ImportScan(f.ctx, System, ScanFile{Name: "fax.tif", Data: []byte(byScan.No + "/R" + strconv.Itoa(byScan.CurrentRev)), Arrived: f.s.Now()}, fakeDecode); err != nil || res.Status != ScanMatched {
		t.Fatalf("%+v %v", res, err)
	}
	for _, tt := range []struct {
		o    *Order
		want string
	}{{byScan, "fax.tif"}, {byHand, ""}} {
		o := f.reload(tt.o)
		scans, err := f.s.ScansOf(f.ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if s := o.SignBackScan(scans); s != nil {
			got = s.FileName
		}
		if got != tt.want {
			t.Errorf("%s: sign-back scan %q, want %q", o.No, got, tt.want)
		}
	}
}

// TestImportScanRefusesTheSameFileTwice: the same bytes imported again,
// under any name, are refused with the first import named, and record no
// second sign-back nor a second unmatched return; from the watched folder
// the copy goes to failed/ with that reason.
func TestImportScanRefusesTheSameFileTwice(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 200))
	f.advance(time.Hour)
	signed := []byte(o.No + "/R" + strconv.Itoa(o.CurrentRev))
	for _, name := range []string{"fax-0412.tif", "blank.png"} {
		data := signed
		if name == "blank.png" {
			data = []byte("-")
		}
		if _, err := f.s.ImportScan(f.ctx, System, ScanFile{Name: name, Data: data, Arrived: f.s.Now()}, fakeDecode); err != nil {
			t.Fatal(err)
		}
	}
	events := func() int {
		evs, err := f.s.EventsFor(f.ctx, "order", o.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(evs)
	}
	before := events()
	for _, tt := range []struct{ name, data, first string }{
		{"fax-0412.tif", string(signed), "fax-0412.tif"},
		{"fax-0412 (1).tif", string(signed), "fax-0412.tif"},
		{"blank-again.png", "-", "blank.png"},
	} {
		_, err := f.s.ImportScan(f.ctx, System, ScanFile{Name: tt.name, Data: []byte(tt.data), Arrived: f.s.Now()}, fakeDecode)
		var ref *Refusal
		if !errors.As(err, &ref) || !strings.Contains(err.Error(), tt.name+" was imported already: it is the same file as "+tt.first) {
			t.Errorf("%s again: %v; want a refusal naming %s", tt.name, err, tt.first)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "copy.pdf"), signed, 0o600)
	res, err := f.s.ProcessScanFolder(f.ctx, System, dir, fakeDecode)
	if err != nil || len(res) != 1 || res[0].Err == nil {
		t.Fatalf("folder: %+v %v", res, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "failed/copy.pdf.reason.txt")); !strings.Contains(string(b), "imported already") {
		t.Errorf("reason beside the copy: %q", b)
	}
	if scans, _ := f.s.ScansOf(f.ctx, o.ID); len(scans) != 1 {
		t.Errorf("%d scans on the order, want 1", len(scans))
	}
	if un, _ := f.s.UnmatchedScans(f.ctx); len(un) != 1 {
		t.Errorf("%d unmatched, want 1", len(un))
	}
	if n := events(); n != before {
		t.Errorf("the order has %d events after the copies, %d before", n, before)
	}
}

// TestSignatureCheckIsRecorded: marking the "check the signature" item of
// a scanned sign-back done writes on the order who checked it (reopening
// it says so too); the queue finds the scan to open from the item; other
// items write nothing on the order.
func TestSignatureCheckIsRecorded(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 200))
	f.advance(time.Hour)
	if _, err := f.s.ImportScan(f.ctx, System, ScanFile{Name: "fax.tif", Data: []byte(o.No + "/R" + strconv.Itoa(o.CurrentRev)), Arrived: f.s.Now()}, fakeDecode); err != nil {
		t.Fatal(err)
	}
	notes, err := f.s.NotesOn(f.ctx, OnOrder, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	var item *Note
	for i := range notes {
		if id, rev, ok := notes[i].SignatureCheck(); ok && id == o.ID && rev == o.CurrentRev {
			item = &notes[i]
		}
	}
	if item == nil {
		t.Fatalf("no signature check among %d notes", len(notes))
	}
	scans, err := f.s.SignatureScans(f.ctx, notes)
	if err != nil || scans[item.ID].FileName != "fax.tif" || scans[item.ID].StoredPath == "" {
		t.Errorf("scan of the item: %+v %v", scans, err)
	}
	checks := func() []string {
		evs, err := f.s.EventsFor(f.ctx, "order", o.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range evs {
			if e.Action == OrdSignatureChecked {
				out = append(out, e.By+": "+e.English())
			}
		}
		return out
	}
	if err := f.s.MarkDone(f.ctx, f.clerk.Actor(), item.ID); err != nil {
		t.Fatal(err)
	}
	got := checks()
	if len(got) != 1 || !strings.Contains(got[0], "signature on the returned scan of revision "+strconv.Itoa(o.CurrentRev)+" checked by "+f.clerk.Actor().Name) {
		t.Fatalf("order events after the check: %q", got)
	}
	if err := f.s.Reopen(f.ctx, f.clerk.Actor(), item.ID); err != nil {
		t.Fatal(err)
	}
	if got := checks(); len(got) != 2 || !strings.Contains(got[1], "reopened") {
		t.Errorf("order events after reopening: %q", got)
	}
	other, err := f.s.AddNote(f.ctx, f.clerk.Actor(), ItemInput{Object: OnOrder, ObjectID: o.ID, Action: true, DueOn: f.s.Today(), Assignee: &o.ClerkID, Title: "call the customer"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.MarkDone(f.ctx, f.clerk.Actor(), other.ID); err != nil {
		t.Fatal(err)
	}
	if got := checks(); len(got) != 2 {
		t.Errorf("another item wrote on the order: %q", got)
	}
}
