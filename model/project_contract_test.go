package model

import (
	"errors"
	"strings"
	"testing"
)

// TestProjectsAreNotChargedToTheManagedServiceContract follows seed 001's
// rule on every path that sets a Project ticket's contract, its extension
// or its customer, or completes it: the customer's managed-service contract
// is refused at the contract field (whatever its spacing and case), any
// other contract is accepted, and other work may still be charged to it.
func TestProjectsAreNotChargedToTheManagedServiceContract(t *testing.T) {
	const refusal = "is the managed-service contract of B001"
	done := func(contract string) func(t *Ticket, c Ctx) error {
		return func(t *Ticket, c Ctx) error {
			return t.Complete(c, CompleteInput{Resolution: "done", ChargesChecked: true, ContractRef: contract, CustomerApproved: true})
		}
	}
	project := func(t *Ticket, c Ctx) error { return t.SetExtension(c, ExtProject, 0) }
	cases := []struct {
		name     string
		customer func(f *deskFixture) uint
		contract string // the ticket's contract when created
		steps    []func(f *deskFixture, tk *Ticket) (*Ticket, error)
		want     string // the problem at ContractRef after the last step; "" accepted
	}{
		{"completing a project on the managed contract", custB, "PRJ-2026-01",
			steps(project, done(" msc-b001 ")), refusal},
		{"completing a project on its own contract", custB, "PRJ-2026-01",
			steps(project, done("PRJ-2026-01")), ""},
		{"making a ticket on the managed contract a project", custB, "MSC-B001",
			steps(project), refusal},
		{"other work on the managed contract", custB, "MSC-B001",
			steps(done("MSC-B001")), ""},
		{"a project of a customer without a managed contract", custC, "MSC-B001",
			steps(project, done("MSC-B001")), ""},
		{"moving a project to the customer whose managed contract it names", custC, "MSC-B001",
			append(steps(project), func(f *deskFixture, tk *Ticket) (*Ticket, error) {
				in := tk.EditFrom()
				in.CustomerID = &f.custB.ID
				return f.s.EditTicket(f.ctx, f.clerk.Actor(), tk.ID, 0, in)
			}), refusal},
		{"a project stored on a contract that became managed is held, not completed", custB, "NEW-MSC",
			append(steps(project), func(f *deskFixture, tk *Ticket) (*Ticket, error) {
				f.setManaged(f.custB.ID, "new-msc")
				return f.onTicket(tk, func(t *Ticket, c Ctx) error { return t.Hold(c, c.Today().AddDays(7), "waiting") })
			}, step(done("NEW-MSC"))), "NEW-MSC is the managed-service contract of B001"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			f.setManaged(f.custB.ID, "MSC-B001")
			cust := tc.customer(f)
			tk, err := f.s.CreateTicket(f.ctx, f.clerk.Actor(), TicketInput{Type: "JOB", Subject: "rewinder line", CustomerID: &cust, ContractRef: tc.contract})
			if err != nil {
				t.Fatal(err)
			}
			for i, st := range tc.steps {
				next, err := st(f, tk)
				if i < len(tc.steps)-1 {
					if err != nil {
						t.Fatalf("step %d: %v", i+1, err)
					}
					tk = next
					continue
				}
				var fe FieldErrors
				switch {
				case tc.want == "" && err != nil:
					t.Fatalf("refused: %v", err)
				case tc.want != "" && !errors.As(err, &fe):
					t.Fatalf("got %v; want the problem %q at the contract", err, tc.want)
				case tc.want != "" && !strings.Contains(fe.For("ContractRef").String(), tc.want):
					t.Fatalf("the contract's problem is %q; want %q", fe.For("ContractRef"), tc.want)
				}
				if tc.want != "" {
					if got, _ := f.s.Ticket(f.ctx, tk.ID); got.Version != tk.Version {
						t.Errorf("the refused step was stored (version %d → %d)", tk.Version, got.Version)
					}
				}
			}
		})
	}
}

func custB(f *deskFixture) uint { return f.custB.ID }
func custC(f *deskFixture) uint { return f.custC.ID }

// step runs a ticket rule as the clerk.
func step(rule func(t *Ticket, c Ctx) error) func(f *deskFixture, tk *Ticket) (*Ticket, error) {
	return func(f *deskFixture, tk *Ticket) (*Ticket, error) { return f.onTicket(tk, rule) }
}

func steps(rules ...func(t *Ticket, c Ctx) error) []func(f *deskFixture, tk *Ticket) (*Ticket, error) {
	var out []func(f *deskFixture, tk *Ticket) (*Ticket, error)
	for _, r := range rules {
		out = append(out, step(r))
	}
	return out
}

// setManaged gives a customer a managed-service contract, as a manager.
func (f *deskFixture) setManaged(id uint, ref string) {
	f.t.Helper()
	c, err := f.s.Customer(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	c.ManagedContractRef = ref
	if err := f.s.SaveCustomer(f.ctx, f.super.Actor(), c); err != nil {
		f.t.Fatalf("set the managed-service contract: %v", err)
	}
}

// TestSameContract compares contract references as the rule does.
func TestSameContract(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"MSC-B001", "MSC-B001", true},
		{" msc-b001 ", "MSC-B001", true},
		{"MSC-B001", "MSC-B002", false},
		{"", "", false},
		{"  ", "", false},
	} {
		if got := SameContract(tc.a, tc.b); got != tc.want {
			t.Errorf("SameContract(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// TestManagedContractIsAManagersTermWithAnEvent: a clerk may not set a
// customer's managed-service contract; a manager may, and the customer's
// history says what it was and became.
func TestManagedContractIsAManagersTermWithAnEvent(t *testing.T) {
	f := newDesk(t)
	c, _ := f.s.Customer(f.ctx, f.custB.ID)
	c.ManagedContractRef = "MSC-B001"
	refusedWith(t, f.s.SaveCustomer(f.ctx, f.clerk.Actor(), c), "Only a manager may set or change a customer's managed-service contract.")
	c, _ = f.s.Customer(f.ctx, f.custB.ID)
	c.ManagedContractRef = " MSC-B001 "
	if err := f.s.SaveCustomer(f.ctx, f.super.Actor(), c); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Customer(f.ctx, f.custB.ID)
	if got.ManagedContractRef != "MSC-B001" {
		t.Errorf("stored %q", got.ManagedContractRef)
	}
	ev, err := f.s.EventsFor(f.ctx, "customer", f.custB.ID)
	if err != nil || len(ev) == 0 || !strings.Contains(ev[len(ev)-1].English(), "ManagedContractRef") || !strings.Contains(ev[len(ev)-1].English(), "MSC-B001") {
		t.Errorf("the customer's last event: %v (%v)", ev, err)
	}
	// A clerk still saves the customer's other fields.
	got.Phone = "02-2345-6789"
	if err := f.s.SaveCustomer(f.ctx, f.clerk.Actor(), got); err != nil {
		t.Errorf("a clerk changing the phone: %v", err)
	}
}
