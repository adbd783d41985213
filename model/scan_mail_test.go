package model

import (
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// emlWith is a saved e-mail (multipart/mixed) with a line of text and the
// attachments, base64 as mail programs send them; name → content.
func emlWith(date time.Time, attachments ...[2]string) string {
	var b strings.Builder
	b.WriteString("From: buyer@example.com\r\nSubject: signed\r\nDate: " + date.Format(time.RFC1123Z) +
		"\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n請見附件。\r\n")
	for _, a := range attachments {
		b.WriteString("--XX\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"" + a[0] +
			"\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64.StdEncoding.EncodeToString([]byte(a[1])) + "\r\n")
	}
	b.WriteString("--XX--\r\n")
	return b.String()
}

// TestMailAttachmentsAreReturnedConfirmations: an e-mail whose attachment
// is a returned confirmation signs its order back as of the e-mail's date
// and makes no ticket; one whose attachments carry no OrderDesk barcode
// is a ticket as before and crowds no Unmatched list; one with a copy of
// a returned confirmation and a photo is a ticket, the copy refused.
func TestMailAttachmentsAreReturnedConfirmations(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 200))
	f.advance(2 * time.Hour)
	sent := f.s.Now().Add(-time.Hour).Truncate(time.Second)
	signed := o.No + "/R" + strconv.Itoa(o.CurrentRev)
	dir, attach := t.TempDir(), filepath.Join(t.TempDir(), "attachments")
	for name, body := range map[string]string{
		"1-signed.eml": emlWith(sent, [2]string{"signed.pdf", signed}),
		"2-order.eml":  emlWith(sent, [2]string{"order.pdf", "-"}, [2]string{"notes.txt", signed}),
		"3-again.eml":  emlWith(sent, [2]string{"copy.tif", signed}, [2]string{"roll.jpg", "-"}),
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600)
	}
	res, err := f.s.ProcessMailFolder(f.ctx, System, dir, attach, fakeDecode)
	if err != nil || len(res) != 3 {
		t.Fatalf("%+v %v", res, err)
	}
	byFile := map[string]MailResult{}
	for _, r := range res {
		byFile[r.File] = r
		if r.Err != nil {
			t.Errorf("%s: %v", r.File, r.Err)
		}
	}
	if r := byFile["1-signed.eml"]; r.Ticket != "" || len(r.Returns) != 1 || r.Returns[0].Status != ScanMatched {
		t.Errorf("the signed confirmation's e-mail: %+v", r)
	}
	if r := byFile["2-order.eml"]; r.Ticket == "" || len(r.Returns) != 0 {
		t.Errorf("an e-mail without a returned confirmation: %+v", r)
	}
	var ref *Refusal
	if r := byFile["3-again.eml"]; r.Ticket == "" || len(r.Returns) != 1 || !errors.As(r.Returns[0].Err, &ref) {
		t.Errorf("the copy with a photo: %+v", r)
	}
	if o = f.reload(o); o.SignedBackAt == nil || !o.SignedBackAt.Equal(sent) {
		t.Errorf("signed back at %v, want the e-mail's date %v", o.SignedBackAt, sent)
	}
	if scans, _ := f.s.ScansOf(f.ctx, o.ID); len(scans) != 1 || scans[0].FileName != "signed.pdf" {
		t.Errorf("scans of the order: %+v", scans)
	}
	if un, _ := f.s.UnmatchedScans(f.ctx); len(un) != 0 {
		t.Errorf("%d unmatched returns from e-mails without our barcode", len(un))
	}
	for _, name := range []string{"1-signed.eml", "2-order.eml", "3-again.eml"} {
		if _, err := os.Stat(filepath.Join(dir, "processed", name)); err != nil {
			t.Errorf("%s not in processed/: %v", name, err)
		}
	}
}
