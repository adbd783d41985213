package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestNothingCutOff renders each section at 1280×800 and 1024×768, in
// English and in Traditional Chinese (each in a child process: Fyne's
// translations are process-wide), and fails on any number, date or code
// cut short with "…" or running past the edge of what shows it.
// ORDERDESK_CUTOFF_PNG=DIR keeps a picture of each.
func TestNothingCutOff(t *testing.T) {
	if choice, ok := os.LookupEnv("ORDERDESK_CUTOFF_LANG"); ok {
		if err := SetupLanguage(choice); err != nil {
			t.Fatal(err)
		}
		checkNothingCutOff(t)
		return
	}
	for _, choice := range []string{LanguageEnglish, LanguageChinese} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNothingCutOff$")
		cmd.Env = append(os.Environ(), "ORDERDESK_CUTOFF_LANG="+choice, "LANG=en_US.UTF-8", "LANGUAGE=en")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("language %q: %v\n%s", choice, err, out)
		}
	}
}

// cutView is one screen to look at: how to bring it up on the desk.
type cutView struct {
	name string
	show func(o *orderDesk)
}

// cutInNumber reports whether text, shortened with "…", was cut inside a
// word with a digit ("NT$1,548,5…", "TK-2026-0…"); a name cut after its
// code ("B014 Kiwi Crafts L…") still shows the code whole.
func cutInNumber(text string) bool {
	kept := strings.TrimSuffix(text, "…")
	if strings.HasSuffix(kept, " ") {
		return false // cut between words ("B005 …"): the last word shows whole
	}
	words := strings.Fields(kept)
	return len(words) > 0 && strings.ContainsFunc(words[len(words)-1], unicode.IsDigit)
}

func checkNothingCutOff(t *testing.T) {
	store := demoStore(t, 400)
	o := newOrderDesk(t, store, employee(t, store, "YC"))
	ctx := context.Background()
	rows, err := store.Orders(ctx, model.OrderFilter{View: model.ViewAll, Sort: model.SortTotal, Desc: true, Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no demo order: %v", err)
	}
	big := rows[0].ID // the largest amounts
	views := []cutView{
		{"orders", func(o *orderDesk) { o.show(SectionOrders); o.do(o.s.showList) }},
		{"overdue orders", func(o *orderDesk) {
			o.show(SectionOrders)
			o.do(func() { o.s.showList(); o.s.list.view.SetSelectedIndex(3) })
		}},
		{"order detail", func(o *orderDesk) { o.show(SectionOrders); o.open(big) }},
		{"shipping", func(o *orderDesk) {
			o.show(SectionShipping)
			o.do(func() { o.shell.shipping.current().OpenFirst() })
		}},
		{"tickets", func(o *orderDesk) { o.show(SectionTickets) }},
	}
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 768}} {
		for _, v := range views {
			o.win.Resize(size)
			v.show(o)
			o.relayout()
			o.settle()
			cut := cutTexts(o.canvas())
			if dir := os.Getenv("ORDERDESK_CUTOFF_PNG"); dir != "" {
				func() {
					defer func() { recover() }() // the software painter fails on some shapes
					f, _ := os.Create(fmt.Sprintf("%s/%s-%s-%.0f.png", dir, os.Getenv("ORDERDESK_CUTOFF_LANG"), strings.ReplaceAll(v.name, " ", "-"), size.Width))
					defer f.Close()
					png.Encode(f, o.canvas().Capture())
				}()
			}
			for _, c := range cut {
				t.Errorf("%s at %.0f×%.0f: %s", v.name, size.Width, size.Height, c)
			}
			// A window is never narrower than its content's minimum: wider
			// than the screen, it runs off the screen's edge.
			if w := o.win.Content().MinSize().Width; w > size.Width {
				t.Errorf("%s at %.0f×%.0f: the window needs %.0f px", v.name, size.Width, size.Height, w)
			}
		}
	}
}

// cutTexts returns the texts with a digit (numbers, dates, codes) that are
// shown cut: shortened with "…", or running past the right edge of the
// window or of the scroll that shows them.
func cutTexts(c fyne.Canvas) []string {
	var out []string
	var walk func(o fyne.CanvasObject, at fyne.Position, right float32)
	walk = func(o fyne.CanvasObject, at fyne.Position, right float32) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		switch x := o.(type) {
		case *canvas.Text:
			if !strings.ContainsFunc(x.Text, unicode.IsDigit) {
				return
			}
			w := fyne.MeasureText(x.Text, x.TextSize, x.TextStyle).Width
			switch {
			case strings.HasSuffix(x.Text, "…") && cutInNumber(x.Text):
				out = append(out, fmt.Sprintf("%q is cut short", x.Text))
			case pos.X+w > right+1:
				out = append(out, fmt.Sprintf("%q runs %.0f past the edge", x.Text, pos.X+w-right))
			}
			return
		case *container.Scroll:
			if x.Direction == container.ScrollVerticalOnly || x.Direction == container.ScrollNone {
				right = min(right, pos.X+x.Size().Width)
			} else {
				right = float32(1 << 20) // a sideways scroll reaches what is past its edge
			}
		}
		var kids []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			kids = x.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(x).Objects()
		}
		for _, k := range kids {
			walk(k, pos, right)
		}
	}
	walk(c.Content(), fyne.Position{}, c.Size().Width)
	return out
}
