package cli

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestOfficeLogoCommand: a manager sets the letterhead's logo from a file
// and removes it with -clear; a clerk, a file that is no image and one too
// big are refused with Settings' reasons and change nothing.
func TestOfficeLogoCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 300, 100))); err != nil {
		t.Fatal(err)
	}
	logo, text, big := filepath.Join(dir, "logo.png"), filepath.Join(dir, "notes.txt"), filepath.Join(dir, "big.png")
	for path, data := range map[string][]byte{logo: img.Bytes(), text: []byte("not an image"),
		big: append(img.Bytes(), make([]byte, model.MaxLogoBytes)...)} {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	stored := func() []byte {
		t.Helper()
		s, err := model.Open(context.Background(), db, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		b, err := s.Logo(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for i, st := range []struct {
		args []string
		code int
		want string
		logo bool // a logo is stored after the step
	}{
		{[]string{"demo", "-db", db, "-orders", "0"}, 0, "", false},
		{[]string{"office", "logo", logo, "-db", db, "-as", "YC"}, 1, "Only a manager may change the office settings.", false},
		{[]string{"office", "logo", text, "-db", db, "-as", "ML"}, 1, "The logo must be a PNG or JPEG image.", false},
		{[]string{"office", "logo", big, "-db", db, "-as", "ML"}, 1, "The logo is 513 KB; it may be at most 512 KB.", false},
		{[]string{"office", "logo", "-db", db, "-as", "ML"}, 2, "give the image FILE", false},
		{[]string{"office", "logo", logo, "-db", db, "-as", "ML"}, 0, "logo set: PNG 300×100", true},
		{[]string{"office", "logo", "-clear", "-db", db, "-as", "YC"}, 1, "Only a manager", true},
		{[]string{"office", "logo", "-clear", "-db", db, "-as", "ML"}, 0, "logo removed", false},
	} {
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, st.args)
		all := out.String() + errOut.String()
		if code != st.code || !strings.Contains(all, st.want) {
			t.Fatalf("step %d %v: exit %d, output:\n%s\nwant exit %d and %q", i, st.args, code, all, st.code, st.want)
		}
		if got := stored(); (len(got) > 0) != st.logo {
			t.Errorf("step %d %v: %d bytes of logo stored", i, st.args, len(got))
		}
	}
}
