package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestFreshOfficeRunsAnOrderThroughEveryGate is issue 16's "done when": a
// fresh install sets up a real office with no demo data on the command
// line, adds its people, a customer and a product, and runs one order
// through every gate to delivered (closed), each signed gate by the right
// department through `orders step`, each refused to a person of the wrong
// one; and a clerk cannot raise her own rights by the CLI, the People CSV
// import or the model.
//
// The CLI has no command to name the CS supervisor, take an order, or
// record the steps that are no department's signature (submit, the
// confirmation and its fax, the sign-back, payments, production progress,
// the balance notice, the shipment request, the shipment and its arrival):
// those run through the model, as the window would call it.
func TestFreshOfficeRunsAnOrderThroughEveryGate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	ctx := context.Background()
	run := func(password string, code int, want string, args ...string) {
		t.Helper()
		t.Setenv(PasswordEnv, password)
		env, out, errOut := testEnv()
		got := Run(ctx, env, append(args, "-db", db))
		all := out.String() + errOut.String()
		if got != code || !strings.Contains(all, want) {
			t.Fatalf("%v: exit %d, output:\n%s\nwant exit %d and %q", args, got, all, code, want)
		}
	}
	file := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// withStore runs model steps on the office, closed again before the
	// next command opens it.
	withStore := func(do func(s *model.Store)) {
		t.Helper()
		s, err := model.Open(ctx, db, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		do(s)
	}

	const boss, clerk = "boss-pass", "yc-pass"
	run(boss, 0, "as its manager", "office", "init", "-name", "Acme Paper", "-manager", "AB", "-manager-name", "Ann Boss")
	for _, p := range [][]string{
		{"YC", "Chen Yi-chun", "CS"}, {"ML", "Wang Mei-ling", "CS"}, {"CH", "Lin Chih-hao", "SALES"},
		{"TM", "Tsai Ming", "TECH"}, {"PA", "Pan Ai", "PROD"}, {"LH", "Liu Hsin", "QC"},
		{"MA", "Marcy Au", "FIN"}, {"SW", "Shih Wei", "SHIP"},
	} {
		run(boss, 0, p[1]+" ("+p[0]+") added", "people", "add", p[0], "-name", p[1], "-groups", p[2], "-as", "AB")
	}
	run(boss, 0, "changed", "people", "password", "YC", "-new", clerk, "-as", "AB")
	var orderNo string
	withStore(func(s *model.Store) {
		people, _ := s.Employees(ctx, true)
		if orders, _ := s.CountOrders(ctx, model.OrderFilter{View: model.ViewAll}); len(people) != 9 || orders.N != 0 {
			t.Fatalf("the new office has %d people and %d orders", len(people), orders.N)
		}
		// The CS supervisor is an office setting; no command names one.
		office, _ := s.Office(ctx)
		ml, _ := s.EmployeeByName(ctx, "ML")
		office.CSSupervisorID = ml.ID
		ab, _ := s.EmployeeByName(ctx, "AB")
		if err := s.SaveOffice(ctx, ab.Actor(), office); err != nil {
			t.Fatal(err)
		}
	})

	run(boss, 0, "1 customers imported", "import", "customers", file("customers.csv",
		"code,name_zh,tier,deposit_percent,payment_terms,salesperson,phone,fax,billing_address\n"+
			"C001,太平洋紙業,C,30,月結30天,CH,02-2345-6788,02-2345-6789,台北市中山區南京東路二段100號\n"), "-as", "AB")
	run(boss, 0, "1 products imported", "import", "products", file("products.csv",
		"code,name_zh,width_mm,grammage,length_m,core_mm,unit\nWF-80-1060,道林紙 80g,1060,80,6000,76,roll\n"), "-as", "AB")
	run(boss, 0, "1 prices imported", "import", "prices", file("prices.csv",
		"product,unit_price,valid_from,valid_to\nWF-80-1060,2500,2020-01-01,2099-12-31\n"), "-as", "AB")

	// The clerk takes the order by phone, 10% over the price plan, and
	// submits it; the customer's contact who signs is on file.
	withStore(func(s *model.Store) {
		yc, _ := s.EmployeeByName(ctx, "YC")
		cust, err := s.CustomerByCode(ctx, "C001")
		if err != nil {
			t.Fatal(err)
		}
		signer := &model.Contact{CustomerID: &cust.ID, Name: "林經理", CanSign: true, Active: true}
		if err := s.SaveContact(ctx, yc.Actor(), signer); err != nil {
			t.Fatal(err)
		}
		products, _ := s.Products(ctx, model.ListFilter{})
		contacts, _ := s.ContactsOf(ctx, cust.ID)
		o := model.NewOrderFor(cust, contacts, model.ChannelPhone, s.Now())
		tol := 5
		o.TolerancePct, o.Packaging, o.RequestedDate = &tol, "棧板包裝", s.Today().AddDays(30)
		o.Memo = "林經理來電訂道林紙"
		o.Lines = []model.OrderLine{{ProductID: products[0].ID, Qty: model.QtyOf(200), Unit: "roll", UnitPrice: model.MoneyOf(2750)}}
		if err := s.CreateOrder(ctx, yc.Actor(), o); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Apply(ctx, yc.Actor(), o.ID, 0, func(o *model.Order, c model.Ctx) error { return o.Submit(c) }); err != nil {
			t.Fatal(err)
		}
		orderNo = o.No
	})

	// Each signed gate: refused to the wrong person, then signed by the
	// right one, entered by the clerk at her desk.
	step := func(gate, wrong, right, refusal string, flags ...string) {
		t.Helper()
		args := append([]string{"orders", "step", orderNo, gate}, flags...)
		run(clerk, 1, refusal, append(args, "-signer", wrong, "-as", "YC")...)
		run(clerk, 0, "entered by Chen Yi-chun", append(args, "-signer", right, "-as", "YC")...)
	}
	step("confirm_price", "YC", "CH", "The order's salesperson confirms a price")
	step("technical_check", "PA", "TM", "Pan Ai is not in group TECH", "-note", "原紙庫存足夠")
	today := ""
	withStore(func(s *model.Store) { today = s.Today().String() })
	step("production_date", "TM", "PA", "Tsai Ming is not in group PROD", "-production", today, "-finished", today, "-qty", "200")
	withStore(func(s *model.Store) {
		yc, _ := s.EmployeeByName(ctx, "YC")
		o, _ := s.OrderByNo(ctx, orderNo)
		for _, rule := range []func(o *model.Order, c model.Ctx) error{
			func(o *model.Order, c model.Ctx) error { return o.IssueConfirmation(c, "") },
			func(o *model.Order, c model.Ctx) error { return o.RecordFaxSent(c) },
			func(o *model.Order, c model.Ctx) error {
				contacts, _ := s.ContactsOf(ctx, o.CustomerID)
				return o.RecordSignBack(c, model.SignBackInput{Contact: &contacts[0]})
			},
			func(o *model.Order, c model.Ctx) error {
				return o.RecordPayment(c, model.PaymentDeposit, o.DepositDue, c.Today(), "TT-1")
			},
		} {
			var err error
			if o, err = s.Apply(ctx, yc.Actor(), o.ID, o.Version, rule); err != nil {
				t.Fatalf("order %s at %s: %v", orderNo, o.State, err)
			}
		}
	})
	step("release", "LH", "PA", "Liu Hsin is not in group PROD", "-copy-tech")
	withStore(func(s *model.Store) {
		yc, _ := s.EmployeeByName(ctx, "YC")
		o, _ := s.OrderByNo(ctx, orderNo)
		if _, err := s.Apply(ctx, yc.Actor(), o.ID, o.Version, func(o *model.Order, c model.Ctx) error {
			return o.RecordProgress(c, c.Today(), model.QtyOf(200), true, "復卷完成")
		}); err != nil {
			t.Fatal(err)
		}
	})
	run(clerk, 1, "-qty \"9=5\"", "orders", "step", orderNo, "qc", "-qty", "9=5", "-signer", "LH", "-as", "YC")
	step("qc", "PA", "LH", "Pan Ai is not in group QC", "-qty", "1=198")
	withStore(func(s *model.Store) {
		yc, _ := s.EmployeeByName(ctx, "YC")
		o, _ := s.OrderByNo(ctx, orderNo)
		if o.State != model.StateInspected || o.Lines[0].ProducedQty != model.QtyOf(198) {
			t.Fatalf("after QC the order is %s with %s produced", o.State, o.Lines[0].ProducedQty)
		}
		for _, rule := range []func(o *model.Order, c model.Ctx) error{
			func(o *model.Order, c model.Ctx) error { return o.IssueBalanceNotice(c) },
			func(o *model.Order, c model.Ctx) error {
				return o.RecordPayment(c, model.PaymentBalance, o.BalanceDue(), c.Today(), "TT-2")
			},
		} {
			var err error
			if o, err = s.Apply(ctx, yc.Actor(), o.ID, o.Version, rule); err != nil {
				t.Fatalf("order %s at %s: %v", orderNo, o.State, err)
			}
		}
	})
	step("finance", "YC", "MA", "Chen Yi-chun is not in group FIN")
	step("emergency", "YC", "ML", "Only the CS supervisor may authorise shipping before the paperwork", "-note", "the customer's line stops on Monday")

	// The shipment request, the shipment and its arrival close the order.
	withStore(func(s *model.Store) {
		yc, _ := s.EmployeeByName(ctx, "YC")
		sw, _ := s.EmployeeByName(ctx, "SW")
		o, _ := s.OrderByNo(ctx, orderNo)
		o, err := s.IssueShipmentRequest(ctx, yc.Actor(), o.ID, o.Version, model.ShipmentRequestInput{
			ShipTo: "台北市中山區南京東路二段100號", Receiver: "林經理", Phone: "02-2345-6788", Checked: true})
		if err != nil {
			t.Fatal(err)
		}
		sh, err := s.CreateShipment(ctx, sw.Actor(), model.ShipmentInput{OrderID: o.ID, Lines: map[int]model.Qty{1: model.QtyOf(198)},
			Carrier: "新竹物流", TrackingNo: "HCT-1", Packages: 2, WeightKg: model.QtyOf(800), ShipDate: s.Today()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RecordArrival(ctx, yc.Actor(), sh.ID, sh.Version, model.ArrivalInput{ArrivedOn: s.Today(), ReceiptSignedBy: "林經理"}); err != nil {
			t.Fatal(err)
		}
		o, _ = s.OrderByNo(ctx, orderNo)
		if o.State != model.StateDelivered || o.Open {
			t.Fatalf("after the arrival the order is %s (open %t)", o.State, o.Open)
		}
		// Each signature names its signer, entered by the clerk.
		events, _ := s.EventsFor(ctx, "order", o.ID)
		var history []string
		for _, e := range events {
			history = append(history, e.By+": "+e.English())
		}
		for _, want := range []string{"confirmed by Lin Chih-hao", "Tsai Ming", "Pan Ai", "inspector Liu Hsin", "cleared by Marcy Au", "Wang Mei-ling"} {
			if !strings.Contains(strings.Join(history, "\n"), want) {
				t.Errorf("the order's history does not name %q:\n%s", want, strings.Join(history, "\n"))
			}
		}
	})

	// The clerk cannot raise her own rights: not by the CLI, not by the
	// People CSV import, not by the model.
	run(clerk, 1, "Only a manager", "people", "add", "Y2", "-name", "Yi-chun Again", "-manager", "-as", "YC")
	run(clerk, 1, "Only a manager", "groups", "deactivate", "MKT", "-as", "YC")
	run(clerk, 1, "Only a manager", "people", "import", file("me.csv",
		"code,name,groups,roles,manager\nYC,Chen Yi-chun,\"CS,FIN\",CS supervisor,yes\n"), "-as", "YC")
	withStore(func(s *model.Store) {
		yc, _ := s.EmployeeByName(ctx, "YC")
		fin, _ := s.GroupByCode(ctx, "FIN")
		me := *yc
		me.Manager = true
		me.SetRoles([]string{"CS supervisor"})
		for _, err := range []error{
			s.SaveEmployee(ctx, yc.Actor(), &me),
			s.SaveEmployeeWithGroups(ctx, yc.Actor(), yc, []uint{fin.ID}),
			s.SetGroupMembers(ctx, yc.Actor(), fin.ID, []uint{yc.ID}),
		} {
			var r *model.Refusal
			if !errors.As(err, &r) {
				t.Errorf("the clerk raised her own rights in the model: %v", err)
			}
		}
		after, _ := s.EmployeeByName(ctx, "YC")
		groups, _ := s.GroupsOf(ctx, yc.ID)
		if after.Manager || after.Roles != "" || len(groups) != 1 || groups[0].Code != "CS" {
			t.Errorf("the clerk after her tries: manager %t, roles %q, groups %v", after.Manager, after.Roles, groups)
		}
	})
}
