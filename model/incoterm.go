package model

import "strings"

// Incoterms are the ICC's Incoterms 2020 rules, the delivery terms an
// export customer buys on: who carries the goods to where, and where the
// risk passes. Each is written with its named place ("FOB Keelung").
var Incoterms = []string{"EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"}

// incotermPlaces says which place each rule names: every Incoterms 2020
// rule names one (a place of delivery, of destination, a port of shipment
// or of destination), and without it the rule does not say where the goods
// are delivered.
var incotermPlaces = map[string]int{
	"EXW": placeOfDelivery, "FCA": placeOfDelivery,
	"CPT": placeOfDestination, "CIP": placeOfDestination, "DAP": placeOfDestination, "DPU": placeOfDestination, "DDP": placeOfDestination,
	"FAS": portOfShipment, "FOB": portOfShipment,
	"CFR": portOfDestination, "CIF": portOfDestination,
}

const (
	unknownIncoterm = iota
	placeOfDelivery
	placeOfDestination
	portOfShipment
	portOfDestination
)

// placeNeeded is the problem of a rule written without its named place.
func placeNeeded(code string) Msg {
	switch incotermPlaces[code] {
	case placeOfDelivery:
		return M("{{.Code}} needs the named place of delivery (for example {{.Code}} Taoyuan).", "Code", code)
	case placeOfDestination:
		return M("{{.Code}} needs the named place of destination (for example {{.Code}} Hamburg).", "Code", code)
	case portOfShipment:
		return M("{{.Code}} needs the named port of shipment (for example {{.Code}} Keelung).", "Code", code)
	}
	return M("{{.Code}} needs the named port of destination (for example {{.Code}} Rotterdam).", "Code", code)
}

// DeliveryTerms is an Incoterm with its named place, the customer's
// default or an order's own.
type DeliveryTerms struct {
	// Incoterm is the rule's three-letter code; empty when none is agreed
	// (a domestic customer).
	Incoterm string `gorm:"size:3;not null;default:''"`
	// IncotermPlace is the place the rule names (a port, a town, a warehouse).
	IncotermPlace string `gorm:"size:120;not null;default:''"`
}

// String returns "FOB Keelung", or "" when no Incoterm is agreed.
func (t DeliveryTerms) String() string {
	return strings.TrimSpace(t.Incoterm + " " + t.IncotermPlace)
}

func (t *DeliveryTerms) normalise() {
	t.Incoterm = strings.ToUpper(strings.TrimSpace(t.Incoterm))
	t.IncotermPlace = strings.TrimSpace(t.IncotermPlace)
}

// validate returns the problems of the terms, on the fields Incoterm and
// IncotermPlace.
func (t DeliveryTerms) validate() FieldErrors {
	var fe FieldErrors
	if t.Incoterm == "" {
		if t.IncotermPlace != "" {
			fe.Add("Incoterm", "Choose the Incoterm this named place goes with, or clear the place.")
		}
		return fe
	}
	switch {
	case incotermPlaces[t.Incoterm] == unknownIncoterm:
		fe.Add("Incoterm", "{{.Code}} is not an Incoterm. Use one of the Incoterms 2020 rules: {{.Codes}}.",
			"Code", t.Incoterm, "Codes", strings.Join(Incoterms, ", "))
	case t.IncotermPlace == "":
		fe = append(fe, FieldError{"IncotermPlace", placeNeeded(t.Incoterm)})
	}
	return fe
}
