package ui

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestOfficeLogoInSettings: a manager chooses a logo and sees it with what
// it is; a file that is not an image is refused beside it; Remove takes it
// away; a clerk sees it but cannot change it.
func TestOfficeLogoInSettings(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	boss := addEmployee(t, store, "Lin Mei", "林美", "LM", true)
	d := newDeskTest(t, store, boss)
	d.shortcut(ShortcutSection(SectionSettings))
	d.settle()
	l := d.shell.prefs.logo
	if l.preview.Visible() || l.remove.Disabled() == false || !strings.Contains(l.info.Text, "No logo") {
		t.Fatalf("an office without a logo shows %q (preview %v, remove enabled %v)", l.info.Text, l.preview.Visible(), !l.remove.Disabled())
	}
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 240, 80))); err != nil {
		t.Fatal(err)
	}
	file := []byte("not an image")
	l.pick = func(got func([]byte)) { got(file) }
	d.do(func() { test.Tap(l.choose) })
	d.settle()
	if !strings.Contains(l.problem.Text, "PNG or JPEG") {
		t.Errorf("a text file as the logo says %q", l.problem.Text)
	}
	file = img.Bytes()
	d.do(func() { test.Tap(l.choose) })
	d.settle()
	if got, _ := store.Logo(context.Background()); !bytes.Equal(got, img.Bytes()) {
		t.Fatalf("the chosen logo was stored as %d bytes", len(got))
	}
	if !l.preview.Visible() || !strings.Contains(l.info.Text, "PNG 240×80") || l.problem.Text != "" {
		t.Errorf("the chosen logo shows %q (preview %v), problem %q", l.info.Text, l.preview.Visible(), l.problem.Text)
	}
	d.do(func() { d.shell.setEmployee(clerk) })
	d.settle()
	if !l.choose.Disabled() || !l.remove.Disabled() {
		t.Error("a clerk may change the logo")
	}
	d.do(func() { d.shell.setEmployee(boss) })
	d.settle()
	d.do(func() { test.Tap(l.remove) })
	d.settle()
	if got, _ := store.Logo(context.Background()); got != nil || l.preview.Visible() {
		t.Errorf("after Remove: %d bytes stored, preview shown %v", len(got), l.preview.Visible())
	}
}
