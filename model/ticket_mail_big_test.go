package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// bigMail is an e-mail of about size bytes of Chinese text, as lines of
// lineRunes characters (0: one line without a break).
func bigMail(size, lineRunes int) []byte {
	var b bytes.Buffer
	b.WriteString("From: buyer@example.com\r\nSubject: Whole order history\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString("開頭：請看以下歷史訂單。\r\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString("道林紙")
		if lineRunes > 0 && i%(lineRunes/3) == 0 {
			b.WriteString("\r\n")
		}
	}
	b.WriteString("\r\n結尾。\r\n")
	return b.Bytes()
}

// TestBigMailBoundedDescription: a huge e-mail becomes a ticket whose
// description is bounded (cut on a character, a line when it can, with a
// note in both languages) while an attachment keeps every byte of it; the
// ticket lists do not read descriptions.
func TestBigMailBoundedDescription(t *testing.T) {
	cases := []struct {
		name      string
		size      int
		lineRunes int
		cut       bool
	}{
		{"lines", 3 << 20, 60, true},
		{"one long line", 3 << 20, 0, true},
		{"small", 4 << 10, 60, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newDesk(t)
			dir, attach := t.TempDir(), filepath.Join(t.TempDir(), "attachments")
			raw := bigMail(c.size, c.lineRunes)
			os.WriteFile(filepath.Join(dir, "big.eml"), raw, 0o600)
			results, err := f.s.ProcessMailFolder(f.ctx, System, dir, attach, nil)
			if err != nil || len(results) != 1 || results[0].Err != nil {
				t.Fatalf("import: %v %+v", err, results)
			}
			rows, err := f.s.Tickets(f.ctx, TicketFilter{NewQueue: true, Limit: 10})
			if err != nil || len(rows) != 1 {
				t.Fatalf("list: %v, %d rows", err, len(rows))
			}
			if rows[0].Description != "" {
				t.Errorf("the list read the description (%d bytes)", len(rows[0].Description))
			}
			tk, err := f.s.Ticket(f.ctx, rows[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			d := tk.Description
			if !utf8.ValidString(d) || !strings.Contains(d, "開頭：請看以下歷史訂單。") {
				t.Errorf("the description lost its beginning or a character was split")
			}
			stored, _ := filepath.Glob(filepath.Join(attach, "*", "*-message.eml"))
			if !c.cut {
				if strings.Contains(d, "[…]") || len(stored) > 0 || !strings.Contains(d, "結尾。") {
					t.Errorf("a small e-mail was cut (%d bytes, attachments %v)", len(d), stored)
				}
				return
			}
			if len(d) > 64<<10+1024 {
				t.Errorf("the description holds %d bytes, want at most about %d", len(d), 64<<10)
			}
			for _, want := range []string{"it was cut here", "於此截斷", "message.eml"} {
				if !strings.Contains(d, want) {
					t.Errorf("the description does not say %q", want)
				}
			}
			if c.lineRunes > 0 && !strings.Contains(d, "道林紙\n\n[…]") {
				t.Errorf("not cut at the end of a line: %q", d[len(d)-300:])
			}
			if len(stored) != 1 {
				t.Fatalf("the whole message is not attached: %v", stored)
			}
			if got, _ := os.ReadFile(stored[0]); !bytes.Equal(got, raw) {
				t.Errorf("the attached message has %d bytes, the e-mail %d", len(got), len(raw))
			}
			if !strings.Contains(d, stored[0]) {
				t.Errorf("the description does not name where the message is kept")
			}
		})
	}
}
