package model

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestOfficeLogo: only a manager sets or removes the logo; what is not a
// PNG or JPEG, or too big, is refused with the reason; the history says
// what the image is (never its bytes); the settings every rule reads do
// not carry it, the settings a document prints from do.
func TestOfficeLogo(t *testing.T) {
	f := newDesk(t)
	logo := pngOf(t, 300, 100)
	var r *Refusal
	if err := f.s.SetLogo(f.ctx, f.clerk.Actor(), logo); !errors.As(err, &r) {
		t.Errorf("a clerk set the logo: %v", err)
	}
	for name, data := range map[string][]byte{
		"text":  []byte("not an image"),
		"huge":  append(append([]byte{}, logo...), make([]byte, MaxLogoBytes)...),
		"giant": pngOf(t, MaxLogoSide+1, 10),
	} {
		if err := f.s.SetLogo(f.ctx, f.super.Actor(), data); !errors.As(err, &r) {
			t.Errorf("%s: set as a logo (%v)", name, err)
		}
	}
	if err := f.s.SetLogo(f.ctx, f.super.Actor(), logo); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Logo(f.ctx)
	if err != nil || !bytes.Equal(got, logo) {
		t.Fatalf("the logo read back: %d bytes, %v", len(got), err)
	}
	office, _ := f.s.Office(f.ctx)
	print, _ := f.s.PrintOffice(f.ctx)
	if office.Logo != nil || !bytes.Equal(print.Logo, logo) {
		t.Errorf("Office carries %d bytes of logo, PrintOffice %d", len(office.Logo), len(print.Logo))
	}
	events, err := f.s.EventsFor(f.ctx, "settings", 0)
	if err != nil || len(events) == 0 {
		t.Fatalf("no event: %v", err)
	}
	last := events[len(events)-1]
	if text := last.English(); !strings.Contains(text, "PNG 300×100") || strings.Contains(text, "iVBOR") {
		t.Errorf("the history says %q", text)
	}
	if err := f.s.SetLogo(f.ctx, f.super.Actor(), nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.Logo(f.ctx); got != nil {
		t.Errorf("the removed logo still reads %d bytes", len(got))
	}
}
