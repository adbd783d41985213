package reports

import (
	"strings"
	"testing"

	"orderdesk/model"
)

// TestDeliveryTermsPrinted: an export order's Incoterm and named place
// print on the confirmation, the production copy, the balance notice, the
// shipment request and the shipping notice, in both languages; an order
// without one prints no empty "Delivery terms".
func TestDeliveryTermsPrinted(t *testing.T) {
	kinds := []Kind{KindConfirmation, KindProductionCopy, KindBalanceNotice, KindShipmentRequest, KindShippingNotice}
	for _, lang := range []string{model.LangZH, model.LangEN} {
		for _, k := range kinds {
			o := testOrder(3, lang)
			o.Requests = []model.ShipmentRequest{*testRequest()}
			o.DeliveryTerms = model.DeliveryTerms{Incoterm: "FOB", IncotermPlace: "Keelung 基隆港"}
			req := Request{Kind: k, Shipments: []model.Shipment{*testShipment()}}
			_, text := renderText(t, o, req, testOptions(lang))
			label := noSpace(tr("incoterm", lang, false))
			if !strings.Contains(text, label+noSpace("FOB Keelung 基隆港 (Incoterms 2020)")) {
				t.Errorf("%s %s: the delivery terms are not printed:\n%s", lang, k, text)
			}
			o.DeliveryTerms = model.DeliveryTerms{}
			if _, text = renderText(t, o, req, testOptions(lang)); strings.Contains(text, label) {
				t.Errorf("%s %s: an order without an Incoterm prints %q", lang, k, tr("incoterm", lang, false))
			}
		}
	}
}
