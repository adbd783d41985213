package model

import (
	"slices"
	"strings"
	"testing"
)

// gateCase is one gate of "Who signs what": the order brought to it, and
// the rule that signs it with a given person.
type gateCase struct {
	name       string
	gate       SignOff
	ready      func(f *deskFixture) *Order
	sign       func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error
	eligible   func(f *deskFixture) *Employee
	ineligible func(f *deskFixture) []*Employee
}

func gateCases() []gateCase {
	released := func(f *deskFixture) *Order {
		return f.do(f.signBack(f.toConfirmationSent(f.intake(f.custA, 100))), func(o *Order, c Ctx) error {
			return o.ReleaseProduction(c, SignerOf(f.prod), false)
		})
	}
	inspected := func(f *deskFixture) *Order {
		return f.do(released(f), func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) })
	}
	return []gateCase{
		{name: "technical note → Technical", gate: SignOffTechnical,
			ready: func(f *deskFixture) *Order {
				return f.do(f.intake(f.custA, 100), func(o *Order, c Ctx) error { return o.Submit(c) })
			},
			sign: func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error {
				return func(o *Order, c Ctx) error {
					return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, Note: "ok", SignedBy: SignerOf(e)})
				}
			},
			eligible:   func(f *deskFixture) *Employee { return f.tech },
			ineligible: func(f *deskFixture) []*Employee { return []*Employee{f.clerk, f.prod, f.super} }},
		{name: "production date → Production", gate: SignOffProductionDate,
			ready: func(f *deskFixture) *Order {
				o := f.do(f.intake(f.custA, 100), func(o *Order, c Ctx) error { return o.Submit(c) })
				return f.do(o, func(o *Order, c Ctx) error {
					return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, Note: "ok", SignedBy: SignerOf(f.tech)})
				})
			},
			sign: func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error {
				return func(o *Order, c Ctx) error {
					return o.RecordProductionDate(c, ProductionDateInput{ProductionDate: c.Today(), FinishedDate: c.Today().AddDays(7), Qty: QtyOf(20), SignedBy: SignerOf(e)})
				}
			},
			eligible:   func(f *deskFixture) *Employee { return f.prod },
			ineligible: func(f *deskFixture) []*Employee { return []*Employee{f.clerk, f.tech} }},
		{name: "production order → Production", gate: SignOffProductionOrder,
			ready: func(f *deskFixture) *Order { return f.signBack(f.toConfirmationSent(f.intake(f.custA, 100))) },
			sign: func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error {
				return func(o *Order, c Ctx) error { return o.ReleaseProduction(c, SignerOf(e), false) }
			},
			eligible:   func(f *deskFixture) *Employee { return f.prod },
			ineligible: func(f *deskFixture) []*Employee { return []*Employee{f.clerk, f.qc} }},
		{name: "QC stock-in → QC", gate: SignOffQC, ready: released,
			sign: func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error {
				return func(o *Order, c Ctx) error {
					in := f.qcPass(o)
					in.Inspector = SignerOf(e)
					return o.RecordQC(c, in)
				}
			},
			eligible:   func(f *deskFixture) *Employee { return f.qc },
			ineligible: func(f *deskFixture) []*Employee { return []*Employee{f.clerk, f.prod} }},
		{name: "finance clearance → Finance", gate: SignOffFinance, ready: inspected,
			sign: func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error {
				return func(o *Order, c Ctx) error { return o.ClearFinance(c, SignerOf(e), "") }
			},
			eligible:   func(f *deskFixture) *Employee { return f.finance },
			ineligible: func(f *deskFixture) []*Employee { return []*Employee{f.clerk, f.super} }},
		{name: "emergency shipping → CS supervisor", gate: SignOffEmergency,
			ready: func(f *deskFixture) *Order { return f.toCleared(released(f)) },
			sign: func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error {
				return func(o *Order, c Ctx) error { return o.AuthoriseEmergencyShipping(c, SignerOf(e), "line down") }
			},
			eligible:   func(f *deskFixture) *Employee { return f.super },
			ineligible: func(f *deskFixture) []*Employee { return []*Employee{f.clerk, f.sales, f.director} }},
		{name: "off-price line → the order's salesperson", gate: SignOffPrice,
			ready: func(f *deskFixture) *Order {
				o := f.intake(f.custB, 10)
				o.Lines[1].UnitPrice = MoneyOf(2000)
				o, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), o)
				if err != nil {
					f.t.Fatal(err)
				}
				return f.do(o, func(o *Order, c Ctx) error { return o.Submit(c) })
			},
			sign: func(f *deskFixture, e *Employee) func(o *Order, c Ctx) error {
				return func(o *Order, c Ctx) error { return o.ConfirmPrice(c, 2, SignerOf(e), "") }
			},
			eligible:   func(f *deskFixture) *Employee { return f.sales },
			ineligible: func(f *deskFixture) []*Employee { return []*Employee{f.clerk, f.super, f.finance} }},
	}
}

