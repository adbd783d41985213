package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

func big5(t *testing.T, s string) string {
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMailFolderBecomesTickets(t *testing.T) {
	f := newDesk(t)
	dir, attach := t.TempDir(), filepath.Join(t.TempDir(), "attachments")
	files := map[string]string{
		"1-plain.eml": "From: =?UTF-8?B?5p6X57aT55CG?= <lin@example.com>\r\nSubject: =?UTF-8?B?6YGT5p6X57SZ5aCx5YO5?=\r\nDate: Mon, 23 Nov 2026 10:00:00 +0800\r\n\r\n請報價道林紙 80g 200 捲。\r\n",
		"2-big5.eml": "From: buyer@example.com\r\nSubject: Kraft order\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain; charset=big5\r\n\r\n" +
			big5(t, "牛皮紙交期可以提前嗎？") + "\r\n--XX\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"../../evil.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--XX--\r\n",
		"3-html.eml":    "From: ops@example.com\r\nSubject: Label stock\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><style>p{}</style><p>Need <b>labels</b></p><p>by Friday</p></html>\r\n",
		"4-garbage.eml": "\x00\x01 this is not a mail at all",
		"5-empty.eml":   "",
		"notes.txt":     "not an e-mail file: left alone",
	}
	for name, body := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600)
	}
	results, err := f.s.ProcessMailFolder(f.ctx, System, dir, attach, nil)
	if err != nil {
		t.Fatal(err)
	}
	made, failed := 0, 0
	for _, r := range results {
		if r.Err != nil {
			failed++
			if _, err := os.Stat(filepath.Join(dir, "failed", r.File+".reason.txt")); err != nil {
				t.Errorf("%s failed without a reason beside it: %v", r.File, err)
			}
			continue
		}
		made++
	}
	if made != 3 || failed != 2 {
		t.Fatalf("%d tickets, %d failed: %+v", made, failed, results)
	}
	tickets, _ := f.s.Tickets(f.ctx, TicketFilter{NewQueue: true, Limit: 10})
	text := ""
	for _, row := range tickets {
		tk, err := f.s.Ticket(f.ctx, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		text += tk.Subject + "\n" + tk.Description + "\n"
	}
	for _, want := range []string{"道林紙報價", "林經理 <lin@example.com>", "牛皮紙交期可以提前嗎？", "Need labels\nby Friday", "evil.pdf"} {
		if !strings.Contains(text, want) {
			t.Errorf("the tickets lack %q:\n%s", want, text)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Error("a file that is not .eml was touched")
	}
	// The attachment is inside the attachments folder, whatever its name said.
	var stored []string
	filepath.Walk(filepath.Dir(attach), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			stored = append(stored, p)
		}
		return nil
	})
	if len(stored) != 1 || !strings.HasPrefix(stored[0], attach+string(filepath.Separator)) || !strings.HasSuffix(stored[0], "-evil.pdf") {
		t.Errorf("attachment stored as %v", stored)
	}
	if data, _ := os.ReadFile(stored[0]); !bytes.HasPrefix(data, []byte("%PDF-1.4")) {
		t.Errorf("attachment content %q", data)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(left) != 0 {
		t.Errorf("files left in the watched folder: %v", left)
	}
}

func TestSafeFileName(t *testing.T) {
	for in, want := range map[string]string{
		"../../evil.pdf": "evil.pdf", `..\..\win.exe`: "win.exe", "報價單 v2.pdf": "報價單 v2.pdf",
		"a/b/c:d*e?.txt": "c_d_e_.txt", "...": "attachment", "": "attachment",
	} {
		if got := safeFileName(in); got != want {
			t.Errorf("safeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseMail: no input makes the parser panic.
func FuzzParseMail(f *testing.F) {
	f.Add("From: a@b.c\r\nSubject: x\r\n\r\nbody")
	f.Add("From: a@b.c\r\nContent-Type: multipart/mixed; boundary=Z\r\n\r\n--Z\r\nContent-Type: text/plain; charset=big5\r\n\r\n\xa7A\r\n--Z--")
	f.Add("Subject: =?gb2312?B?xOO6ww==?=\r\nFrom: =?utf-8?q?=E6=9E=97?= <x@y>\r\n\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMail(strings.NewReader(s))
		if err == nil {
			m.TicketInput()
		}
	})
}
