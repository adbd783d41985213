package model

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"time"
)

// scanKinds are the kinds of file a returned confirmation comes as (a fax
// server's PDF or TIFF, a phone's or scanner's PNG or JPEG).
var scanKinds = map[string]bool{".pdf": true, ".tif": true, ".tiff": true, ".png": true, ".jpg": true, ".jpeg": true}

// IsScanKind reports whether a file's name is of a kind a returned
// confirmation comes as.
func IsScanKind(name string) bool { return scanKinds[strings.ToLower(filepath.Ext(name))] }

// returnsInMail imports the attachments of an e-mail that are returned
// confirmations (issue 19: a customer e-mails the signed page back), as
// the watched scan folder does (ImportScan), as of when the e-mail was
// sent (arrived, when it has no date). An attachment is one when a page
// carries an OrderDesk barcode: an e-mail's other PDFs and pictures (an
// order, a photo of a damaged roll) stay with its ticket and do not crowd
// the Unmatched returns list. all is true when every attachment was one:
// the e-mail then makes no ticket. A copy of a file imported before is
// reported with its refusal and counts as taken.
func (s *Store) returnsInMail(ctx context.Context, by Actor, m *Mail, arrived time.Time, decode ScanDecoder) (res []ScanResult, all bool) {
	if decode == nil || len(m.Attachments) == 0 {
		return nil, false
	}
	if !m.Date.IsZero() {
		arrived = m.Date
	}
	taken := 0
	for _, a := range m.Attachments {
		if !IsScanKind(a.Name) {
			continue
		}
		pages, err := decode(a.Data)
		if err != nil || !anyCode(pages) {
			continue
		}
		// The pages are read once: the import is handed what was read.
		read := func([]byte) ([]PageCode, error) { return pages, nil }
		r, err := s.ImportScan(ctx, by, ScanFile{Name: a.Name, Data: a.Data, Arrived: arrived}, read)
		var ref *Refusal
		if err != nil && !errors.As(err, &ref) {
			r.Err = err // not stored: the e-mail goes to failed/ and is read again
			return append(res, r), false
		}
		r.Err = err
		res = append(res, r)
		taken++
	}
	return res, taken == len(m.Attachments)
}

func anyCode(pages []PageCode) bool {
	for _, p := range pages {
		if p.Err == nil {
			return true
		}
	}
	return false
}
