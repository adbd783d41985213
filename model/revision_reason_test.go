package model

import "testing"

// TestRevisionReasonKept: the reason a clerk gives for a new revision is
// kept with the revision it replaces, and the new one reads it back (the
// confirmation prints it beside "Rev 2 replaces Rev 1"); the problems
// found on a returned copy are the reason when none was given.
func TestRevisionReasonKept(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 100))
	if got := o.RevisionReason(); got != "" {
		t.Fatalf("first revision has a reason: %q", got)
	}
	o = f.do(o, func(o *Order, c Ctx) error { return o.Revise(c, " 客戶改數量 quantity changed to 120 ") })
	o = f.do(o, func(o *Order, c Ctx) error { return o.IssueConfirmation(c, "") })
	o = f.reload(o)
	if o.CurrentRev != 2 || o.RevisionReason() != "客戶改數量 quantity changed to 120" {
		t.Errorf("rev %d reason %q", o.CurrentRev, o.RevisionReason())
	}

	p := &Order{CurrentRev: 2, Revisions: []ConfirmationRevision{{Rev: 1, Problems: "stamp unclear"}, {Rev: 2}}}
	if got := p.RevisionReason(); got != "stamp unclear" {
		t.Errorf("reason from the problems: %q", got)
	}
}
