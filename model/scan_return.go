package model

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Returned confirmations (issue 19): a signed confirmation faxed or scanned
// back is matched to its order by the barcode every confirmation carries
// (SO-…/R<revision>). Decoding the pages is the scan package's job (model
// reads no images); model decides what the codes mean and keeps the file.

// The states of a returned scan.
const (
	ScanMatched   = "matched"   // recorded the sign-back of its order by itself
	ScanUnmatched = "unmatched" // waits on the Unmatched returns list
	ScanAssigned  = "assigned"  // a clerk gave it to an order
	ScanDiscarded = "discarded" // a clerk set it aside, with a reason (kept)
)

// ScanReturn is one returned file (all its pages: one document), stored by
// hash among the attachments, and what became of it.
type ScanReturn struct {
	Row
	FileName   string
	StoredPath string
	SHA256     string `gorm:"column:sha256"`
	ArrivedAt  time.Time
	Pages      int
	// Codes is what each page's barcode said, for the clerk: "1: SO-…/R2".
	Codes   string
	OrderID *uint
	Rev     int
	Status  string
	// ReasonLines is why it is unmatched: a JSON list of one Msg.
	ReasonLines   string `gorm:"column:reason"`
	DiscardReason string
}

func (ScanReturn) TableName() string   { return "scan_returns" }
func (r *ScanReturn) entity() string   { return "scan_return" }
func (r *ScanReturn) label() string    { return r.FileName }
func (r *ScanReturn) setOrder(id uint) { r.OrderID = &id }

// Reason is why the scan waits on the Unmatched returns list.
func (r *ScanReturn) Reason() Msg {
	ms, err := decodeLines(r.ReasonLines)
	if err != nil || len(ms) == 0 {
		return literal(r.ReasonLines)
	}
	return ms[0]
}

// PageCode is what one page's barcode said (Order and Rev), or Err: why no
// code was read from it.
type PageCode struct {
	Order string
	Rev   int
	Err   error
}

// ScanDecoder reads a file's pages' barcodes; its error means the file
// could not be read at all (it goes to failed/).
type ScanDecoder func(data []byte) ([]PageCode, error)

// ScanFile is one returned file as it arrived.
type ScanFile struct {
	Name    string
	Data    []byte
	Arrived time.Time
}

// ScanResult is what became of one file.
type ScanResult struct {
	File    string
	Status  string // ScanMatched or ScanUnmatched; "" when Err
	OrderNo string
	Rev     int
	Reason  Msg // why unmatched
	Err     error
}

// ProcessScanFolder imports every file in dir (see ImportScan), then moves
// it to processed/, or to failed/ with the reason when it could not be
// read: nothing is lost, and a file is read once.
func (s *Store) ProcessScanFolder(ctx context.Context, by Actor, dir string, decode ScanDecoder) ([]ScanResult, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []ScanResult
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), ".part") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		res, err := s.ImportScanPath(ctx, by, path, decode)
		dest := "processed"
		if err != nil {
			res.Err, dest = err, "failed"
		}
		if merr := moveAside(path, filepath.Join(dir, dest), err); merr != nil && res.Err == nil {
			res.Err = merr
		}
		out = append(out, res)
	}
	return out, nil
}

