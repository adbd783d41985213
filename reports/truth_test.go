package reports

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"orderdesk/internal/testkit"
	"orderdesk/model"
)

// hasBarcode reports whether any page of d carries the barcode's bars.
func hasBarcode(d *doc) bool {
	for _, p := range d.pages {
		for _, o := range p {
			if o.kind == opFill {
				return true
			}
		}
	}
	return false
}

// renderText renders req for o and returns the laid-out doc and its text.
func renderText(t *testing.T, o *model.Order, req Request, opt Options) (*doc, string) {
	t.Helper()
	var d *doc
	afterLayout = func(x *doc) { d = x }
	defer func() { afterLayout = nil }()
	var b bytes.Buffer
	if _, err := Render(&b, o, req, opt); err != nil {
		t.Fatalf("%s: %v", req.Kind, err)
	}
	return d, noSpace(pdfText(t, b.Bytes()))
}

func TestDraftConfirmationIsMarkedAndUnsignable(t *testing.T) {
	for _, lang := range []string{model.LangZH, model.LangEN} {
		o := testOrder(5, lang)
		o.State, o.CurrentRev, o.Revisions = model.StateDraft, 0, nil
		d, text := renderText(t, o, Request{Kind: KindConfirmation}, testOptions(lang))
		if !strings.Contains(text, noSpace("草稿 / DRAFT")) {
			t.Errorf("%s: a draft confirmation does not say DRAFT / 草稿", lang)
		}
		if hasBarcode(d) {
			t.Errorf("%s: a draft carries a barcode a returned fax could be matched by", lang)
		}
		for _, key := range []string{"customer_sign", "signback"} {
			if strings.Contains(text, noSpace(tr(key, lang, false))) {
				t.Errorf("%s: a draft asks to be signed (%q)", lang, tr(key, lang, false))
			}
		}
		if strings.Contains(text, noSpace(trf("rev_first", lang, false, 1))) {
			t.Errorf("%s: a draft is labelled as revision 1", lang)
		}
	}
}

func TestCancelledOrdersDocumentsSayCancelled(t *testing.T) {
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			o := testOrder(3, model.LangEN)
			o.Requests = []model.ShipmentRequest{*testRequest()}
			o.State = model.StateCancelled
			_, text := renderText(t, o, Request{Kind: k, Shipments: []model.Shipment{*testShipment()}}, testOptions(model.LangEN))
			if !strings.Contains(text, noSpace("已取消 / CANCELLED")) {
				t.Errorf("the %s of a cancelled order does not say CANCELLED", k)
			}
			if strings.Contains(text, noSpace(tr("customer_sign", model.LangEN, false))) {
				t.Errorf("the %s of a cancelled order asks for a signature", k)
			}
		})
	}
}

func TestDocumentsRefusedBeforeTheyAreTrue(t *testing.T) {
	o := testOrder(3, model.LangEN)
	o.State, o.Release, o.Balance, o.RequestNo = model.StateChecking, model.ProductionRelease{}, model.BalanceNotice{}, ""
	for _, k := range []Kind{KindProductionCopy, KindBalanceNotice, KindShipmentRequest, KindShippingNotice, KindArrivalReceipt} {
		var b bytes.Buffer
		_, err := Render(&b, o, Request{Kind: k}, testOptions(model.LangEN))
		var r *model.Refusal
		if !errors.As(err, &r) {
			t.Errorf("%s of an order in checking: err %v, want a refusal", k, err)
		}
		if b.Len() > 0 {
			t.Errorf("%s: %d bytes written before the refusal", k, b.Len())
		}
	}
}

