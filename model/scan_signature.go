package model

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// OrdSignatureChecked is the order's event of the clerk's check of the
// signature on a confirmation that came back as a scan (seed 002 step 9:
// signed by a person allowed to sign), and of its reopening.
const OrdSignatureChecked = "signature_checked"

// checkSigKey is the key of the "check the signature" action item the
// import of a scan gives the order's clerk (one per order and revision).
func checkSigKey(orderID uint, rev int) string {
	return fmt.Sprintf("order:%d:checksig:%d", orderID, rev)
}

// SignatureCheck reports whether n is the "check the signature" item of a
// scanned sign-back, and of which order and revision.
func (n *Note) SignatureCheck() (orderID uint, rev int, ok bool) {
	if _, err := fmt.Sscanf(n.Key, "order:%d:checksig:%d", &orderID, &rev); err != nil || n.Key != checkSigKey(orderID, rev) {
		return 0, 0, false
	}
	return orderID, rev, true
}

// logSignatureCheck writes on the order that the clerk checked the
// signature of the scanned sign-back (done) or took the check back: the
// order's history says who checked it, as the item's DoneBy does.
func logSignatureCheck(tx *gorm.DB, by Actor, now time.Time, n *Note, done bool) error {
	orderID, rev, ok := n.SignatureCheck()
	if !ok {
		return nil
	}
	what := M("signature on the returned scan of revision {{.Rev}} checked by {{.By}}: signed by a person allowed to sign", "Rev", rev, "By", by.Name)
	if !done {
		what = M("the check of the signature on revision {{.Rev}} was reopened by {{.By}}", "Rev", rev, "By", by.Name)
	}
	return logEvent(tx, eventWith(Event{Entity: "order", EntityID: orderID, At: now, By: by.Name, ByID: by.ID, Action: OrdSignatureChecked}, what))
}

// SignatureScans returns, for each "check the signature" item among items,
// the scan the sign-back was recorded from (by the item's id), so the
// clerk can open it from the queue.
func (s *Store) SignatureScans(ctx context.Context, items []Note) (map[uint]ScanReturn, error) {
	byOrder := map[uint][]uint{}
	var orders []uint
	for _, n := range items {
		if id, _, ok := n.SignatureCheck(); ok {
			if byOrder[id] == nil {
				orders = append(orders, id)
			}
			byOrder[id] = append(byOrder[id], n.ID)
		}
	}
	out := map[uint]ScanReturn{}
	if len(orders) == 0 {
		return out, nil
	}
	var scans []ScanReturn
	// Newest first: the last scan recorded against the order is the one
	// its current revision's sign-back came by.
	if err := s.reader(ctx).Where("order_id IN ? AND status IN ?", orders, []string{ScanMatched, ScanAssigned}).
		Order("updated_at DESC, id DESC").Find(&scans).Error; err != nil {
		return nil, err
	}
	for _, sc := range scans {
		for _, item := range byOrder[*sc.OrderID] {
			if _, ok := out[item]; !ok {
				out[item] = sc
			}
		}
	}
	return out, nil
}
