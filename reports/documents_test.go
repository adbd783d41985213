package reports

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// docCase is one document with the fields it must print.
type docCase struct {
	name   string
	render func(o *model.Order, opt Options) ([]byte, []Replaced, error)
	fields func(o *model.Order, lang string) []string
}

func toBytes(f func(w *bytes.Buffer) ([]Replaced, error)) ([]byte, []Replaced, error) {
	var b bytes.Buffer
	rep, err := f(&b)
	return b.Bytes(), rep, err
}

func testShipment() *model.Shipment {
	return &model.Shipment{No: "SH-2026-00017", Status: model.ShipInTransit, ShipDate: model.NewDate(2026, 3, 23),
		ExpectedArrival: model.NewDate(2026, 3, 25), FollowUpOn: model.NewDate(2026, 3, 26),
		Carrier: "新竹物流 HCT", TrackingNo: "HCT-88120045", Packages: 12, WeightKg: model.QtyOf(1250),
		Lines: []model.ShipmentLine{{LineNo: 1, Qty: model.QtyOf(10)}, {LineNo: 2, Qty: model.QtyOf(18)}}}
}

func testRequest() *model.ShipmentRequest {
	return &model.ShipmentRequest{No: "SR-2026-00009", ShipTo: "台中市大雅區中清路 200 號 倉庫 B", Receiver: "張志明",
		Phone: "04-2566-1200", Checked: model.Signature{By: "林慧"}, Note: "請於上午送達 Deliver before noon"}
}

func testRMA(o *model.Order) *model.RMA {
	return &model.RMA{No: "RMA-2026-00007", Order: o, State: model.RMAAuthorized, Reason: model.ReasonQuality, QCLot: "L-2026-118",
		Complaint: "捲芯受潮 core damp", Authorized: model.Signature{By: "Andy"},
		Lines: []model.RMALine{{LineNo: 2, Qty: model.QtyOf(4)}}}
}

var docCases = []docCase{
	{"confirmation", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) { return Confirmation(w, o, opt) })
	}, func(o *model.Order, lang string) []string {
		f := []string{o.No, o.Customer.Name(lang), o.Customer.Code, o.Contact.Name, o.Contact.Phone, o.Contact.Fax,
			o.CustomerPO, "SO-2026-00042/R2", "NT$49,125", "2026-03-20", "5%", o.Packaging, o.SpecialRequirements,
			o.ShipTo, "02-2500-5678", model.FormatMoney(o.Total, "TWD"), o.Customer.PaymentTerms, o.PaymentMethod,
			trf("rev_replaces", lang, false, 2, 1), tr("finished_note", lang, false)}
		return append(f, lineFields(o, lang, true)...)
	}},
	{"production", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		opt.ProductionCopy = true
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) { return Confirmation(w, o, opt) })
	}, func(o *model.Order, lang string) []string {
		return []string{o.No, tr("prod_signer", lang, false), tr("tech_copy", lang, false)}
	}},
	{"faxcover", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		fc := NewFaxCover(o, "林慧 Lin Hui", 3, "訂單確認書 SO-2026-00042 Rev 2")
		fc.Note = "請確認後於今日回傳。Please sign and return today."
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) { return FaxCoverSheet(w, fc, opt) })
	}, func(o *model.Order, lang string) []string {
		return []string{o.Customer.Name(o.Customer.DocLanguage), o.Contact.Name, o.Contact.Fax, "林慧 Lin Hui", "3",
			"訂單確認書 SO-2026-00042 Rev 2", "請確認後於今日回傳。Please sign and return today.", "2026-03-09"}
	}},
	{"balance", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) {
			return BalanceNotice(w, o, opt)
		})
	}, func(o *model.Order, lang string) []string {
		return []string{o.No, o.Customer.Name(lang), o.CustomerPO, model.FormatMoney(o.Total, "TWD"),
			model.FormatMoney(o.PaidTotal(), "TWD"), model.FormatMoney(o.BalanceDueWithTax(model.Office{TaxRatePct: 5}), "TWD"), "2026-04-30"}
	}},
	{"request", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) { return ShipmentRequest(w, o, testRequest(), nil, opt) })
	}, func(o *model.Order, lang string) []string {
		r := testRequest()
		f := []string{r.No, o.No, r.ShipTo, r.Receiver, r.Phone, r.Note, o.Contact.Name, o.Packaging}
		return append(f, lineFields(o, lang, false)...)
	}},
	{"notice", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) { return ShippingNotice(w, o, testShipment(), opt) })
	}, func(o *model.Order, lang string) []string {
		s := testShipment()
		return []string{o.No, s.No, s.Carrier, s.TrackingNo, "12", "1,250 kg", "2026-03-23", "2026-03-25", o.ShipTo,
			o.Lines[0].Product.Code, "18", "2026-03-26"}
	}},
	{"receipt", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) { return ArrivalReceipt(w, o, testShipment(), opt) })
	}, func(o *model.Order, lang string) []string {
		s := testShipment()
		return []string{o.No, s.No, s.Carrier, s.TrackingNo, "2026-03-23", o.ShipTo, o.Lines[1].Product.Code,
			tr("customer_sign", lang, false), tr("condition_boxes", lang, false)}
	}},
	{"rma", func(o *model.Order, opt Options) ([]byte, []Replaced, error) {
		return toBytes(func(w *bytes.Buffer) ([]Replaced, error) { return ReturnAuthorization(w, testRMA(o), opt) })
	}, func(o *model.Order, lang string) []string {
		return []string{"RMA-2026-00007", tr("title.rma", lang, false), o.No, o.CustomerPO, tr("reason.quality", lang, false), "L-2026-118",
			"捲芯受潮 core damp", o.Lines[1].Product.Code, "4", tr("rma_signer", lang, false)}
	}},
}

