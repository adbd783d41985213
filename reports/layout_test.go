package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"orderdesk/model"
)

// stressOrder is testOrder with n lines, made harder: long names and,
// when big, numbers as wide as the columns ever see.
func stressOrder(n int, lang string, long, big bool) *model.Order {
	o := testOrder(n, lang)
	if long {
		o.Customer.NameZH = strings.Repeat("大華紙業國際控股", 4) + "有限公司"
		o.Customer.NameEN = strings.Repeat("Da Hua Paper International Holdings ", 3) + "Ltd."
		o.SpecialRequirements = strings.Repeat("捲芯需標示批號 Mark the lot number on each core; ", 4)
	}
	o.Total = 0
	for i := range o.Lines {
		l := &o.Lines[i]
		if long {
			p := *l.Product
			p.NameZH, p.NameEN = p.NameZH+strings.Repeat("（特殊塗佈）", 3), p.NameEN+strings.Repeat(" special coated", 3)
			l.Product = &p
		}
		if big {
			l.Qty = model.Qty(1_250_000_125) // 1,250,000.125
			l.UnitPrice = model.Money(317_901 + int64(i))
			l.DiscountPct = 5 * (i % 2)
			l.Amount = model.Amount(l.Qty, l.UnitPrice).Percent(100 - l.DiscountPct)
		}
		o.Total += l.Amount
	}
	o.DepositDue = o.Total.Percent(30)
	return o
}

// pageOf returns the page whose ops include a text op for which match is true, or -1.
func pageOf(d *doc, match func(string) bool) int {
	for i, p := range d.pages {
		for _, o := range p {
			if o.kind == opText && match(o.text) {
				return i
			}
		}
	}
	return -1
}

// TestConfirmationLayoutUnderStress renders confirmations of 1 to 12 lines,
// plain, with long names and with the widest numbers, in both languages and
// bilingual, and checks with the layout's own display list: the signature
// box shares its page with the totals, the terms and the fax-back number;
// every page carries the barcode; no number is broken across lines; no text
// is under 9 pt.
func TestConfirmationLayoutUnderStress(t *testing.T) {
	for n := 1; n <= 12; n++ {
		for _, lang := range []string{model.LangZH, model.LangEN} {
			for _, v := range []struct{ long, big, bilingual bool }{{false, false, false}, {true, false, false}, {false, true, false}, {true, true, true}} {
				name := fmt.Sprintf("%d/%s/long=%v/big=%v/bilingual=%v", n, lang, v.long, v.big, v.bilingual)
				o := stressOrder(n, lang, v.long, v.big)
				opt := testOptions(lang)
				opt.Bilingual = v.bilingual
				var d *doc
				afterLayout = func(x *doc) { d = x }
				_, err := Confirmation(&bytes.Buffer{}, o, opt)
				afterLayout = nil
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkConfirmationLayout(t, name, d, o)
			}
		}
	}
}

func checkConfirmationLayout(t *testing.T, name string, d *doc, o *model.Order) {
	t.Helper()
	has := func(key string) func(string) bool {
		l := labels[key]
		return func(s string) bool { return strings.HasPrefix(s, l[0]) || strings.HasPrefix(s, l[1]) }
	}
	sign := pageOf(d, has("customer_sign"))
	for _, key := range []string{"total_taxed", "untaxed", "signback", "fax_back", "payment_terms"} {
		if p := pageOf(d, has(key)); p != sign {
			t.Errorf("%s: the signature box is on page %d, %s on page %d", name, sign+1, key, p+1)
		}
	}
	for i, p := range d.pages {
		bars := 0
		for _, o := range p {
			if o.kind == opFill {
				bars++
			}
			if o.kind == opText && o.st.size < minPt {
				t.Errorf("%s: %q at %.1f pt", name, o.text, o.st.size)
			}
		}
		if bars == 0 {
			t.Errorf("%s: page %d of %d has no barcode", name, i+1, len(d.pages))
		}
	}
	whole := map[string]bool{}
	for _, p := range d.pages {
		for _, o := range p {
			if o.kind == opText {
				whole[o.text] = true
			}
		}
	}
	for _, l := range o.Lines {
		for _, num := range []string{l.Qty.String(), model.FormatMoney(l.UnitPrice, o.Currency), model.FormatMoney(l.Amount, o.Currency)} {
			if !whole[num] {
				t.Errorf("%s: line %d's %s is not printed whole on one line", name, l.LineNo, num)
			}
		}
	}
}
