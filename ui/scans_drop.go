package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// importDropped imports the returned confirmations among files dropped on
// the window that no section took, and shows what became of them on the
// Unmatched returns tab: signed back, or on the list with the reason.
// Files of other kinds are left alone.
func (s *Shell) importDropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if model.IsScanKind(u.Path()) {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	sec := s.screens[SectionActionItems].(*itemsSection)
	s.tabs.SelectIndex(SectionActionItems)
	u := sec.unmatched
	for _, it := range sec.tabs.Items {
		if it.Content == u.Content() {
			sec.tabs.Select(it) // loads the list
		}
	}
	if s.desk.Employee() == nil {
		setProblemText(u.status, lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	by, decode := s.desk.Actor(), s.scanDecode
	s.work.Go(func() func() {
		var lines []string
		failed := false
		for _, p := range paths {
			res, err := s.store.ImportScanPath(context.Background(), by, p, decode)
			lines = append(lines, sayScanResult(res, err))
			failed = failed || err != nil
		}
		return func() {
			if failed {
				setProblemText(u.status, strings.Join(lines, "\n"))
			} else {
				setInfo(u.status, strings.Join(lines, "\n"))
			}
			u.reload()
		}
	})
}

// sayScanResult is one line for what became of one returned file.
func sayScanResult(res model.ScanResult, err error) string {
	switch {
	case err != nil:
		return lang.L("{{.File}} could not be read: {{.Err}}", map[string]any{"File": res.File, "Err": SayErr(err)})
	case res.Status == model.ScanMatched:
		return lang.L("{{.No}} rev {{.Rev}} signed back, scan attached.", map[string]any{"No": res.OrderNo, "Rev": res.Rev})
	default:
		return lang.L("{{.File}} is on the Unmatched returns list: {{.Reason}}", map[string]any{"File": res.File, "Reason": Say(res.Reason)})
	}
}
