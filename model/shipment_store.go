package model

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/gorm"
)

// CreateShipment numbers and records a shipment of an order (the sales
// shipping order, step 15). The first shipment goes through the order's own
// shipping rule — cleared by finance, and a shipment request or the CS
// supervisor's emergency authority — and moves the order to shipped; later
// ones ship the rest of a partly shipped order.
func (s *Store) CreateShipment(ctx context.Context, by Actor, in ShipmentInput) (*Shipment, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	var out *Shipment
	err := s.write(ctx, func(tx *gorm.DB) error {
		o, before, c, err := s.loadForShipping(tx, by, in.OrderID)
		if err != nil {
			return err
		}
		all, err := shipmentsOf(tx, o.ID)
		if err != nil {
			return err
		}
		sh, err := newShipment(o, c, in, all)
		if err != nil {
			return err
		}
		if sh.No, err = nextNumber(tx, SeriesShipment, in.ShipDate.Year()); err != nil {
			return err
		}
		if err := o.takeShipment(c, sh); err != nil {
			return err
		}
		note := sh.Note
		all = append(all, *sh)
		sh = &all[len(all)-1]
		refreshShipmentFlags(o, all)
		now := s.now()
		if err := insertRow(tx, by, now, sh); err != nil {
			return err
		}
		for i := range sh.Lines {
			sh.Lines[i].ShipmentID = sh.ID
			if err := insertRow(tx, by, now, &sh.Lines[i]); err != nil {
				return err
			}
		}
		if err := logEvent(tx, eventWith(Event{Entity: "shipment", EntityID: sh.ID, At: now, By: by.Name, ByID: by.ID, Action: ActCreated,
			To: string(ShipInTransit), Note: note}, sh.said(o)...)); err != nil {
			return err
		}
		if err := s.finishShipping(tx, by, o, before, all); err != nil {
			return err
		}
		out = &all[len(all)-1]
		out.Order = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// loadForShipping loads an order for a shipping rule as Store.Apply does:
// with the slip rule brought up to date, and a copy to tell its changes by.
func (s *Store) loadForShipping(tx *gorm.DB, by Actor, orderID uint) (o, before *Order, c Ctx, err error) {
	if o, err = loadOrder(tx, "orders.id = ?", orderID); err != nil {
		return nil, nil, Ctx{}, err
	}
	if c, err = s.ruleCtx(tx, by); err != nil {
		return nil, nil, Ctx{}, err
	}
	before = o.clone()
	auto := c
	auto.By = System
	o.ApplySlip(auto)
	return o, before, c, nil
}

// changeShipment runs one rule on a shipment and its order in a single
// transaction, refusing if someone changed the shipment since the clerk
// read version (0 skips that check).
func (s *Store) changeShipment(ctx context.Context, by Actor, id uint, version int64,
	rule func(tx *gorm.DB, sh *Shipment, o *Order, all []Shipment, c Ctx) error) (*Shipment, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	var out *Shipment
	err := s.write(ctx, func(tx *gorm.DB) error {
		var head Shipment
		if err := tx.Select("id, order_id").Take(&head, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		o, before, c, err := s.loadForShipping(tx, by, head.OrderID)
		if err != nil {
			return err
		}
		all, err := shipmentsOf(tx, o.ID)
		if err != nil {
			return err
		}
		var sh *Shipment
		for i := range all {
			if all[i].ID == id {
				sh = &all[i]
			}
		}
		if version != 0 && sh.Version != version {
			return conflict(sh.label(), sh.Row, by)
		}
		if err := rule(tx, sh, o, all, c); err != nil {
			return err
		}
		if err := s.finishShipping(tx, by, o, before, all); err != nil {
			return err
		}
		out = sh
		out.Order = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// finishShipping brings the order's shipments' flags up to date, writes
// every changed shipment with its events, then the order with its own.
func (s *Store) finishShipping(tx *gorm.DB, by Actor, o, before *Order, all []Shipment) error {
	stored, err := shipmentsOf(tx, o.ID)
	if err != nil {
		return err
	}
	was := map[uint]*Shipment{}
	for i := range stored {
		was[stored[i].ID] = &stored[i]
	}
	refreshShipmentFlags(o, all)
	now := s.now()
	for i := range all {
		sh := &all[i]
		old := was[sh.ID]
		if old != nil && (Changes(old, sh) != "" || len(sh.pending) > 0) {
			if err := updateRow(tx, by, now, sh, sh.label()); err != nil {
				return err
			}
		}
		for _, e := range sh.pending {
			e.EntityID = sh.ID
			if err := logEvent(tx, e); err != nil {
				return err
			}
		}
		sh.pending = nil
	}
	return s.persistOrder(tx, by, o, before, false)
}

// refreshShipmentFlags marks the shipment that completes the order's lines,
// and the latest shipment of an order that still has goods to ship (the
// "to ship" list finds partly shipped orders by it). all is oldest first.
func refreshShipmentFlags(o *Order, all []Shipment) {
	sum := map[int]Qty{}
	done := false
	for i := range all {
		sh := &all[i]
		sh.Completes, sh.Remainder = false, false
		if sh.Void() {
			continue
		}
		for _, l := range sh.Lines {
			sum[l.LineNo] += l.Qty
		}
		if !done && covered(o, sum) {
			sh.Completes, done = true, true
		}
	}
	if n := len(all); n > 0 && o.State == StateShipped && !done {
		all[n-1].Remainder = true
	}
}

// shipmentsOf returns an order's shipments with their lines, oldest first.
func shipmentsOf(tx *gorm.DB, orderID uint) ([]Shipment, error) {
	var out []Shipment
	err := tx.Preload("Lines", func(q *gorm.DB) *gorm.DB { return q.Order("line_no") }).
		Where("order_id = ?", orderID).Order("id").Find(&out).Error
	return out, err
}

// RecordShippingNotice records a step of the shipping notice: issued (with
// the document printed), sent, or confirmed legible by the customer's person.
func (s *Store) RecordShippingNotice(ctx context.Context, by Actor, id uint, version int64, step NoticeStep, who Signer, document string) (*Shipment, error) {
	return s.changeShipment(ctx, by, id, version, func(_ *gorm.DB, sh *Shipment, o *Order, _ []Shipment, c Ctx) error {
		if err := sh.RecordNotice(c, step, who, document); err != nil {
			return err
		}
		did := sh.pending[len(sh.pending)-1].msgs()
		o.log(c, "shipping_notice", M("shipment {{.No}}: {{.Step}}", "No", sh.No, "Step", did[len(did)-1]), "")
		return nil
	})
}

// RecordArrival records the goods of a shipment arriving (step 18), with the
// signed arrival receipt and its scan when they are back. The order's
// salesperson gets an action item: the customer has the goods. When every
// line of the order has arrived with a signed receipt, the order is delivered.
func (s *Store) RecordArrival(ctx context.Context, by Actor, id uint, version int64, in ArrivalInput) (*Shipment, error) {
	scan, name, err := s.keepScan(in.ScanPath)
	if err != nil {
		return nil, err
	}
	return s.changeShipment(ctx, by, id, version, func(tx *gorm.DB, sh *Shipment, o *Order, all []Shipment, c Ctx) error {
		if err := sh.RecordArrival(c, in); err != nil {
			return err
		}
		if scan != "" {
			sh.attachScan(c, scan, name)
		}
		o.log(c, "shipment_arrived", M("shipment {{.No}} arrived {{.On}}", "No", sh.No, "On", sh.ArrivedOn.String()), sh.Problems)
		if err := tellSalesOfArrival(tx, by, s.now(), o, sh, c.Today()); err != nil {
			return err
		}
		return deliverIfComplete(o, c, all)
	})
}

// RecordReceipt records the signed arrival receipt of a shipment that has
// arrived, and attaches its scan when one is given.
func (s *Store) RecordReceipt(ctx context.Context, by Actor, id uint, version int64, signedBy, scanPath string) (*Shipment, error) {
	scan, name, err := s.keepScan(scanPath)
	if err != nil {
		return nil, err
	}
	return s.changeShipment(ctx, by, id, version, func(_ *gorm.DB, sh *Shipment, o *Order, all []Shipment, c Ctx) error {
		if err := sh.RecordReceipt(c, signedBy); err != nil {
			return err
		}
		if scan != "" {
			sh.attachScan(c, scan, name)
		}
		o.log(c, "arrival_receipt", M("shipment {{.No}}: arrival receipt signed by {{.By}}", "No", sh.No, "By", sh.Receipt.By), "")
		return deliverIfComplete(o, c, all)
	})
}

// AttachReceiptScan attaches (or replaces) the scan of a shipment's signed
// arrival receipt; the replaced file stays in the receipts folder.
func (s *Store) AttachReceiptScan(ctx context.Context, by Actor, id uint, version int64, scanPath string) (*Shipment, error) {
	if strings.TrimSpace(scanPath) == "" {
		return nil, FieldErrors{{"ScanPath", M("Choose the scan or photo of the signed arrival receipt.")}}
	}
	scan, name, err := s.keepScan(scanPath)
	if err != nil {
		return nil, err
	}
	return s.changeShipment(ctx, by, id, version, func(_ *gorm.DB, sh *Shipment, _ *Order, _ []Shipment, c Ctx) error {
		if sh.Status != ShipArrived && sh.Status != ShipReceived {
			return Refuse("Record the arrival first.")
		}
		sh.attachScan(c, scan, name)
		return nil
	})
}

func (sh *Shipment) attachScan(c Ctx, hashName, original string) {
	sh.ReceiptScan, sh.ReceiptScanName = hashName, original
	sh.log(c, ShipActScan, M("receipt scan {{.File}}", "File", hashName), original)
}

// SetShipmentFollowUp moves the day the clerk checks a shipment's arrival.
func (s *Store) SetShipmentFollowUp(ctx context.Context, by Actor, id uint, version int64, on Date, note string) (*Shipment, error) {
	return s.changeShipment(ctx, by, id, version, func(_ *gorm.DB, sh *Shipment, _ *Order, _ []Shipment, c Ctx) error {
		return sh.SetFollowUp(c, on, note)
	})
}

// VoidShipment voids a shipment recorded by mistake, with a reason. The
// record and its history stay; its quantities no longer count, so the
// order shows goods to ship again. When no other shipment of the order
// counts, nothing has left after all: the order goes back to cleared.
func (s *Store) VoidShipment(ctx context.Context, by Actor, id uint, version int64, reason string) (*Shipment, error) {
	return s.changeShipment(ctx, by, id, version, func(_ *gorm.DB, sh *Shipment, o *Order, all []Shipment, c Ctx) error {
		if err := sh.VoidShipment(c, reason); err != nil {
			return err
		}
		o.log(c, "shipment_voided", M("shipment {{.No}} voided", "No", sh.No), sh.VoidReason)
		for i := range all {
			if !all[i].Void() {
				return nil
			}
		}
		return o.ReturnToCleared(c, fmt.Sprintf("shipment %s voided, no other shipment left: %s", sh.No, sh.VoidReason))
	})
}

// deliverIfComplete delivers the order through its own rule once every line
// has arrived, within tolerance, on shipments with a signed receipt.
func deliverIfComplete(o *Order, c Ctx, all []Shipment) error {
	if o.State != StateShipped {
		return nil
	}
	got := sumLines(all, func(s *Shipment) bool { return s.Status == ShipReceived })
	if !covered(o, got) {
		return nil
	}
	var last *Shipment
	for i := range all {
		if all[i].Status == ShipReceived && (last == nil || !all[i].ArrivedOn.Before(last.ArrivedOn)) {
			last = &all[i]
		}
	}
	return o.recordDelivered(c, last.ArrivedOn, last.Receipt.By)
}

// tellSalesOfArrival gives the order's salesperson (or, with none, its
// clerk) an action item: the goods have arrived (step 18).
// Nothing a clerk learns may be refused: a salesperson who has left passes
// the item to the order's clerk, then to whoever records the arrival.
func tellSalesOfArrival(tx *gorm.DB, by Actor, now time.Time, o *Order, sh *Shipment, today Date) error {
	var candidates []uint
	if o.SalespersonID != nil {
		candidates = append(candidates, *o.SalespersonID)
	}
	candidates = append(candidates, o.ClerkID, by.ID)
	var who uint
	for _, id := range candidates {
		if id != 0 && requireActiveEmployee(tx, id, "AssigneeID") == nil {
			who = id
			break
		}
	}
	if who == 0 {
		return nil
	}
	body := fmt.Sprintf("Shipment %s of order %s arrived on %s.\n%s（訂單 %s）已於 %s 到貨。", sh.No, o.No, sh.ArrivedOn, sh.No, o.No, sh.ArrivedOn)
	if sh.Problems != "" {
		body += "\n" + sh.Problems
	}
	if by.ID == 0 {
		by = System
	}
	_, err := addNote(tx, by, now, ItemInput{Object: OnShipment, ObjectID: sh.ID, Action: true, DueOn: today, Assignee: &who,
		Title: fmt.Sprintf("到貨 Goods arrived: %s %s", o.No, sh.No), Body: body, Key: fmt.Sprintf("shipment:%d:arrived", sh.ID)})
	return err
}

// ReceiptDir is the folder the receipt scans are kept in: beside the
// database file, or under the app's storage root on PostgreSQL.
func (s *Store) ReceiptDir() string {
	if s.Path != "" {
		return filepath.Join(filepath.Dir(s.Path), "receipts")
	}
	return filepath.Join(AppDir(), "receipts")
}

// ReceiptScanPath returns where a shipment's receipt scan is kept, or "".
func (s *Store) ReceiptScanPath(sh *Shipment) string {
	if sh == nil || sh.ReceiptScan == "" {
		return ""
	}
	return filepath.Join(s.ReceiptDir(), sh.ReceiptScan)
}

// keepScan copies a receipt scan into the receipts folder under its content
// hash, and returns that name and the original's. The copy is written
// before the transaction: a refused change leaves an unused file, never a
// record pointing at a missing one.
func (s *Store) keepScan(src string) (hashName, original string, err error) {
	src = strings.TrimSpace(src)
	if src == "" {
		return "", "", nil
	}
	name, err := StoreReceiptScan(s.ReceiptDir(), src)
	if err != nil {
		return "", "", err
	}
	return name, filepath.Base(src), nil
}

// MaxScanBytes is the largest receipt scan OrderDesk keeps.
const MaxScanBytes = 50 << 20

// StoreReceiptScan copies the file at src into dir named by the SHA-256 of
// its content (with the original extension), and returns that name. The
// same scan twice is stored once.
func StoreReceiptScan(dir, src string) (string, error) {
	f, err := os.Open(src)
	if err != nil {
		return "", FieldErrors{{"ScanPath", M("The receipt scan {{.File}} cannot be read.", "File", filepath.Base(src))}}
	}
	defer f.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("receipts folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".scan-*")
	if err != nil {
		return "", fmt.Errorf("copy receipt scan: %w", err)
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(f, MaxScanBytes+1))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("copy receipt scan: %w", err)
	}
	if n > MaxScanBytes {
		return "", FieldErrors{{"ScanPath", M("The receipt scan is larger than 50 MB.")}}
	}
	if n == 0 {
		return "", FieldErrors{{"ScanPath", M("The receipt scan {{.File}} is empty.", "File", filepath.Base(src))}}
	}
	name := hex.EncodeToString(h.Sum(nil)) + strings.ToLower(filepath.Ext(src))
	dest := filepath.Join(dir, name)
	if _, err := os.Stat(dest); err == nil {
		return name, nil
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return "", fmt.Errorf("keep receipt scan: %w", err)
	}
	return name, nil
}

// Shipment returns one shipment with its lines and its order.
func (s *Store) Shipment(ctx context.Context, id uint) (*Shipment, error) {
	return loadShipment(s.reader(ctx), "shipments.id = ?", id)
}

// ShipmentByNo returns one shipment by its number, as a clerk types it.
func (s *Store) ShipmentByNo(ctx context.Context, no string) (*Shipment, error) {
	canon, err := ParseNumber(SeriesShipment, no)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	return loadShipment(s.reader(ctx), "shipments.no = ?", canon)
}

func loadShipment(db *gorm.DB, where string, arg any) (*Shipment, error) {
	return loadWithLines(db, where, arg, func(sh *Shipment) (uint, **Order) { return sh.OrderID, &sh.Order })
}

// loadWithLines reads one record that has lines and belongs to an order (a
// shipment, a return): the record, its lines in order, and the order whole.
func loadWithLines[T any](db *gorm.DB, where string, arg any, order func(*T) (uint, **Order)) (*T, error) {
	var rec T
	err := db.Preload("Lines", func(q *gorm.DB) *gorm.DB { return q.Order("line_no") }).Where(where, arg).Take(&rec).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	id, o := order(&rec)
	if *o, err = loadOrder(db, "orders.id = ?", id); err != nil {
		return nil, err
	}
	return &rec, nil
}

// ShipmentsOf returns an order's shipments with their lines, oldest first.
func (s *Store) ShipmentsOf(ctx context.Context, orderID uint) ([]Shipment, error) {
	return shipmentsOf(s.reader(ctx), orderID)
}

// Remaining returns, per order line number, what is still to ship (at the
// ordered quantity) after the shipments that are not void.
func Remaining(o *Order, shipments []Shipment) map[int]Qty {
	got := sumLines(shipments, func(s *Shipment) bool { return !s.Void() })
	out := map[int]Qty{}
	for _, l := range o.Lines {
		if r := l.Qty - got[l.LineNo]; r > 0 {
			out[l.LineNo] = r
		} else {
			out[l.LineNo] = 0
		}
	}
	return out
}
