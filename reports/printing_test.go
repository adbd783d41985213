package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"orderdesk/internal/testkit"
	"orderdesk/model"
)

// TestPrintingOfAShipment: a printing made from model values dates itself
// in the office's time zone (an evening in UTC is the next morning in
// Taipei), names its file after the shipment, prints the shipment's notice
// as ShippingNotice does, and refuses a shipment of another order.
func TestPrintingOfAShipment(t *testing.T) {
	o := testOrder(2, model.LangZH)
	o.ID = 42
	sh := testShipment()
	sh.OrderID = o.ID
	office := model.DefaultOffice()
	office.TimeZone = "Asia/Taipei"
	now := time.Date(2026, 3, 23, 17, 0, 0, 0, time.UTC) // 01:00 on the 24th in Taipei

	p := PrintingOf(o, Request{Kind: KindShippingNotice}, []model.Shipment{*sh}, nil, office, now)
	if want := model.DateOf(now.In(testkit.Taipei)); p.Options.Today != want {
		t.Errorf("Today = %s, want %s (the office's day)", p.Options.Today, want)
	}
	if !strings.HasSuffix(p.FileName(), "-"+sh.No+".pdf") {
		t.Errorf("file name %q does not name shipment %s", p.FileName(), sh.No)
	}
	var viaPrinting, direct bytes.Buffer
	if _, err := p.Render(&viaPrinting); err != nil {
		t.Fatal(err)
	}
	if _, err := ShippingNotice(&direct, o, sh, p.Options); err != nil {
		t.Fatal(err)
	}
	if got, want := pdfText(t, viaPrinting.Bytes()), pdfText(t, direct.Bytes()); got != want {
		t.Errorf("the printing's notice reads\n%s\nShippingNotice's\n%s", got, want)
	}

	other := *sh
	other.OrderID = 7
	p = PrintingOf(o, Request{Kind: KindArrivalReceipt}, []model.Shipment{other}, nil, office, now)
	if _, err := p.Render(&bytes.Buffer{}); err == nil {
		t.Error("an arrival receipt of another order's shipment printed")
	}
}
