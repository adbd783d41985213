package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/model"
)

func openStore(t *testing.T) *model.Store {
	t.Helper()
	s, err := model.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestDemoOffice checks the demo office holds what a new clerk needs to see
// every screen at work, and that a second start leaves it alone.
func TestDemoOffice(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	start := time.Now()
	if err := IfEmpty(ctx, s); err != nil {
		t.Fatal(err)
	}
	t.Logf("demo office created in %s", time.Since(start).Round(time.Millisecond))

	people, _ := s.Employees(ctx, false)
	customers, _ := s.Customers(ctx, model.ListFilter{})
	storedTeams, _ := s.Teams(ctx)
	office, _ := s.Office(ctx)
	all, _ := s.CountOrders(ctx, model.OrderFilter{View: model.ViewAll})
	counts := []struct {
		what      string
		got, want int
	}{
		{"people", len(people), len(staff)},
		{"customers", len(customers), len(companies)},
		{"teams", len(storedTeams), len(teams)},
		{"orders", all.N, Orders + 1}, // and the won quote's intake draft
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
	if office.CSSupervisorID == 0 || office.MarketingDirectorID == 0 {
		t.Errorf("the office names no CS supervisor or marketing director: %+v", office)
	}
	if office.Remittance == "" {
		t.Error("the office has no bank account: its balance notices would say nowhere to pay")
	}
	export, managed := 0, 0
	for _, c := range customers {
		if c.Incoterm != "" {
			export++
		}
		if c.ManagedContractRef != "" {
			managed++
		}
	}
	if managed == 0 {
		t.Error("no customer has a managed-service contract: the Project tickets' rule is never seen")
	}
	if export == 0 {
		t.Error("no customer buys on an Incoterm: the documents' delivery terms are never seen")
	}
	tiers := map[model.Tier]int{}
	for _, c := range customers {
		tiers[c.Tier]++
		if c.Fax == "" {
			t.Errorf("%s has no fax number: confirmations could not be faxed", c.Code)
		}
	}
	if tiers[model.TierA] == 0 || tiers[model.TierB] == 0 || tiers[model.TierC] == 0 {
		t.Errorf("every tier should have customers: %v", tiers)
	}
	for _, v := range []model.OrderView{model.ViewAwaitingSignBack, model.ViewOverdue, model.ViewClosed} {
		n, err := s.CountOrders(ctx, model.OrderFilter{View: v})
		if err != nil || n.N == 0 {
			t.Errorf("view %s: %d orders, %v; the demo should show every view at work", v, n.N, err)
		}
	}
	board, err := s.CountTicketsByStatus(ctx, model.TicketFilter{Statuses: model.TicketStatuses})
	if err != nil || board[model.TicketNew] == 0 || board[model.TicketOnSite]+board[model.TicketInProgress] == 0 || board[model.TicketHold] == 0 {
		t.Errorf("the ticket board should show work in several columns: %v %v", board, err)
	}
	for _, v := range []model.ShipmentView{model.ShipViewToShip, model.ShipViewInTransit, model.ShipViewAwaitReceipt} {
		if n, err := s.CountShipments(ctx, model.ShipmentFilter{View: v}); err != nil || n == 0 {
			t.Errorf("shipping view %s: %d, %v; the demo should show it at work", v, n, err)
		}
	}
	dash, err := s.ManagerDashboard(ctx)
	if err != nil || len(dash.People)+len(dash.Groups) == 0 {
		t.Errorf("the manager dashboard shows nothing past due: %+v %v", dash, err)
	}
	if dash.OverdueRMAs != 1 {
		t.Errorf("the manager dashboard shows %d overdue returns, want the demo's one", dash.OverdueRMAs)
	}
	rmas, err := s.RMAs(ctx, false)
	states := map[model.RMAState]int{}
	for _, r := range rmas {
		states[r.State]++
	}
	for _, st := range []model.RMAState{model.RMAOpened, model.RMAAuthorized, model.RMAReceived, model.RMAInspected, model.RMADecided, model.RMAClosed} {
		if err != nil || states[st] == 0 {
			t.Errorf("no demo return is %s (%v, %v): the Returns view should show every step at work", st, states, err)
		}
	}

	if err := IfEmpty(ctx, s); err != nil {
		t.Fatal(err)
	}
	again, _ := s.CountOrders(ctx, model.OrderFilter{View: model.ViewAll})
	if again.N != all.N {
		t.Errorf("a second start changed the data: %d orders, then %d", all.N, again.N)
	}
}

// TestDemoQuotesAndProject: the demo's Quote tickets have quoted lines and
// end each way — one won with its order linked both ways, one lost with its
// reason, one still open — and one Project ticket runs on its customer's
// own contract, not the managed-service one.
func TestDemoQuotesAndProject(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if err := Create(ctx, s, 40); err != nil {
		t.Fatal(err)
	}
	tickets, err := s.Tickets(ctx, model.TicketFilter{Statuses: model.TicketStatuses})
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[string]int{}
	projects := 0
	for _, tk := range tickets {
		if tk.Ext == model.ExtProject {
			projects++
			c, err := s.Customer(ctx, *tk.CustomerID)
			if err != nil || c.ManagedContractRef == "" || model.SameContract(tk.ContractRef, c.ManagedContractRef) || tk.ContractRef == "" {
				t.Errorf("Project %s: contract %q, customer's managed %q (%v)", tk.No, tk.ContractRef, c.ManagedContractRef, err)
			}
		}
		if tk.QuoteRev == 0 {
			continue
		}
		outcomes[tk.QuoteOutcome]++
		lines, err := s.QuoteLines(ctx, &tk)
		if err != nil || len(lines) == 0 {
			t.Errorf("quote %s has no quoted lines (%v)", tk.No, err)
		}
		switch tk.QuoteOutcome {
		case model.QuoteWon:
			o, err := s.Order(ctx, *tk.OrderID)
			if err != nil || o.QuoteTicketID == nil || *o.QuoteTicketID != tk.ID || len(o.Lines) != len(lines) || o.Lines[0].UnitPrice != lines[0].UnitPrice {
				t.Errorf("won quote %s: its order %+v (%v)", tk.No, o, err)
			}
		case model.QuoteLost:
			if tk.QuoteLostReason == "" {
				t.Errorf("lost quote %s says no reason", tk.No)
			}
		}
	}
	if outcomes[model.QuoteWon] != 1 || outcomes[model.QuoteLost] != 1 || outcomes[""] != 1 || projects != 1 {
		t.Errorf("the demo's quotes end %v and it has %d Project tickets; want one won, one lost, one open and one Project", outcomes, projects)
	}
}
