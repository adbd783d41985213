package model

import (
	"errors"
	"testing"
)

// TestDeliveryTermsValidate: a known Incoterms 2020 rule with its named
// place passes; an unknown code, a rule without its place and a place
// without a rule are refused on their own fields.
func TestDeliveryTermsValidate(t *testing.T) {
	for _, tc := range []struct {
		code, place string
		field       string // "" when valid
		want        string
	}{
		{"", "", "", ""},
		{"fob", " Keelung ", "", ""},
		{"EXW", "Taoyuan plant", "", ""},
		{"DDP", "Hamburg", "", ""},
		{"FOB", "", "IncotermPlace", "FOB needs the named port of shipment (for example FOB Keelung)."},
		{"CIF", "", "IncotermPlace", "CIF needs the named port of destination (for example CIF Rotterdam)."},
		{"EXW", "", "IncotermPlace", "EXW needs the named place of delivery (for example EXW Taoyuan)."},
		{"DAP", "", "IncotermPlace", "DAP needs the named place of destination (for example DAP Hamburg)."},
		{"FOT", "Keelung", "Incoterm", "FOT is not an Incoterm. Use one of the Incoterms 2020 rules: EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF."},
		{"DAT", "Keelung", "Incoterm", "DAT is not an Incoterm. Use one of the Incoterms 2020 rules: EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF."},
		{"", "Keelung", "Incoterm", "Choose the Incoterm this named place goes with, or clear the place."},
	} {
		d := DeliveryTerms{Incoterm: tc.code, IncotermPlace: tc.place}
		d.normalise()
		fe := d.validate()
		if tc.field == "" {
			if len(fe) > 0 {
				t.Errorf("%q %q: %v", tc.code, tc.place, fe)
			}
			continue
		}
		if len(fe) != 1 || fe[0].Field != tc.field || fe[0].Msg.String() != tc.want {
			t.Errorf("%q %q: %+v, want %s: %s", tc.code, tc.place, fe, tc.field, tc.want)
		}
	}
	if s := (DeliveryTerms{Incoterm: "FOB", IncotermPlace: "Keelung"}).String(); s != "FOB Keelung" {
		t.Errorf("String() = %q", s)
	}
}

// TestIncotermFromCustomerToOrder: a customer keeps a default Incoterm; the
// intake copies it onto a new order; the clerk changes the order's in the
// intake, which is kept and read back; a bad one is refused field by field
// on the customer and on the order.
func TestIncotermFromCustomerToOrder(t *testing.T) {
	f := newDesk(t)
	c := f.custC
	c.Incoterm, c.IncotermPlace = "fob", " Keelung "
	if err := f.s.SaveCustomer(f.ctx, f.super.Actor(), c); err != nil {
		t.Fatal(err)
	}
	c, _ = f.s.Customer(f.ctx, c.ID)
	if c.DeliveryTerms.String() != "FOB Keelung" {
		t.Fatalf("customer's terms read back %q", c.DeliveryTerms.String())
	}

	o := f.intake(c, 100)
	if o.DeliveryTerms.String() != "FOB Keelung" {
		t.Fatalf("order from the customer: %q", o.DeliveryTerms.String())
	}
	edited := *o
	edited.DeliveryTerms = DeliveryTerms{Incoterm: "cif", IncotermPlace: "Rotterdam"}
	if _, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), &edited); err != nil {
		t.Fatal(err)
	}
	o = f.reload(o)
	if o.DeliveryTerms.String() != "CIF Rotterdam" {
		t.Errorf("order's own terms read back %q", o.DeliveryTerms.String())
	}
	if c, _ = f.s.Customer(f.ctx, c.ID); c.DeliveryTerms.String() != "FOB Keelung" {
		t.Errorf("the order's change moved the customer's default: %q", c.DeliveryTerms.String())
	}

	bad := *o
	bad.DeliveryTerms = DeliveryTerms{Incoterm: "FOB"}
	_, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), &bad)
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.For("IncotermPlace").IsZero() {
		t.Errorf("order without a named place: %v", err)
	}
	c.Incoterm, c.IncotermPlace = "XYZ", "Keelung"
	err = f.s.SaveCustomer(f.ctx, f.super.Actor(), c)
	if !errors.As(err, &fe) || fe.For("Incoterm").IsZero() {
		t.Errorf("customer with an unknown code: %v", err)
	}
}