// ImportScanPath imports the file at path (see ImportScan) as arrived when
// it was last written: the fax server's or scanner's time, not the time
// it is read. The file stays where it is (a file dropped on the window).
func (s *Store) ImportScanPath(ctx context.Context, by Actor, path string, decode ScanDecoder) (ScanResult, error) {
	st, err := os.Stat(path)
	if err != nil {
		return ScanResult{File: filepath.Base(path)}, err
	}
	if st.Size() > maxMailSize {
		return ScanResult{File: filepath.Base(path)}, fmt.Errorf("larger than %d MB", maxMailSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ScanResult{File: filepath.Base(path)}, err
	}
	// The file's time is when the fax server wrote it: the moment it arrived.
	return s.ImportScan(ctx, by, ScanFile{Name: filepath.Base(path), Data: data, Arrived: st.ModTime()}, decode)
}

// ImportScan reads a returned file's barcodes and keeps it: a file whose
// pages name the current revision of an order awaiting sign-back records
// the sign-back as of f.Arrived (the slip rule counts to that moment),
// is attached to the order, and gives the order's clerk an action item to
// check the signature. Any other file waits on the Unmatched returns list.
// The error is a file that could not be read or stored.
func (s *Store) ImportScan(ctx context.Context, by Actor, f ScanFile, decode ScanDecoder) (ScanResult, error) {
	res := ScanResult{File: f.Name}
	if err := by.valid(); err != nil {
		return res, err
	}
	sum := sha256.Sum256(f.Data)
	hash := hex.EncodeToString(sum[:])
	// Checked before the pages are read (a second's work for a long fax)
	// and again in the batch, where no other import can come between.
	if err := s.importedAlready(s.reader(ctx), f.Name, hash); err != nil {
		return res, err
	}
	pages, err := decode(f.Data)
	if err != nil {
		return res, err
	}
	stored, err := storeAttachment(s.AttachmentDir(), Attachment{Name: f.Name, Data: f.Data})
	if err != nil {
		return res, fmt.Errorf("store the scan: %w", err)
	}
	row := &ScanReturn{FileName: f.Name, StoredPath: stored, SHA256: hash,
		ArrivedAt: f.Arrived.UTC().Truncate(time.Microsecond), Pages: len(pages), Codes: pageCodes(pages)}
	order, rev, why := oneCode(pages)
	res.OrderNo, res.Rev = order, rev
	row.Rev = rev
	err = s.Batch(ctx, func(ctx context.Context) error {
		if err := s.write(ctx, func(tx *gorm.DB) error {
			// Held until the batch commits, so a second import of the
			// same bytes reads the first one's row.
			if err := lockForCheck(tx, "scan-"+hash); err != nil {
				return err
			}
			return s.importedAlready(tx, f.Name, hash)
		}); err != nil {
			return err
		}
		if why == nil {
			why = s.recordFromScan(ctx, by, row, order, rev, false)
		}
		res.Status = row.Status
		if why != nil {
			row.Status, res.Status, res.Reason = ScanUnmatched, ScanUnmatched, *why
			row.ReasonLines = encodeLines([]Msg{*why})
		}
		return s.write(ctx, func(tx *gorm.DB) error {
			now := s.now()
			if err := insertRow(tx, by, now, row); err != nil {
				return err
			}
			what := M("returned scan {{.File}} ({{.Pages}} pages): {{.Codes}}", "File", row.FileName, "Pages", row.Pages, "Codes", row.Codes)
			return logEvent(tx, eventWith(Event{Entity: row.entity(), EntityID: row.ID, At: now, By: by.Name, ByID: by.ID, Action: ActCreated}, what))
		})
	})
	return res, err
}

// importedAlready refuses a file whose very bytes were imported before
// (the fax server wrote it twice, a clerk dropped it again, the folder was
// restored from a backup): a second import would record nothing new but a
// second sign-back or a second entry on the Unmatched returns list.
func (s *Store) importedAlready(db *gorm.DB, name, hash string) error {
	var first ScanReturn
	err := db.Where("sha256 = ?", hash).Order("id").Limit(1).Find(&first).Error
	if err != nil || first.ID == 0 {
		return err
	}
	return Refuse("{{.File}} was imported already: it is the same file as {{.First}}, which arrived {{.At}} ({{.Status}}).",
		"File", name, "First", first.FileName, "At", first.ArrivedAt.In(s.Location()).Format("2006-01-02 15:04"), "Status", M(first.Status))
}

// recordFromScan records the sign-back of order no from row, or returns
// why not (nil: recorded, and row is matched or, by a clerk, assigned).
// A clerk assigning a scan may give it an older revision's code: rev is
// then not checked.
func (s *Store) recordFromScan(ctx context.Context, by Actor, row *ScanReturn, no string, rev int, byClerk bool) *Msg {
	o, err := s.OrderByNo(ctx, no)
	if err != nil {
		m := M("no order {{.No}} in this office", "No", no)
		return &m
	}
	if !byClerk && rev != o.CurrentRev {
		m := M("revision {{.Rev}} of {{.No}} is not the current one ({{.Cur}})", "Rev", rev, "No", o.No, "Cur", o.CurrentRev)
		return &m
	}
	_, err = s.apply(ctx, by, o.ID, 0, false, func(o *Order, c Ctx) error {
		return o.RecordScannedSignBack(c, row.ArrivedAt, row.FileName)
	}, nil)
	var ref *Refusal
	if errors.As(err, &ref) {
		m := M("{{.No}} is not awaiting a signed confirmation", "No", o.No)
		return &m
	}
	if err != nil {
		m := M("{{.No}}: {{.Err}}", "No", o.No, "Err", err.Error())
		return &m
	}
	row.setOrder(o.ID)
	row.Status = ScanMatched
	if byClerk {
		row.Status = ScanAssigned
	}
	if err := s.write(ctx, func(tx *gorm.DB) error {
		_, err := addNote(tx, System, s.now(), ItemInput{Object: OnOrder, ObjectID: o.ID, Action: true,
			DueOn: s.Today(), Assignee: &o.ClerkID,
			Title: fmt.Sprintf("檢查回簽簽名 Check the signature: %s rev %d", o.No, o.CurrentRev),
			Body: fmt.Sprintf("The signed confirmation came back as a scan (%s) and was recorded. Check that it is signed or stamped by a person allowed to sign for the customer.\n回簽確認書已以掃描檔回傳並登錄。請確認簽名或印章為客戶有權簽署之人。\n%s",
				row.FileName, row.StoredPath),
			Key: checkSigKey(o.ID, o.CurrentRev)})
		return err
	}); err != nil {
		m := M("{{.No}}: {{.Err}}", "No", o.No, "Err", err.Error())
		return &m
	}
	return nil
}

// oneCode returns the one order and revision the pages name, or why not:
// no page carried a barcode, or pages name different orders or revisions.
func oneCode(pages []PageCode) (string, int, *Msg) {
	var no string
	var rev int
	for _, p := range pages {
		if p.Err != nil {
			continue
		}
		if no != "" && (p.Order != no || p.Rev != rev) {
			m := M("its pages carry different confirmations' barcodes ({{.A}}, {{.B}})",
				"A", fmt.Sprintf("%s/R%d", no, rev), "B", fmt.Sprintf("%s/R%d", p.Order, p.Rev))
			return no, rev, &m
		}
		no, rev = p.Order, p.Rev
	}
	if no == "" {
		m := M("no OrderDesk barcode on any page")
		return "", 0, &m
	}
	return no, rev, nil
}

func pageCodes(pages []PageCode) string {
	parts := make([]string, len(pages))
	for i, p := range pages {
		if p.Err != nil {
			parts[i] = fmt.Sprintf("%d: —", i+1)
		} else {
			parts[i] = fmt.Sprintf("%d: %s/R%d", i+1, p.Order, p.Rev)
		}
	}
	return strings.Join(parts, "; ")
}

// RecordScannedSignBack records the signed confirmation that came back as
// a scan at arrived: the sign-back and the slip count to that moment even
// when the file is read later (a fax that came in overnight). Who signed
// is checked by the clerk afterwards (an action item), so it is recorded
// under the customer's name.
func (o *Order) RecordScannedSignBack(c Ctx, arrived time.Time, file string) error {
	if err := o.Allowed(DoSignBack, c); err != nil {
		return err
	}
	at := c
	at.Now = arrived.In(c.Now.Location())
	if at.Now.Before(*o.SignBackOwedSince) {
		at.Now = o.SignBackOwedSince.In(c.Now.Location()) // a clock ahead on the fax server
	}
	if at.Now.After(c.Now) {
		at.Now = c.Now
	}
	o.slipBackTo(at)
	o.recordSignBack(at, SignBackInput{})
	o.log(c, string(DoSignBack), M("revision {{.Rev}} came back as a scan ({{.File}}); the signature is to be checked", "Rev", o.CurrentRev, "File", file), "")
	return nil
}

// slipBackTo undoes the slip counted after the signed copy arrived (the
// hourly slip rule may have run between its arrival and its reading).
func (o *Order) slipBackTo(at Ctx) {
	if o.SignBackOwedSince == nil || o.Release.Released() || o.ConfirmedDate.IsZero() {
		return
	}
	late := lateDays(DateOf(o.SignBackOwedSince.In(at.Now.Location())), at.Today(), at.Office)
	if late >= o.SlipDays {
		return
	}
	from := o.PromisedDate
	o.SlipDays = late
	o.PromisedDate = addDays(o.ConfirmedDate, late, at.Office)
	o.log(at, OrdSlip, fieldChange("PromisedDate", quoteShort(from.String()), quoteShort(o.PromisedDate.String())), "")
	last := &o.pending[len(o.pending)-1]
	last.say(M("the signed copy arrived on {{.Day}}: {{.Days}} days late", "Day", at.Today().String(), "Days", late))
}

// SignBackScan is the returned scan, among the order's scans (ScansOf),
// that the current revision's sign-back was recorded from, or nil when it
// was signed back by hand or is not signed back. A scan is recorded
// against an order only while the current revision awaits its sign-back,
// so one recorded (matched, or assigned by a clerk) since the revision
// was issued is its sign-back.
func (o *Order) SignBackScan(scans []ScanReturn) *ScanReturn {
	r := o.Revision()
	if r == nil || !r.SignedOK() {
		return nil
	}
	for i := range scans {
		s := &scans[i]
		if (s.Status == ScanMatched || s.Status == ScanAssigned) && !s.UpdatedAt.Before(r.CreatedAt) {
			return s
		}
	}
	return nil
}

// UnmatchedScans returns the returned scans no order took, oldest first.
func (s *Store) UnmatchedScans(ctx context.Context) ([]ScanReturn, error) {
	var out []ScanReturn
	err := s.reader(ctx).Where("status = ?", ScanUnmatched).Order("arrived_at, id").Find(&out).Error
	return out, err
}

// ScansOf returns the scans attached to an order, newest first.
func (s *Store) ScansOf(ctx context.Context, orderID uint) ([]ScanReturn, error) {
	var out []ScanReturn
	err := s.reader(ctx).Where("order_id = ?", orderID).Order("arrived_at DESC, id DESC").Find(&out).Error
	return out, err
}

// AssignScan gives an unmatched scan to order no: the clerk has read it and
// knows it is that order's signed confirmation.
func (s *Store) AssignScan(ctx context.Context, by Actor, id uint, no string) error {
	return s.Batch(ctx, func(ctx context.Context) error {
		row, err := s.unmatchedScan(ctx, id)
		if err != nil {
			return err
		}
		if why := s.recordFromScan(ctx, by, row, no, 0, true); why != nil {
			return &Refusal{Msg: *why}
		}
		return s.write(ctx, func(tx *gorm.DB) error {
			now := s.now()
			if err := updateRow(tx, by, now, row, row.label()); err != nil {
				return err
			}
			return logEvent(tx, eventWith(Event{Entity: row.entity(), EntityID: row.ID, At: now, By: by.Name, ByID: by.ID, Action: ActUpdated},
				M("returned scan {{.File}} assigned to {{.No}}", "File", row.FileName, "No", no)))
		})
	})
}

// DiscardScan sets an unmatched scan aside with a reason; it is kept.
func (s *Store) DiscardScan(ctx context.Context, by Actor, id uint, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return FieldErrors{{"DiscardReason", M("Say why the scan is set aside.")}}
	}
	row, err := s.unmatchedScan(ctx, id)
	if err != nil {
		return err
	}
	row.Status, row.DiscardReason = ScanDiscarded, reason
	return s.write(ctx, func(tx *gorm.DB) error {
		now := s.now()
		if err := updateRow(tx, by, now, row, row.label()); err != nil {
			return err
		}
		return logEvent(tx, eventWith(Event{Entity: row.entity(), EntityID: row.ID, At: now, By: by.Name, ByID: by.ID, Action: ActUpdated},
			M("returned scan {{.File}} set aside: {{.Reason}}", "File", row.FileName, "Reason", reason)))
	})
}

func (s *Store) unmatchedScan(ctx context.Context, id uint) (*ScanReturn, error) {
	var row ScanReturn
	if err := s.reader(ctx).Take(&row, id).Error; err != nil {
		return nil, fmt.Errorf("returned scan %d: %w", id, ErrNotFound)
	}
	if row.Status != ScanUnmatched {
		return nil, Refuse("The scan {{.File}} is {{.Status}} already.", "File", row.FileName, "Status", M(row.Status))
	}
	return &row, nil
}
