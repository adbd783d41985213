package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestShowErrReplacesAnEarlierTry: what a dialog shows after a failed save
// (submitDialog) is that save's answer alone: field problems beside their
// fields, then a refusal below them with the earlier field problems gone
// (the contact and order-action dialogs left them standing beside it).
func TestShowErrReplacesAnEarlierTry(t *testing.T) {
	test.NewTempApp(t)
	f := NewFieldForm()
	f.Add("Name", "Name", NewEntry())
	var fe model.FieldErrors
	fe.Add("Name", "Required.")
	f.ShowErr(fe.Err())
	if p := f.byName["Name"].problem; !p.Visible() || p.Text == "" || f.Other.Visible() {
		t.Fatalf("field problem %q (shown %v), other %q", p.Text, p.Visible(), f.Other.Text)
	}
	refusal := model.Refuse("The order is on hold: resume it first.")
	f.ShowErr(refusal)
	if p := f.byName["Name"].problem; p.Visible() {
		t.Errorf("the earlier field problem %q is still shown beside the refusal", p.Text)
	}
	if want := SayErr(refusal); f.Other.Text != want || !f.Other.Visible() {
		t.Errorf("other %q (shown %v), want %q", f.Other.Text, f.Other.Visible(), want)
	}
}