// TestGateSignerMustBelongToItsDepartment signs each gate with people of
// other departments (refused, with a sentence) and with its own (accepted,
// the event keeping both the signer and the clerk who entered it).
func TestGateSignerMustBelongToItsDepartment(t *testing.T) {
	for _, tc := range gateCases() {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			o := tc.ready(f)
			for _, who := range tc.ineligible(f) {
				err := f.try(o, tc.sign(f, who))
				if got := refusal(t, err); got == "" {
					t.Errorf("%s signed %s", who.Name, tc.gate)
				}
			}
			outsider := Signer{Name: "a visitor"}
			c, _ := f.s.RuleCtx(f.ctx, f.clerk.Actor())
			if c.MaySign(tc.gate, o, outsider) == nil {
				t.Errorf("someone not on the staff may sign %s", tc.gate)
			}
			signer := tc.eligible(f)
			got := f.do(o, tc.sign(f, signer))
			ev := f.events(got)
			last := ev[len(ev)-1]
			for _, e := range ev {
				if strings.Contains(e.English(), "entered at the desk") {
					last = e
				}
			}
			if last.By != f.clerk.Name || !strings.Contains(last.English(), signer.Name) ||
				!strings.Contains(last.English(), "entered at the desk by "+f.clerk.Name) {
				t.Errorf("event by %q: %q; want the signer %s and the clerk %s", last.By, last.English(), signer.Name, f.clerk.Name)
			}
			eligible, err := f.s.EligibleSigners(f.ctx, tc.gate, o)
			if err != nil {
				t.Fatal(err)
			}
			names := make([]string, len(eligible))
			for i, e := range eligible {
				names[i] = e.Name
			}
			if !slices.Contains(names, signer.Name) {
				t.Errorf("eligible %v lacks %s", names, signer.Name)
			}
			for _, who := range tc.ineligible(f) {
				if slices.Contains(names, who.Name) {
					t.Errorf("eligible %v offers %s", names, who.Name)
				}
			}
		})
	}
}

// TestNoEmergencyShippingWithoutACSSupervisor: an office that names no CS
// supervisor has nobody who may authorise shipping before the paperwork,
// so the order does not offer it, saying why.
func TestNoEmergencyShippingWithoutACSSupervisor(t *testing.T) {
	f := newDesk(t)
	var ready *Order
	for _, tc := range gateCases() {
		if tc.gate == SignOffEmergency {
			ready = tc.ready(f)
		}
	}
	o := ready
	office, err := f.s.Office(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	office.CSSupervisorID = 0
	if err := f.s.SaveOffice(f.ctx, f.super.Actor(), office); err != nil {
		t.Fatal(err)
	}
	c, err := f.s.RuleCtx(f.ctx, f.clerk.Actor())
	if err != nil {
		t.Fatal(err)
	}
	if got := refusal(t, o.Allowed(DoEmergency, c)); got != "No CS supervisor is named in the office settings: a manager must name one first." {
		t.Errorf("emergency shipping without a CS supervisor: %q", got)
	}
}

// TestPresetSignerIsTheEligiblePersonAtTheDesk: for every gate the picker
// shows the person at the desk chosen when they may sign it, and nobody
// when they may not (not the gate's only eligible person, not the
// salesperson).
func TestPresetSignerIsTheEligiblePersonAtTheDesk(t *testing.T) {
	for _, tc := range gateCases() {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			o := tc.ready(f)
			signer := tc.eligible(f)
			c, err := f.s.RuleCtx(f.ctx, signer.Actor())
			if err != nil {
				t.Fatal(err)
			}
			if got := c.PresetSigner(tc.gate, o); got != signer.ID {
				t.Errorf("%s at the desk: preset %d, want themselves (%d)", signer.Name, got, signer.ID)
			}
			for _, who := range tc.ineligible(f) {
				c, _ := f.s.RuleCtx(f.ctx, who.Actor())
				if got := c.PresetSigner(tc.gate, o); got != 0 {
					t.Errorf("%s at the desk: preset %d, want nobody", who.Name, got)
				}
			}
		})
	}
}

// TestGateGroupsAreOfficeSettings points the technical note at another group
// by its code: its people sign, the old department no longer does.
func TestGateGroupsAreOfficeSettings(t *testing.T) {
	f := newDesk(t)
	f.group("LAB", f.qc)
	office, _ := f.s.Office(f.ctx)
	office.SignOffGroups[SignOffTechnical] = "LAB"
	if err := f.s.SaveOffice(f.ctx, f.super.Actor(), office); err != nil {
		t.Fatal(err)
	}
	o := f.do(f.intake(f.custA, 100), func(o *Order, c Ctx) error { return o.Submit(c) })
	tech := func(e *Employee) func(o *Order, c Ctx) error {
		return func(o *Order, c Ctx) error {
			return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, Note: "ok", SignedBy: SignerOf(e)})
		}
	}
	if got := refusal(t, f.try(o, tech(f.tech))); !strings.Contains(got, "not in group LAB") {
		t.Errorf("TECH signing after the move: %q", got)
	}
	f.do(o, tech(f.qc))
}
