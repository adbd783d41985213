package reports

import (
	"time"

	"orderdesk/model"
)

// The fixtures are built in memory: reports never opens a database.

var testDay = model.NewDate(2026, time.March, 9)

func testOptions(lang string) Options {
	return Options{
		Lang: lang,
		Company: Company{
			NameZH: "萬國彩印股份有限公司", NameEN: "Wan Kuo Colour Printing Co., Ltd.",
			Address: "台北市中山區民生東路二段 100 號 5 樓", Phone: "02-2500-1234", Fax: "02-2500-5678",
			TaxID: "12345675",
		},
		TaxRatePct: 5,
		Date:       testDay,
	}
}

func testCustomer(tier model.Tier, lang string) *model.Customer {
	return &model.Customer{Code: "C0042", NameZH: "大華紙業有限公司", NameEN: "Da Hua Paper Ltd.",
		Tier: tier, DepositPercent: 30, PaymentTerms: "月結 30 天 Net 30", Currency: "TWD",
		Phone: "04-2345-6789", Fax: "04-2345-6790", BillingAddress: "台中市西屯區工業一路 8 號",
		TaxID: "24536806", DocLanguage: lang}
}

var testProducts = []*model.Product{
	{Code: "P-80-1060", NameZH: "道林紙 80g", NameEN: "Woodfree 80g", WidthMM: 1060, Grammage: 80, LengthM: 6000, CoreMM: 76, ColourSpec: "白", Unit: "roll"},
	{Code: "K-120-787", NameZH: "牛皮紙 120g", NameEN: "Kraft 120g", WidthMM: 787, Grammage: 120, Unit: "ream"},
	{Code: "C-250-889", NameZH: "銅版卡 250g", NameEN: "Coated board 250g", WidthMM: 889, Grammage: 250, ColourSpec: "單面印刷 4C", Unit: "sheet"},
}

// testOrder returns a tier-B order with n lines and revision 2 in force.
func testOrder(n int, lang string) *model.Order {
	tol := 5
	issued := time.Date(2026, time.March, 9, 2, 0, 0, 0, time.UTC)
	o := &model.Order{
		No: "SO-2026-00042", Customer: testCustomer(model.TierB, lang),
		Contact:  &model.Contact{Name: "林美玲", Phone: "0912-345-678", Fax: "04-2345-6799"},
		Currency: "TWD", CustomerPO: "PO-7781", PaymentMethod: "電匯 T/T",
		ShipTo: "台中市大雅區中清路 200 號 倉庫 B", TolerancePct: &tol,
		Packaging: "每捲防潮膜包裝，棧板出貨 Moisture-proof wrap, palletised", SpecialRequirements: "捲芯需標示批號 Mark the lot number on each core",
		ReceivedAt: issued, CurrentRev: 2, ConfirmedDate: model.NewDate(2026, time.March, 20),
		Salesperson: &model.Employee{Name: "Chen Wei", NameZH: "陳偉"}, Clerk: &model.Employee{Name: "Lin Hui", NameZH: "林慧"},
		Revisions: []model.ConfirmationRevision{
			{Rev: 1, PromisedDate: model.NewDate(2026, time.March, 18), Superseded: true},
			{Rev: 2, PromisedDate: model.NewDate(2026, time.March, 20), Issued: model.Signature{By: "Lin Hui", At: &issued}},
		},
		BalancePaid: 0,
		// Every record a document looks for, so each kind may print (Order.CanPrint).
		State:     model.StateInspected,
		Release:   model.ProductionRelease{ClerkSigned: model.Signature{By: "Lin Hui", At: &issued}},
		Balance:   model.BalanceNotice{IssuedBy: model.Signature{By: "Lin Hui", At: &issued}},
		RequestNo: "SR-2026-00009",
	}
	for i := 1; i <= n; i++ {
		p := testProducts[(i-1)%len(testProducts)]
		l := model.OrderLine{LineNo: i, Product: p, Qty: model.QtyOf(int64(10 * i)), Unit: p.Unit,
			UnitPrice: model.MoneyOf(int64(1000 + 25*i))}
		l.Amount = model.Amount(l.Qty, l.UnitPrice)
		o.Lines = append(o.Lines, l)
		o.Total += l.Amount
	}
	o.DepositDue = o.Total.Percent(30)
	o.DepositPaid = o.DepositDue
	o.Payments = []model.Payment{{Kind: model.PaymentDeposit, Amount: o.DepositDue, ReceivedOn: testDay}}
	return o
}
