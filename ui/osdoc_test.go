package ui

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"orderdesk/reports"
)

// TestDocTriesPerOS: Windows opens and prints through ShellExecute's
// verbs, macOS through open and lp (CUPS), Linux through xdg-open and lp;
// printing falls back to opening the document to print from the viewer.
func TestDocTriesPerOS(t *testing.T) {
	win := `C:\Users\陳怡君\Documents\OrderDesk\2024\A24-0001\A24-0001-confirmation-R1.pdf`
	mac := "/Users/chen yijun/Documents/OrderDesk/2024/A24-0001/A24-0001-confirmation-R1.pdf"
	cases := []struct {
		goos string
		verb docVerb
		path string
		want []docTry
	}{
		{"windows", verbOpen, win, []docTry{{ShellVerb: "open"}}},
		{"windows", verbPrint, win, []docTry{{ShellVerb: "print"}, {ShellVerb: "open"}}},
		{"darwin", verbOpen, mac, []docTry{{Command: []string{"open", mac}}}},
		{"darwin", verbPrint, mac, []docTry{{Command: []string{"lp", mac}, Wait: true}, {Command: []string{"open", mac}}}},
		{"linux", verbOpen, mac, []docTry{{Command: []string{"xdg-open", mac}}}},
		{"linux", verbPrint, mac, []docTry{{Command: []string{"lp", mac}, Wait: true}, {Command: []string{"xdg-open", mac}}}},
	}
	for _, c := range cases {
		if got := docTries(c.goos, c.verb, c.path); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %s: %+v, want %+v", c.goos, c.verb, got, c.want)
		}
	}
}

// TestPrintFallsBackToOpening: when the reader has no print verb the
// document is opened instead and nothing is wrong; when nothing works the
// print's own failure is the answer.
func TestPrintFallsBackToOpening(t *testing.T) {
	path := `C:\Users\陳怡君\Documents\確認書 R1.pdf`
	var asked []string
	noPrintVerb := func(try docTry, p string) error {
		asked = append(asked, try.ShellVerb+" "+p)
		if try.ShellVerb == "print" {
			return errors.New("no application is associated with the print verb")
		}
		return nil
	}
	if err := runDocTries(docTries("windows", verbPrint, path), path, noPrintVerb); err != nil {
		t.Errorf("opening the document instead: %v", err)
	}
	if want := []string{"print " + path, "open " + path}; !reflect.DeepEqual(asked, want) {
		t.Errorf("asked %q, want %q", asked, want)
	}
	nothing := func(try docTry, _ string) error { return errors.New(try.Command[0] + " failed") }
	if err := runDocTries(docTries("linux", verbPrint, path), path, nothing); err == nil || err.Error() != "lp failed" {
		t.Errorf("got %v, want lp's failure", err)
	}
}

// TestPrintOnTheDefaultPrinter: the Print menu's print item writes the
// document and hands it to the printer; a printer's refusal is shown.
func TestPrintOnTheDefaultPrinter(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	order := f.checked(f.intake(f.customer("A001", nil), 100, "WF-80-787"))
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	d.docsDir = t.TempDir()
	var printed, opened []string
	d.openFile = func(p string) error { opened = append(opened, p); return nil }
	d.printFile = func(p string) error {
		printed = append(printed, p)
		return errors.New("lp: Error - No default destination.")
	}
	o.do(func() { d.printDoc(reports.Request{Kind: reports.KindConfirmation}, verbPrint) })
	o.settle()
	if len(printed) != 1 || len(opened) != 0 {
		t.Fatalf("printed %v, opened %v: want the confirmation printed", printed, opened)
	}
	if !strings.Contains(d.status.Text, "No default destination") {
		t.Errorf("status %q does not say why it was not printed", d.status.Text)
	}
}