// lineFields are what each order line prints.
func lineFields(o *model.Order, lang string, prices bool) []string {
	var f []string
	for _, l := range o.Lines {
		f = append(f, l.Product.Code+productName(l.Product, lang), l.Product.Spec(), l.Qty.String())
		if prices {
			f = append(f, model.FormatMoney(l.UnitPrice, "TWD"), model.FormatMoney(l.Amount, "TWD"))
		}
	}
	return f
}

// dump writes a display list as text: reviewable golden files that do not
// depend on the PDF library's byte layout.
func dump(d *doc) string {
	var b strings.Builder
	for i, p := range d.pages {
		fmt.Fprintf(&b, "page %d\n", i+1)
		for _, o := range p {
			switch o.kind {
			case opText:
				fmt.Fprintf(&b, "text %.1f %.1f %v %.0f %s\n", o.x, o.y, o.st.bold, o.st.size, o.text)
			case opLine:
				fmt.Fprintf(&b, "line %.1f %.1f %.1f %.1f\n", o.x, o.y, o.w, o.h)
			case opRect:
				fmt.Fprintf(&b, "rect %.1f %.1f %.1f %.1f\n", o.x, o.y, o.w, o.h)
			case opFill:
				fmt.Fprintf(&b, "fill %.2f %.2f %.2f %.2f\n", o.x, o.y, o.w, o.h)
			}
		}
	}
	return b.String()
}

// capture renders and returns the PDF and the laid-out document.
func capture(t *testing.T, c docCase, o *model.Order, opt Options) ([]byte, *doc, []Replaced) {
	t.Helper()
	var d *doc
	afterLayout = func(x *doc) { d = x }
	defer func() { afterLayout = nil }()
	pdf, rep, err := c.render(o, opt)
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return pdf, d, rep
}

func TestGolden(t *testing.T) {
	for _, c := range docCases {
		for _, lang := range []string{model.LangZH, model.LangEN} {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				_, d, rep := capture(t, c, testOrder(5, lang), testOptions(lang))
				if len(rep) > 0 {
					t.Errorf("clean input reported replacements: %v", rep)
				}
				got := dump(d)
				path := filepath.Join("testdata", c.name+"."+lang+".golden")
				if *update {
					if err := os.MkdirAll("testdata", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./reports -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs from the golden file; if the change is meant, run go test ./reports -run TestGolden -update\n%s",
						path, firstDiff(string(want), got))
				}
			})
		}
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, a, b)
		}
	}
	return ""
}

// pdfText extracts the text of pdf in content order (-raw keeps each
// table cell's lines together), or skips the test without pdftotext.
func pdfText(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(append([]string{"-raw", "-enc", "UTF-8"}, args...), path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestEveryFieldIsPrinted(t *testing.T) {
	for _, c := range docCases {
		for _, lang := range []string{model.LangZH, model.LangEN} {
			for _, bilingual := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/bilingual=%v", c.name, lang, bilingual), func(t *testing.T) {
					o := testOrder(5, lang)
					opt := testOptions(lang)
					opt.Bilingual = bilingual
					pdf, _, _ := capture(t, c, o, opt)
					text := noSpace(pdfText(t, pdf))
					for _, f := range c.fields(o, lang) {
						if !strings.Contains(text, noSpace(f)) {
							t.Errorf("%q not in the text of the PDF", f)
						}
					}
				})
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, c := range docCases {
		a, _, _ := capture(t, c, testOrder(5, model.LangZH), testOptions(""))
		b, _, _ := capture(t, c, testOrder(5, model.LangZH), testOptions(""))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings of the same input differ", c.name)
		}
	}
}
