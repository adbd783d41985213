package cli

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"

	"orderdesk/model"
)

// barcodePNG is a page carrying text as Code 128, as a scanner saves it.
func barcodePNG(t *testing.T, text string) []byte {
	bm, err := oned.NewCode128Writer().Encode(text, gozxing.BarcodeFormat_CODE_128, 500, 60, nil)
	if err != nil {
		t.Fatal(err)
	}
	page := image.NewGray(image.Rect(0, 0, 1200, 800))
	draw.Draw(page, page.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(page, image.Rect(600, 80, 600+bm.GetWidth(), 140), bm, image.Point{}, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, page); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// awaitingSignBack makes a demo office in dir and returns its file and an
// order of it awaiting its signed confirmation.
func awaitingSignBack(t *testing.T, dir string) (string, model.OrderRow) {
	ctx := context.Background()
	db := filepath.Join(dir, "office.db")
	env, _, errOut := testEnv()
	if code := Run(ctx, env, []string{"demo", "-db", db, "-orders", "300"}); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	s, err := model.Open(ctx, db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Orders(ctx, model.OrderFilter{Limit: 1000})
	s.Close()
	var o model.OrderRow
	for _, r := range rows {
		if r.SignBackOwedSince != nil {
			o = r
		}
	}
	if err != nil || o.No == "" {
		t.Fatalf("no order awaiting sign-back among the demo's %d: %v", len(rows), err)
	}
	return db, o
}

// TestScansCommands imports a folder of returned pages into the demo
// office: one signs back its order, one (an old revision) waits on the
// Unmatched returns list, one is no scan and makes the command fail.
func TestScansCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, o := awaitingSignBack(t, dir)
	scans := filepath.Join(dir, "scans")
	os.MkdirAll(scans, 0o755)
	os.WriteFile(filepath.Join(scans, "1-signed.png"), barcodePNG(t, fmt.Sprintf("%s/R%d", o.No, o.CurrentRev)), 0o600)
	os.WriteFile(filepath.Join(scans, "2-old.png"), barcodePNG(t, fmt.Sprintf("%s/R%d", o.No, o.CurrentRev+5)), 0o600)
	os.WriteFile(filepath.Join(scans, "3-notes.txt"), []byte("not a scan"), 0o600)
	again := func() {
		// The fax server wrote the signed page a second time.
		os.WriteFile(filepath.Join(scans, "4-again.png"), barcodePNG(t, fmt.Sprintf("%s/R%d", o.No, o.CurrentRev)), 0o600)
	}
	steps := []struct {
		before func()
		args   []string
		code   int
		want   []string
	}{
		{nil, []string{"scans", "import", scans, "-db", db, "-as", "YC"}, 1, []string{
			"1-signed.png\t" + o.No, "signed back", "2-old.png\tunmatched: revision", "3-notes.txt\tfailed: not a PDF, TIFF, PNG or JPEG",
			"3 files, 1 signed back, 1 unmatched, 1 failed"}},
		{nil, []string{"scans", "unmatched", "-db", db}, 0, []string{"2-old.png", "is not the current one", "1 unmatched returns"}},
		{again, []string{"scans", "import", scans, "-db", db}, 1, []string{
			"4-again.png\tfailed: 4-again.png was imported already: it is the same file as 1-signed.png", "1 files, 0 signed back, 0 unmatched, 1 failed"}},
		{nil, []string{"scans", "import", "-db", db, filepath.Join(dir, "none")}, 1, []string{"not a folder"}},
		{nil, []string{"scans"}, 2, []string{"Usage"}},
	}
	for _, st := range steps {
		if st.before != nil {
			st.before()
		}
		env, out, errOut := testEnv()
		code := Run(ctx, env, st.args)
		got := out.String() + errOut.String()
		if code != st.code {
			t.Errorf("%v: exit %d, want %d\n%s", st.args, code, st.code, got)
		}
		for _, w := range st.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: output lacks %q:\n%s", st.args, w, got)
			}
		}
	}
	for _, p := range []string{"processed/1-signed.png", "processed/2-old.png", "failed/3-notes.txt.reason.txt", "failed/4-again.png.reason.txt"} {
		if _, err := os.Stat(filepath.Join(scans, p)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// TestImportMailWithReturnedConfirmation: an e-mail (multipart/mixed, the
// scanned page attached in base64) signs its order back and makes no
// ticket; the command says so.
func TestImportMailWithReturnedConfirmation(t *testing.T) {
	dir := t.TempDir()
	db, o := awaitingSignBack(t, dir)
	page := base64.StdEncoding.EncodeToString(barcodePNG(t, fmt.Sprintf("%s/R%d", o.No, o.CurrentRev)))
	var wrapped strings.Builder
	for len(page) > 76 {
		wrapped.WriteString(page[:76] + "\r\n")
		page = page[76:]
	}
	wrapped.WriteString(page + "\r\n")
	eml := "From: buyer@example.com\r\nSubject: =?UTF-8?B?5Zue57Ch?=\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n已簽回，請查收。\r\n" +
		"--b1\r\nContent-Type: image/png; name=\"signed.png\"\r\nContent-Disposition: attachment; filename=\"signed.png\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + wrapped.String() + "--b1--\r\n"
	mail := filepath.Join(dir, "mail")
	os.MkdirAll(mail, 0o755)
	os.WriteFile(filepath.Join(mail, "reply.eml"), []byte(eml), 0o600)
	env, out, errOut := testEnv()
	if code := Run(context.Background(), env, []string{"tickets", "import-mail", "-db", db, "-as", "YC", mail}); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	for _, w := range []string{fmt.Sprintf("reply.eml\t%s/R%d signed back; check the signature", o.No, o.CurrentRev), "1 e-mails, 0 new tickets, 0 failed"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	s, err := model.Open(context.Background(), db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Order(context.Background(), o.ID); err != nil || got.SignedBackAt == nil {
		t.Errorf("the e-mailed page did not sign %s back: %v", o.No, err)
	}
}
