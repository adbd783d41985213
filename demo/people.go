package demo

import (
	"slices"

	"orderdesk/model"
)

// person is one employee of the demo office.
type person struct {
	name, nameZH, initials string
	manager                bool
	groups                 []string // group codes
}

// staff are the people of seed 004's organisation chart, plus the Taiwanese
// office roles that seed 002's procedure names (CS supervisor, marketing
// director, technical, production, QC, finance, shipping).
var staff = []person{
	{"Wang Mei-ling", "王美玲", "ML", true, []string{"CS", "MGMT"}},
	{"Huang Kuo-wei", "黃國偉", "KW", true, []string{"SALES", "MKT", "MGMT"}},
	{"Chen Yi-chun", "陳怡君", "YC", false, []string{"CS"}},
	{"Lin Chih-hao", "林志豪", "CH", false, []string{"SALES"}},
	{"Chang Ya-ting", "張雅婷", "YT", false, []string{"SALES"}},
	{"Tsai Ming", "蔡明", "TM", false, []string{"TECH"}},
	{"Liu Hsin", "劉欣", "LH", false, []string{"QC"}},
	{"Adam D", "", "AD", false, []string{"CS", "SHIP"}},
	{"Ken Sewer", "", "KS", false, []string{"CS"}},
	{"Scotty", "", "SC", false, []string{"PROD", "SHIP"}},
	{"Kyle", "", "KY", false, []string{"CS", "SHIP"}},
	{"Randy", "", "RA", false, []string{"SHIP"}},
	{"Wendy", "", "WE", false, []string{"CS", "PROC"}},
	{"Kevin Simmons", "", "KSI", false, []string{"CS", "TECH"}},
	{"Grady", "", "GR", false, []string{"CS", "PROC"}},
	{"Daniel", "", "DA", false, []string{"CS", "SALES"}},
	{"Kristi", "", "KR", false, []string{"SHIP"}},
	{"Kevin Short", "", "KSH", false, []string{"SHIP"}},
	{"Aaron", "", "AA", false, []string{"PROD"}},
	{"Andy", "", "AN", false, []string{"PROD", "PROC", "RR"}},
	{"Chrissi", "", "CI", false, []string{"PROC"}},
	{"Matt", "", "MT", false, []string{"PROD"}},
	{"Marcy", "", "MA", false, []string{"FIN"}},
}

// workGroups are the queues of seed 003, with NEW for new tickets (seed 001).
var workGroups = []struct{ code, name, nameZH string }{
	{"NEW", "New tickets", "新案件"},
	{"CS", "Customer Service", "客服"},
	{"SALES", "Sales", "業務"},
	{"FIN", "Finance", "財務"},
	{"SHIP", "Shipping", "出貨"},
	{"TECH", "Technical", "技術"},
	{"PROD", "Production", "生產"},
	{"QC", "Quality control", "品管"},
	{"PREP", "Prepress", "印前"},
	{"PROC", "Procurement", "採購"},
	{"MKT", "Marketing", "營銷"},
	{"MGMT", "Management", "管理"},
	// Seed 004 gives Andy the RMAs: he signs the returns' steps.
	{"RR", "Repair & Returns", "維修退貨"},
}

func (b *builder) addPeople() error {
	// The first person is recorded as created by OrderDesk itself; there is
	// nobody yet to name.
	for _, p := range staff {
		e := &model.Employee{Name: p.name, NameZH: p.nameZH, Initials: p.initials, Active: true, Manager: p.manager}
		by := model.System
		if sup, ok := b.people["ML"]; ok {
			by = sup.Actor()
		}
		if err := b.s.SaveEmployee(b.ctx, by, e); err != nil {
			return err
		}
		b.people[p.initials] = e
	}
	return nil
}

func (b *builder) addOffice() error {
	o, err := b.s.Office(b.ctx)
	if err != nil {
		return err
	}
	o.CompanyAddress = "桃園市龜山區工業一路 88 號 / No. 88, Gongye 1st Rd., Guishan, Taoyuan"
	o.CompanyPhone, o.CompanyFax, o.CompanyEmail = "03-328-1234", "03-328-1299", "cs@wankuo.example"
	o.CompanyTaxID = "84149786" // printed on every document's letterhead
	// What the balance notice asks the customer to pay into.
	o.Remittance = "臺灣銀行 桃園分行 Bank of Taiwan, Taoyuan Branch (SWIFT BKTWTWTP), 帳號 A/C 012-001-234567, 戶名 萬國彩印股份有限公司"
	o.CSSupervisorID, o.MarketingDirectorID = b.people["ML"].ID, b.people["KW"].ID
	o.Demo = true
	// Requests for quote go to the quoting salesperson (seed 000's "who to assign").
	o.SetTicketDefault("QUOTE-RFQ", model.TicketDefault{Group: "SALES", ManagerID: b.people["YT"].ID})
	if err := b.s.SaveOffice(b.ctx, b.manager(), o); err != nil {
		return err
	}
	// Every person of the demo office signs in with "demo" (README).
	return b.s.SetDemoPasswords(b.ctx, Password)
}

// grantor is a manager who is not among the people given something:
// nobody grants themselves a group or a role.
func (b *builder) grantor(ids ...uint) model.Actor {
	for _, m := range []string{"ML", "KW"} {
		if !slices.Contains(ids, b.people[m].ID) {
			return b.people[m].Actor()
		}
	}
	return b.manager()
}

func (b *builder) addGroups() error {
	for _, wg := range workGroups {
		g := &model.Group{Code: wg.code, Name: wg.name, NameZH: wg.nameZH, Active: true}
		if err := b.s.SaveGroup(b.ctx, b.manager(), g); err != nil {
			return err
		}
		b.groups[wg.code] = g
	}
	members := map[string][]uint{}
	for _, p := range staff {
		for _, code := range p.groups {
			members[code] = append(members[code], b.people[p.initials].ID)
		}
	}
	// Nobody puts themselves in a group: KW puts ML in hers, then ML the
	// rest (KW among them), so neither grants herself.
	ml, kw := b.people["ML"], b.people["KW"]
	for _, wg := range workGroups {
		ids := members[wg.code]
		if slices.Contains(ids, ml.ID) {
			first := slices.DeleteFunc(slices.Clone(ids), func(id uint) bool { return id == kw.ID })
			if err := b.s.SetGroupMembers(b.ctx, kw.Actor(), b.groups[wg.code].ID, first); err != nil {
				return err
			}
		}
		if len(ids) > 0 {
			if err := b.s.SetGroupMembers(b.ctx, b.manager(), b.groups[wg.code].ID, ids); err != nil {
				return err
			}
		}
	}
	return nil
}
