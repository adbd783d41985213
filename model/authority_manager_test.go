package model

import (
	"strings"
	"testing"
)

// TestOnlyAManagerChangesTermsRightsAndSettings tries each change reserved
// for a manager as a clerk (refused with a sentence) and as a manager (done),
// and a manager granting themselves a group or role (refused while another
// manager could do it).
func TestOnlyAManagerChangesTermsRightsAndSettings(t *testing.T) {
	cases := []struct {
		name   string
		change func(f *deskFixture, by *Employee) error
		want   string // the start of the clerk's refusal
	}{
		{"customer tier", func(f *deskFixture, by *Employee) error {
			c, _ := f.s.Customer(f.ctx, f.custC.ID)
			c.Tier = TierA
			return f.s.SaveCustomer(f.ctx, by.Actor(), c)
		}, "Only a manager may set or change a customer's tier"},
		{"deposit rate", func(f *deskFixture, by *Employee) error {
			c, _ := f.s.Customer(f.ctx, f.custB.ID)
			c.DepositPercent = 0
			return f.s.SaveCustomer(f.ctx, by.Actor(), c)
		}, "Only a manager may set or change a customer's tier"},
		{"payment terms", func(f *deskFixture, by *Employee) error {
			c, _ := f.s.Customer(f.ctx, f.custB.ID)
			c.PaymentTerms = "月結120天"
			return f.s.SaveCustomer(f.ctx, by.Actor(), c)
		}, "Only a manager may set or change a customer's tier"},
		{"new customer as tier A", func(f *deskFixture, by *Employee) error {
			c := NewCustomer()
			c.Code, c.NameZH, c.Tier, c.Fax = "A777", "新客戶", TierA, "02-2345-6789"
			return f.s.SaveCustomer(f.ctx, by.Actor(), c)
		}, "Only a manager may set or change a customer's tier"},
		{"price plan", func(f *deskFixture, by *Employee) error {
			p := &Price{ProductID: f.paper.ID, UnitPrice: MoneyOf(1), ValidFrom: NewDate(2027, 1, 1)}
			return f.s.SavePrice(f.ctx, by.Actor(), p)
		}, "Only a manager may change a price plan."},
		{"manager flag", func(f *deskFixture, by *Employee) error {
			e, _ := f.s.Employee(f.ctx, f.tech.ID)
			e.Manager = true
			return f.s.SaveEmployee(f.ctx, by.Actor(), e)
		}, "Only a manager may add or change people"},
		{"group members", func(f *deskFixture, by *Employee) error {
			g, _ := f.s.GroupByCode(f.ctx, "FIN")
			return f.s.SetGroupMembers(f.ctx, by.Actor(), g.ID, []uint{f.finance.ID, f.sales.ID})
		}, "Only a manager may add or change people"},
		{"team roles", func(f *deskFixture, by *Employee) error {
			team := &Team{Code: "POD-" + by.Initials, Name: "Pod", Kind: TeamPod, Active: true}
			if err := f.s.SaveTeam(f.ctx, f.super.Actor(), team); err != nil {
				return err
			}
			m := &TeamMember{TeamID: team.ID, EmployeeID: f.sales.ID, Roles: "Order processing"}
			return f.s.SaveTeamMember(f.ctx, by.Actor(), m)
		}, "Only a manager may put people in a team"},
		{"office settings", func(f *deskFixture, by *Employee) error {
			o, _ := f.s.Office(f.ctx)
			o.SignOffGroups[SignOffFinance] = "CS"
			return f.s.SaveOffice(f.ctx, by.Actor(), o)
		}, "Only a manager may change the office settings."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			if got := refusal(t, tc.change(f, f.clerk)); !strings.HasPrefix(got, tc.want) {
				t.Errorf("clerk: %q, want %q…", got, tc.want)
			}
			if err := tc.change(f, f.super); err != nil {
				t.Errorf("manager: %v", err)
			}
		})
	}
}

// TestNobodyGrantsThemselves: a manager may not put themselves in a
// department or a team while another manager could.
func TestNobodyGrantsThemselves(t *testing.T) {
	f := newDesk(t)
	fin, _ := f.s.GroupByCode(f.ctx, "FIN")
	err := f.s.SetGroupMembers(f.ctx, f.super.Actor(), fin.ID, []uint{f.finance.ID, f.super.ID})
	if got := refusal(t, err); !strings.HasPrefix(got, "Nobody grants themselves") {
		t.Errorf("manager joining finance: %q", got)
	}
	team := &Team{Code: "POD1", Name: "Pod 1", Kind: TeamPod, Active: true}
	if err := f.s.SaveTeam(f.ctx, f.super.Actor(), team); err != nil {
		t.Fatal(err)
	}
	err = f.s.SaveTeamMember(f.ctx, f.super.Actor(), &TeamMember{TeamID: team.ID, EmployeeID: f.super.ID, Roles: "Lead"})
	if got := refusal(t, err); !strings.HasPrefix(got, "Nobody grants themselves") {
		t.Errorf("manager giving herself a role: %q", got)
	}
	if err := f.s.SetGroupMembers(f.ctx, f.director.Actor(), fin.ID, []uint{f.finance.ID, f.super.ID}); err != nil {
		t.Errorf("another manager: %v", err)
	}
}
