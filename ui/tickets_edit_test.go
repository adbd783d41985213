package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestTicketDetailEditsFields: the detail's edit form corrects the subject,
// type and due date; the ticket and its history show the change, and a
// refusal (an empty subject) stays in the form.
func TestTicketDetailEditsFields(t *testing.T) {
	b := newBoardTest(t)
	tk := b.ticket("QUESTION", "roll curl")
	b.open()
	b.s.openDetail(*tk)
	b.settle()
	d := b.s.detail
	d.onEdit()
	f := d.edit
	if f == nil || f.subject.Text != "roll curl" || f.customer.Text != "B001" {
		t.Fatalf("the edit form starts from the ticket: %+v", f)
	}
	f.subject.SetText(" ")
	test.Tap(f.confirm)
	b.settle()
	if !strings.Contains(f.form.Problem("Subject"), "Enter the subject") {
		t.Errorf("an empty subject shows %q", f.form.Problem("Subject"))
	}
	f.subject.SetText("Roll curl on the 80g rolls")
	f.typ.SetSelectedIndex(len(f.typ.Options) - 2) // Customer complaint
	f.due.SetText("2026-12-24")
	test.Tap(f.confirm)
	b.settle()
	got := b.stored(tk.ID)
	if got.Subject != "Roll curl on the 80g rolls" || got.Type != "COMPLAINT-CUSTOMER" || got.DueOn.String() != "2026-12-24" {
		t.Fatalf("stored %q %s %s", got.Subject, got.Type, got.DueOn)
	}
	if !strings.Contains(d.history.Text, "Type: Question → Customer complaint") || !strings.Contains(d.fields.Text, "Roll curl on the 80g rolls") {
		t.Errorf("the detail after the edit: %q / %q", d.fields.Text, d.history.Text)
	}
	d.dlg.Hide()
}