// The balance notice is dated its issue day in the office's time zone,
// asks for payment from that day under the terms, and states what is paid
// and owed on the day it is printed.
func TestBalanceNoticeDatedWhenIssuedAndOwedNow(t *testing.T) {
	taipei := testkit.Taipei
	o := testOrder(3, model.LangEN)
	o.Customer.PaymentTerms = "Net 30"
	issued := time.Date(2026, 12, 6, 17, 0, 0, 0, time.UTC) // 2026-12-07 01:00 in Taipei
	o.Balance = model.BalanceNotice{Amount: o.BalanceDue(), IssuedBy: model.Signature{By: "Lin Hui", At: &issued}}
	o.StateSince = time.Date(2026, 11, 24, 3, 0, 0, 0, time.UTC) // the old rule paid by this + 7 days
	opt := testOptions(model.LangEN)
	opt.Date, opt.Location = model.Date{}, taipei
	opt.Company.Remittance = "Bank of Taiwan, Zhongshan branch, account 012-345-678901"

	_, text := renderText(t, o, Request{Kind: KindBalanceNotice}, opt)
	for _, want := range []string{"Date2026-12-07", "Pleasepayby2027-01-06", noSpace(opt.Company.Remittance),
		"Balancedue" + noSpace(model.FormatMoney(o.BalanceDueWithTax(model.Office{TaxRatePct: 5}), "TWD"))} {
		if !strings.Contains(text, want) {
			t.Errorf("issued notice lacks %q", want)
		}
	}

	// Reprinted after the customer paid: paid in full, no balance due.
	// What the customer owes includes the 5 % tax: paying the untaxed
	// balance leaves the tax owed, paying it with the tax settles it.
	owed := o.BalanceDueWithTax(model.Office{TaxRatePct: 5})
	untaxed := o.BalanceDue()
	o.BalancePaid = untaxed
	_, text = renderText(t, o, Request{Kind: KindBalanceNotice}, opt)
	if strings.Contains(text, "paidinfull") || !strings.Contains(text, "Balancedue"+noSpace(model.FormatMoney(owed-untaxed, "TWD"))) {
		t.Errorf("the untaxed balance paid: the notice does not ask for the tax still owed")
	}
	o.BalancePaid = owed
	opt.Today = model.NewDate(2026, 12, 20)
	_, text = renderText(t, o, Request{Kind: KindBalanceNotice}, opt)
	if strings.Contains(text, "Balancedue") || strings.Contains(text, "Pleasepayby") || strings.Contains(text, "Pleasepaythebalance") {
		t.Errorf("a paid notice still asks for %s", model.FormatMoney(owed, "TWD"))
	}
	for _, want := range []string{"Date2026-12-07", "Paid(asof2026-12-20)" + noSpace(model.FormatMoney(o.PaidTotal(), "TWD")), "paidinfull"} {
		if !strings.Contains(text, want) {
			t.Errorf("reprinted notice lacks %q", want)
		}
	}
}

// A shipping notice and an arrival receipt list what their shipment
// carries, with its carrier, tracking, packages and weight; an order that
// went in several asks which.
func TestShipmentDocumentsPrintTheShipment(t *testing.T) {
	o := testOrder(5, model.LangEN)
	first, second := *testShipment(), *testShipment()
	second.No, second.Lines = "SH-2026-00018", []model.ShipmentLine{{LineNo: 3, Qty: model.QtyOf(30)}}
	second.Carrier, second.TrackingNo = "Kerry TJ", "KT-5512"
	all := []model.Shipment{first, second}

	for _, k := range []Kind{KindShippingNotice, KindArrivalReceipt} {
		var b bytes.Buffer
		_, err := Render(&b, o, Request{Kind: k, Shipments: all}, testOptions(model.LangEN))
		var r *model.Refusal
		if !errors.As(err, &r) || !strings.Contains(r.Msg.String(), "SH-2026-00018") {
			t.Errorf("%s of an order in two shipments without saying which: %v", k, err)
		}
		_, text := renderText(t, o, Request{Kind: k, Shipments: all, ShipmentNo: "sh-2026-00018"}, testOptions(model.LangEN))
		for _, want := range []string{"SH-2026-00018", "KerryTJ", "KT-5512", "12", "1,250kg", o.Lines[2].Product.Code} {
			if !strings.Contains(text, want) {
				t.Errorf("%s of the second shipment lacks %q", k, want)
			}
		}
		for _, l := range []int{0, 3, 4} { // lines 1, 4 and 5 are not in it (line 2 shares line 5's product)
			if code := o.Lines[l].Product.Code; l != 3 && strings.Contains(text, code) {
				t.Errorf("%s of the second shipment lists line %d (%s), which it does not carry", k, l+1, code)
			}
		}
	}
}

// The fax cover is dated the day it goes, says who sends it and counts the
// pages of what goes with it.
func TestFaxCoverCountsThePagesItCovers(t *testing.T) {
	o := testOrder(60, model.LangEN)
	opt := testOptions(model.LangEN)
	opt.Today = model.NewDate(2026, 3, 12)
	n, err := PageCount(o, Request{Kind: KindConfirmation}, opt)
	if err != nil || n < 3 {
		t.Fatalf("confirmation of 60 lines: %d pages, %v", n, err)
	}
	_, text := renderText(t, o, Request{Kind: KindFaxCover, From: "林慧 Lin Hui"}, opt)
	for _, want := range []string{"Date2026-03-12", "Pages(incl.cover)" + strconv.Itoa(n+1), "From林慧LinHui", "SO-2026-00042/R2"} {
		if !strings.Contains(text, want) {
			t.Errorf("fax cover lacks %q", want)
		}
	}
}

