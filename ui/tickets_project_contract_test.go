package ui

import (
	"context"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestBoardRefusesAProjectOnTheManagedServiceContract completes a Project
// ticket with the customer's managed-service contract: the model's refusal
// stands at the dialog's contract field and the ticket stays open; the
// project's own contract completes it (seed 001).
func TestBoardRefusesAProjectOnTheManagedServiceContract(t *testing.T) {
	b := newBoardTest(t)
	ctx := context.Background()
	cust, err := b.store.Customer(ctx, b.cust.ID)
	if err != nil {
		t.Fatal(err)
	}
	cust.ManagedContractRef = "MSC-B001"
	if err := b.store.SaveCustomer(ctx, b.boss.Actor(), cust); err != nil {
		t.Fatal(err)
	}
	tk, err := b.store.CreateTicket(ctx, b.clerk.Actor(), model.TicketInput{Type: "JOB", Subject: "rewinder line upgrade", CustomerID: &b.cust.ID, ContractRef: "PRJ-2026-01"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []ticketRule{b.inHouse, func(t *model.Ticket, c model.Ctx) error { return t.SetExtension(c, model.ExtProject, 0) }} {
		if tk, err = b.store.ApplyTicket(ctx, b.clerk.Actor(), tk.ID, 0, r); err != nil {
			t.Fatal(err)
		}
	}
	b.open()
	b.pickFirst(model.TicketInHouse)
	b.typeText("9")
	d := b.s.dialog
	if d == nil || d.to != model.TicketCompleted {
		t.Fatal("moving to Completed opened no dialog")
	}
	d.entries["Resolution"].SetText("new rewinder installed")
	d.checks["ChargesChecked"].SetChecked(true)
	d.entries["ContractRef"].SetText("msc-b001")
	d.submit()
	b.settle()
	want := "msc-b001 is the managed-service contract of B001 大同紙品行 Datong Paper: project work may not be charged to it."
	if got := d.form.Problem("ContractRef"); !strings.HasPrefix(got, want) {
		t.Errorf("the contract field says %q; want %q…", got, want)
	}
	if b.stored(tk.ID).Status != model.TicketInHouse || b.s.dialog != d {
		t.Fatal("the project was completed on the managed-service contract, or the dialog closed")
	}
	d.entries["ContractRef"].SetText("PRJ-2026-01")
	d.submit()
	b.settle()
	if got := b.stored(tk.ID); got.Status != model.TicketCompleted || got.ContractRef != "PRJ-2026-01" {
		t.Errorf("on its own contract: status %d, contract %q", got.Status, got.ContractRef)
	}
}
