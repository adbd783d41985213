package reports

import (
	"strings"
	"testing"
	"time"

	"orderdesk/model"
)

// TestProductionCopyNotesScan: the production copy of a revision signed
// back by a returned scan says so, with the file; one signed by hand, or a
// scan of an earlier revision, notes nothing.
func TestProductionCopyNotesScan(t *testing.T) {
	issued := time.Date(2026, 3, 9, 2, 0, 0, 0, time.UTC)
	back := issued.Add(26 * time.Hour)
	scan := func(status string, at time.Time) model.ScanReturn {
		s := model.ScanReturn{FileName: "fax-0412.tif", Status: status}
		s.CreatedAt, s.UpdatedAt = at, at
		return s
	}
	tests := []struct {
		name  string
		scans []model.ScanReturn
		note  bool
	}{
		{"signed back by scan", []model.ScanReturn{scan(model.ScanMatched, back)}, true},
		{"assigned by a clerk", []model.ScanReturn{scan(model.ScanAssigned, back)}, true},
		{"signed by hand", nil, false},
		{"a scan of an earlier revision", []model.ScanReturn{scan(model.ScanMatched, issued.Add(-time.Hour))}, false},
	}
	for _, tt := range tests {
		for _, lang := range []string{model.LangZH, model.LangEN} {
			t.Run(tt.name+" "+lang, func(t *testing.T) {
				o := testOrder(3, lang)
				r := &o.Revisions[len(o.Revisions)-1]
				r.CreatedAt, r.SignedBack = issued, model.Signature{By: "王大明", At: &back}
				_, text := renderText(t, o, Request{Kind: KindProductionCopy, Scans: tt.scans}, testOptions(lang))
				want := noSpace(trf("scan_attached", lang, false, "fax-0412.tif"))
				if got := strings.Contains(text, want); got != tt.note {
					t.Errorf("notes %q: %v, want %v", want, got, tt.note)
				}
			})
		}
	}
}