// A Chinese confirmation states its total in financial numerals; an
// English one does not.
func TestAmountInWordsOnChineseDocuments(t *testing.T) {
	for _, lang := range []string{model.LangZH, model.LangEN} {
		o := testOrder(3, lang)
		words := model.ChineseWords(model.Office{TaxRatePct: 5}.Tax(o.Total).Total, o.Currency)
		_, text := renderText(t, o, Request{Kind: KindConfirmation}, testOptions(lang))
		if got := strings.Contains(text, noSpace(words)); got != (lang == model.LangZH) {
			t.Errorf("%s: %q printed = %v", lang, words, got)
		}
	}
}

// The confirmation and the balance notice state the untaxed amount, the
// business tax at the office's rate and the total, or "tax included";
// both tax IDs; the confirmation the customer's billing address.
func TestTaxAndTaxIDsOnConfirmationAndBalanceNotice(t *testing.T) {
	for _, kind := range []Kind{KindConfirmation, KindBalanceNotice} {
		for _, included := range []bool{false, true} {
			o := testOrder(3, model.LangEN)
			if kind == KindBalanceNotice {
				issued := time.Date(2026, 12, 6, 3, 0, 0, 0, time.UTC)
				o.Balance = model.BalanceNotice{Amount: o.BalanceDue(), IssuedBy: model.Signature{By: "Lin Hui", At: &issued}}
			}
			opt := testOptions(model.LangEN)
			opt.PricesIncludeTax = included
			_, text := renderText(t, o, Request{Kind: kind}, opt)
			tax := model.Office{TaxRatePct: 5, PricesIncludeTax: included}.Tax(o.Total)
			want := []string{"TaxID12345675"}
			if included {
				want = append(want, "taxincluded,businesstax5%")
			} else {
				want = append(want, "Untaxedamount"+noSpace(model.FormatMoney(tax.Untaxed, "TWD")),
					"Businesstax5%"+noSpace(model.FormatMoney(tax.Tax, "TWD")),
					"Totalincl.tax"+noSpace(model.FormatMoney(tax.Total, "TWD")))
			}
			if kind == KindConfirmation {
				want = append(want, "Customer/billingaddress"+noSpace(o.Customer.NameEN+o.Customer.BillingAddress), "Customercode/taxIDC0042/24536806")
			} else {
				want = append(want, "CustomertaxID24536806")
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s (tax included %v) lacks %q", kind, included, w)
				}
			}
			if included && strings.Contains(text, "Businesstax5%") {
				t.Errorf("%s adds tax to prices that include it", kind)
			}
		}
	}
}

// Dates print in the office's time zone (default Asia/Taipei), whatever
// the desk's: a revision issued at 01:00 on 30 November in Taipei is the
// 29th in New York and in UTC.
func TestDatesInTheOfficeTimeZone(t *testing.T) {
	issued := time.Date(2026, 11, 29, 17, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ zone, want string }{{"", "Date2026-11-30"}, {"America/New_York", "Date2026-11-29"}} {
		office := model.DefaultOffice()
		if tc.zone != "" {
			office.TimeZone = tc.zone
		}
		opt := OptionsFromOffice(office)
		opt.Lang = model.LangEN
		o := testOrder(2, model.LangEN)
		o.Revisions[len(o.Revisions)-1].Issued.At = &issued
		_, text := renderText(t, o, Request{Kind: KindConfirmation}, opt)
		if !strings.Contains(text, tc.want) {
			t.Errorf("office zone %q: %q not printed", tc.zone, tc.want)
		}
		if got, want := opt.DayOf(issued), model.DateOf(issued.In(office.Location())); got != want {
			t.Errorf("office zone %q: today %v, want %v", tc.zone, got, want)
		}
	}
}

// "Rev 2 replaces Rev 1" says why.
func TestRevisionReasonBesideReplaces(t *testing.T) {
	for _, lang := range []string{model.LangZH, model.LangEN} {
		o := testOrder(5, lang)
		o.Revisions[0].ReplacedBecause = "客戶改數量 quantity changed"
		d, text := renderText(t, o, Request{Kind: KindConfirmation}, testOptions(lang))
		if len(d.pages) != 1 {
			t.Errorf("%s: the reason takes the 5-line confirmation to %d pages", lang, len(d.pages))
		}
		want := noSpace(trf("rev_replaces", lang, false, 2, 1) + tr("rev_reason", lang, false) + "客戶改數量 quantity changed")
		if !strings.Contains(text, want) {
			t.Errorf("%s: %q not printed", lang, want)
		}
	}
}

