package reports

import (
	"fmt"
	"strings"
	"testing"

	"orderdesk/model"
)

// stampSquare returns the stamp square of a page — the frame its label is
// printed in — and the height left clear under the label.
func stampSquare(d *doc, page int) (w, clear float64, ok bool) {
	label := labels["stamp"]
	for _, t := range d.pages[page] {
		if t.kind != opText || !strings.HasPrefix(t.text, label[0]) && !strings.HasPrefix(t.text, label[1]) {
			continue
		}
		for _, r := range d.pages[page] {
			if r.kind == opRect && t.x >= r.x && t.x <= r.x+r.w && t.y >= r.y && t.y <= r.y+r.h && r.w < d.right-d.left-1 {
				return r.w, r.y + r.h - (t.y + stSmall.lineH()*0.3), true
			}
		}
	}
	return 0, 0, false
}

// The customer's stamp box takes a 45 mm company seal whole, on the
// confirmation and the arrival receipt, while a 5-line English and a
// 2-line bilingual Chinese confirmation still fit on one page.
func TestStampBoxTakesA45mmSeal(t *testing.T) {
	cases := []struct {
		name      string
		kind      Kind
		lines     int
		lang      string
		bilingual bool
	}{
		{"5-line English confirmation", KindConfirmation, 5, model.LangEN, false},
		{"2-line bilingual Chinese confirmation", KindConfirmation, 2, model.LangZH, true},
		{"5-line Chinese confirmation", KindConfirmation, 5, model.LangZH, false},
		{"arrival receipt", KindArrivalReceipt, 5, model.LangEN, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := testOrder(c.lines, c.lang)
			opt := testOptions(c.lang)
			opt.Bilingual = c.bilingual
			opt.Company.Email = "orders@wankuo.com.tw" // a full letterhead
			d, _ := renderText(t, o, Request{Kind: c.kind, Shipments: []model.Shipment{*testShipment()}}, opt)
			if c.kind == KindConfirmation && len(d.pages) != 1 {
				t.Errorf("%d pages, want 1", len(d.pages))
			}
			w, clear, ok := stampSquare(d, len(d.pages)-1)
			if !ok {
				t.Fatal("no stamp square")
			}
			if w < sealMM || clear < sealMM {
				t.Errorf("stamp square %.1f mm wide, %.1f mm clear under its label: a %.0f mm seal does not fit", w, clear, sealMM)
			}
		})
	}
}

// A long reason for a revision never leaves the signature box alone on a
// page: it stays with the totals, the terms and the fax-back number.
func TestLongRevisionReasonKeepsSignatureWithTotals(t *testing.T) {
	reason := strings.Repeat("客戶改數量及交期，並要求更換包裝 The customer changed the quantities and the date and asked for other packaging. ", 3)
	for n := 1; n <= 8; n++ {
		for _, lang := range []string{model.LangZH, model.LangEN} {
			for _, bilingual := range []bool{false, true} {
				name := fmt.Sprintf("%d/%s/bilingual=%v", n, lang, bilingual)
				o := testOrder(n, lang)
				o.Revisions[0].ReplacedBecause = reason
				opt := testOptions(lang)
				opt.Bilingual = bilingual
				d, _ := renderText(t, o, Request{Kind: KindConfirmation}, opt)
				checkConfirmationLayout(t, name, d, o)
			}
		}
	}
}
