package reports

import (
	"strings"
	"testing"

	"orderdesk/model"
)

// TestForeignCustomerAndTaxWording: a customer without a tax ID (a foreign
// one) prints its code alone, not "C0042 /" as if the ID were lost; the
// total says "tax included, business tax 5%" without a parenthesis inside
// a parenthesis.
func TestForeignCustomerAndTaxWording(t *testing.T) {
	for _, lang := range []string{model.LangZH, model.LangEN} {
		o := testOrder(2, lang)
		o.Customer.TaxID = ""
		opt := testOptions(lang)
		opt.PricesIncludeTax = true
		_, text := renderText(t, o, Request{Kind: KindConfirmation}, opt)
		if strings.Contains(text, noSpace(o.Customer.Code+" /")) {
			t.Errorf("%s: the code of a customer without a tax ID is followed by a slash", lang)
		}
		if want := noSpace(tr("total", lang, false) + " (" + trf("tax_included", lang, false, 5) + ")"); !strings.Contains(text, want) ||
			strings.Contains(text, "))") || strings.Contains(text, "）)") {
			t.Errorf("%s: the total's tax wording is not %q:\n%s", lang, want, text)
		}
	}
}
