package model

import (
	"context"
	"testing"
	"time"
)

// deskFixture is a small office with every role seed 002 names, one customer
// of each tier, and products with prices — enough to walk an order through
// the whole procedure.
type deskFixture struct {
	t                    testing.TB
	s                    *Store
	clock                *fixedClock
	ctx                  context.Context
	clerk, sales, super  *Employee
	director, tech, prod *Employee
	qc, finance          *Employee
	custA, custB, custC  *Customer
	signer               map[uint]*Contact // each customer's contact allowed to sign
	paper, kraft         *Product
}

func newDesk(t testing.TB) *deskFixture {
	t.Helper()
	s, clock := openTestStore(t)
	f := &deskFixture{t: t, s: s, clock: clock, ctx: context.Background(), signer: map[uint]*Contact{}}
	f.clerk = clerk(t, s, "Chen Yi-chun", "YC", false)
	f.sales = clerk(t, s, "Lin Chih-hao", "CH", false)
	f.super = clerk(t, s, "Wang Mei-ling", "ML", true)
	f.director = clerk(t, s, "Huang Kuo-wei", "KW", true)
	f.tech = clerk(t, s, "Tsai Ming", "TM", false)
	f.prod = clerk(t, s, "Aaron", "AA", false)
	f.qc = clerk(t, s, "Liu Hsin", "LH", false)
	f.finance = clerk(t, s, "Marcy", "MA", false)

	office := DefaultOffice()
	office.CSSupervisorID, office.MarketingDirectorID = f.super.ID, f.director.ID
	if err := s.SaveOffice(f.ctx, f.super.Actor(), office); err != nil {
		t.Fatalf("office: %v", err)
	}
	// The departments that sign the gates, by the codes the office settings name.
	for code, who := range map[string]*Employee{"TECH": f.tech, "PROD": f.prod, "QC": f.qc, "FIN": f.finance} {
		f.group(code, who)
	}
	f.custA = f.customer("A001", "金鼎印刷", TierA, 0)
	f.custB = f.customer("B001", "大同紙品行", TierB, 30)
	f.custC = f.customer("C001", "Pacific Pulp Trading", TierC, 50)
	f.paper = f.product("WF-80-1060", "道林紙 80g", 1060, 80)
	f.kraft = f.product("KR-120-900", "牛皮紙 120g", 900, 120)
	for _, p := range []*Product{f.paper, f.kraft} {
		price := &Price{ProductID: p.ID, UnitPrice: MoneyOf(2500), ValidFrom: NewDate(2026, 1, 1), ValidTo: NewDate(2026, 12, 31)}
		if err := s.SavePrice(f.ctx, f.super.Actor(), price); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// group makes a work group with the given members.
func (f *deskFixture) group(code string, members ...*Employee) *Group {
	f.t.Helper()
	g := &Group{Code: code, Name: "Group " + code, Active: true}
	if err := f.s.SaveGroup(f.ctx, f.super.Actor(), g); err != nil {
		f.t.Fatalf("group %s: %v", code, err)
	}
	ids := make([]uint, len(members))
	for i, e := range members {
		ids[i] = e.ID
	}
	if err := f.s.SetGroupMembers(f.ctx, f.super.Actor(), g.ID, ids); err != nil {
		f.t.Fatalf("members of %s: %v", code, err)
	}
	return g
}

func (f *deskFixture) customer(code, name string, tier Tier, deposit int) *Customer {
	c := NewCustomer()
	c.Code, c.Tier, c.DepositPercent, c.SalespersonID = code, tier, deposit, &f.sales.ID
	c.NameZH = name
	c.Fax, c.Phone, c.PaymentTerms = "02-2345-6789", "02-2345-6788", "月結30天"
	c.BillingAddress = "台北市中山區南京東路二段100號"
	if err := f.s.SaveCustomer(f.ctx, f.super.Actor(), c); err != nil {
		f.t.Fatalf("customer %s: %v", code, err)
	}
	signer := &Contact{CustomerID: &c.ID, Name: "林經理 " + code, CanSign: true, Active: true}
	other := &Contact{CustomerID: &c.ID, Name: "助理 " + code, CanSign: false, Active: true}
	for _, ct := range []*Contact{signer, other} {
		if err := f.s.SaveContact(f.ctx, f.super.Actor(), ct); err != nil {
			f.t.Fatal(err)
		}
	}
	f.signer[c.ID] = signer
	c, _ = f.s.Customer(f.ctx, c.ID)
	return c
}

func (f *deskFixture) product(code, name string, width, grammage int) *Product {
	p := NewProduct()
	p.Code, p.NameZH, p.WidthMM, p.Grammage, p.LengthM, p.CoreMM = code, name, width, grammage, 6000, 76
	if err := f.s.SaveProduct(f.ctx, f.super.Actor(), p); err != nil {
		f.t.Fatal(err)
	}
	return p
}

// intake creates a complete phone order for c with one line per product at the plan price.
func (f *deskFixture) intake(c *Customer, qty int64) *Order {
	f.t.Helper()
	contacts, _ := f.s.ContactsOf(f.ctx, c.ID)
	o := NewOrderFor(c, contacts, ChannelPhone, f.clock.Now())
	tol := 5
	o.TolerancePct, o.Packaging, o.RequestedDate = &tol, "棧板包裝 / pallet, stretch-wrapped", NewDate(2026, 12, 15)
	o.Memo = "林經理來電訂道林紙與牛皮紙"
	for _, p := range []*Product{f.paper, f.kraft} {
		o.Lines = append(o.Lines, OrderLine{ProductID: p.ID, Qty: QtyOf(qty), Unit: "roll", UnitPrice: MoneyOf(2500)})
	}
	if err := f.s.CreateOrder(f.ctx, f.clerk.Actor(), o); err != nil {
		f.t.Fatalf("create order: %v", err)
	}
	return f.reload(o)
}

func (f *deskFixture) reload(o *Order) *Order {
	f.t.Helper()
	got, err := f.s.Order(f.ctx, o.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return got
}

// do runs a rule as the clerk and fails the test if it is refused.
func (f *deskFixture) do(o *Order, rule func(o *Order, c Ctx) error) *Order {
	f.t.Helper()
	got, err := f.s.Apply(f.ctx, f.clerk.Actor(), o.ID, o.Version, rule)
	if err != nil {
		f.t.Fatalf("%s: %v", o.No, err)
	}
	return got
}

// try runs a rule as the clerk and returns its refusal.
func (f *deskFixture) try(o *Order, rule func(o *Order, c Ctx) error) error {
	_, err := f.s.Apply(f.ctx, f.clerk.Actor(), o.ID, 0, rule)
	return err
}

// toConfirmationSent walks an order through checking to a faxed confirmation.
func (f *deskFixture) toConfirmationSent(o *Order) *Order {
	f.t.Helper()
	o = f.do(o, func(o *Order, c Ctx) error { return o.Submit(c) })
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordTechnicalCheck(c, TechnicalInput{CanProduce: true, MaterialInStock: true,
			Note: "原紙庫存足夠 raw paper in stock", SignedBy: SignerOf(f.tech)})
	})
	o = f.do(o, func(o *Order, c Ctx) error {
		return o.RecordProductionDate(c, ProductionDateInput{ProductionDate: f.today().AddDays(3),
			FinishedDate: f.today().AddDays(10), Qty: QtyOf(200), SignedBy: SignerOf(f.prod)})
	})
	o = f.do(o, func(o *Order, c Ctx) error { return o.IssueConfirmation(c, "") })
	return f.do(o, func(o *Order, c Ctx) error { return o.RecordFaxSent(c) })
}

func (f *deskFixture) signBack(o *Order) *Order {
	f.t.Helper()
	return f.do(o, func(o *Order, c Ctx) error {
		return o.RecordSignBack(c, SignBackInput{Contact: f.signer[o.CustomerID]})
	})
}

func (f *deskFixture) today() Date { return f.s.Today() }

// toCleared walks a released order through production, QC and finance.
func (f *deskFixture) toCleared(o *Order) *Order {
	f.t.Helper()
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordProgress(c, c.Today(), QtyOf(100), true, "復卷完成") })
	o = f.do(o, func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) })
	if o.Tier() != TierA && o.BalanceDue() > 0 {
		o = f.do(o, func(o *Order, c Ctx) error { return o.IssueBalanceNotice(c) })
		o = f.do(o, func(o *Order, c Ctx) error {
			return o.RecordPayment(c, PaymentBalance, o.BalanceDue(), c.Today(), "TT-778")
		})
	}
	return f.do(o, func(o *Order, c Ctx) error { return o.ClearFinance(c, SignerOf(f.finance), "") })
}

func (f *deskFixture) qcPass(o *Order) QCInput {
	in := QCInput{Produced: map[int]Qty{}, QuantityOK: true, PackagingOK: true, LabelsOK: true, Inspector: SignerOf(f.qc)}
	for _, l := range o.Lines {
		in.Produced[l.LineNo] = l.Qty
	}
	return in
}

func (f *deskFixture) events(o *Order) []Event {
	ev, err := f.s.EventsFor(f.ctx, "order", o.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return ev
}

// advance moves the fixture's clock.
func (f *deskFixture) advance(d time.Duration) { f.clock.Add(d) }

const day = 24 * time.Hour