// The production copy (seed 002 step 10) carries production's own dates and
// who signed the revision back, not the customer's sign-back terms and box.
func TestProductionCopyShowsProductionDatesAndSignBack(t *testing.T) {
	for _, lang := range []string{model.LangZH, model.LangEN} {
		o := testOrder(3, lang)
		o.ProdDate = model.ProductionDateNote{ProductionDate: model.NewDate(2026, 12, 8), FinishedDate: model.NewDate(2026, 12, 15)}
		signed := time.Date(2026, 12, 6, 1, 30, 0, 0, time.UTC)
		o.Revisions[1].SignedBack = model.Signature{By: "林經理", At: &signed}
		_, text := renderText(t, o, Request{Kind: KindProductionCopy}, testOptions(lang))
		for _, want := range []string{tr("prod_date", lang, false) + "2026-12-08", tr("prod_finished", lang, false) + "2026-12-15",
			trf("signed_back_by", lang, false, "林經理", "2026-12-06")} {
			if !strings.Contains(text, noSpace(want)) {
				t.Errorf("%s: production copy lacks %q", lang, want)
			}
		}
		for _, key := range []string{"customer_sign", "signback", "fax_back"} {
			if strings.Contains(text, noSpace(tr(key, lang, false))) {
				t.Errorf("%s: production copy asks the customer to sign (%q)", lang, tr(key, lang, false))
			}
		}
		o.Revisions[1].SignedBack = model.Signature{}
		if _, text = renderText(t, o, Request{Kind: KindProductionCopy}, testOptions(lang)); !strings.Contains(text, noSpace(tr("not_signed_back", lang, false))) {
			t.Errorf("%s: an unsigned revision's production copy does not say so", lang)
		}
	}
}

// A long letterhead wraps between its parts: the tax ID never loses its
// number to the next line.
func TestLetterheadKeepsTaxIDWhole(t *testing.T) {
	opt := testOptions(model.LangEN)
	opt.Company.Address = "桃園市龜山區工業一路 88 號 / No. 88, Gongye 1st Rd., Guishan, Taoyuan"
	opt.Company.Phone, opt.Company.Fax, opt.Company.TaxID = "03-328-1234", "03-328-1299", "84149786"
	d, _ := renderText(t, testOrder(1, model.LangEN), Request{Kind: KindConfirmation}, opt)
	if pageOf(d, func(s string) bool { return strings.Contains(s, "Tax ID 84149786") }) != 0 {
		t.Error("the tax ID is split from its label")
	}
}

// Every document's letterhead gives the office's e-mail beside its phone
// and fax.
func TestLetterheadCarriesTheOfficeEmail(t *testing.T) {
	for _, k := range Kinds {
		for _, lang := range []string{model.LangZH, model.LangEN} {
			o := testOrder(3, lang)
			o.Requests = []model.ShipmentRequest{*testRequest()}
			opt := testOptions(lang)
			opt.Company.Email = "orders@wankuo.com.tw"
			_, text := renderText(t, o, Request{Kind: k, Shipments: []model.Shipment{*testShipment()}, From: "林慧"}, opt)
			if want := noSpace(tr("email", lang, false) + " orders@wankuo.com.tw"); !strings.Contains(text, want) {
				t.Errorf("%s (%s): no %q", k, lang, want)
			}
		}
	}
}

// TestDemoOfficesPagesSayDEMO: every page of every document of the demo
// office says DEMO at its foot (issue 16: its invented orders are never
// taken for real ones); a real office's pages do not.
func TestDemoOfficesPagesSayDEMO(t *testing.T) {
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			o := testOrder(40, model.LangZH) // long enough for more than one page
			o.Requests = []model.ShipmentRequest{*testRequest()}
			req := Request{Kind: k, Shipments: []model.Shipment{*testShipment()}}
			opt := testOptions(model.LangZH)
			if _, text := renderText(t, o, req, opt); strings.Contains(text, "DEMO") {
				t.Errorf("a real office's %s says DEMO", k)
			}
			opt.Demo = true
			d, text := renderText(t, o, req, opt)
			if got := strings.Count(text, noSpace("DEMO / 示範辦公室")); got != len(d.pages) {
				t.Errorf("the demo's %s says DEMO on %d of its %d pages", k, got, len(d.pages))
			}
		})
	}
}

// TestDemoReturnAuthorizationSaysDEMO: the return's document too.
func TestDemoReturnAuthorizationSaysDEMO(t *testing.T) {
	opt := testOptions(model.LangEN)
	opt.Demo = true
	var b bytes.Buffer
	if _, err := ReturnAuthorization(&b, testRMA(testOrder(3, model.LangEN)), opt); err != nil {
		t.Fatal(err)
	}
	if text := noSpace(pdfText(t, b.Bytes())); !strings.Contains(text, noSpace("DEMO / 示範辦公室")) {
		t.Errorf("the demo's return authorization does not say DEMO: %q", text)
	}
}
