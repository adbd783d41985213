package demo

import (
	"fmt"
	"strings"

	"orderdesk/model"
)

// company is one demo customer. Tiers follow seed 002: A customers owe no
// deposit, B customers part, C customers half or all before production.
type company struct {
	code, nameZH, nameEN string
	tier                 model.Tier
	deposit              int
	terms                string
	city, region         string
	lang                 string
}

var companies = []company{
	{"A001", "金鼎印刷股份有限公司", "Golden Tripod Printing Co.", model.TierA, 0, "月結 60 天 / 60 days EOM", "台北市", "北部", model.LangZH},
	{"A002", "永豐餘包裝", "YFY Packaging", model.TierA, 0, "月結 60 天 / 60 days EOM", "新竹市", "北部", model.LangZH},
	{"A003", "大華彩色印刷", "Dahua Colour Print", model.TierA, 0, "月結 45 天 / 45 days EOM", "台中市", "中部", model.LangZH},
	{"A004", "Pacific Label Co.", "Pacific Label Co.", model.TierA, 0, "Net 60", "Los Angeles", "北美", model.LangEN},
	{"A005", "聯合紙器", "United Carton", model.TierA, 0, "月結 60 天 / 60 days EOM", "桃園市", "北部", model.LangZH},
	{"A006", "中興印刷廠", "Chung Hsing Printing", model.TierA, 0, "月結 30 天 / 30 days EOM", "高雄市", "南部", model.LangZH},
	{"A007", "Nordic Print AB", "Nordic Print AB", model.TierA, 0, "Net 45", "Göteborg", "歐洲", model.LangEN},
	{"A008", "皇家書局", "Royal Book Press", model.TierA, 0, "月結 60 天 / 60 days EOM", "台北市", "北部", model.LangZH},
	{"A009", "正隆紙業", "Cheng Loong Paper", model.TierA, 0, "月結 60 天 / 60 days EOM", "新北市", "北部", model.LangZH},
	{"A010", "Sunrise Stationery Ltd.", "Sunrise Stationery Ltd.", model.TierA, 0, "Net 30", "Singapore", "亞洲", model.LangEN},
	{"A011", "光華文具", "Kuang Hua Stationery", model.TierA, 0, "月結 45 天 / 45 days EOM", "台南市", "南部", model.LangZH},
	{"A012", "新光標籤", "Shin Kong Labels", model.TierA, 0, "月結 30 天 / 30 days EOM", "台中市", "中部", model.LangZH},
	{"B001", "大同紙品行", "Tatung Paper Store", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "新北市", "北部", model.LangZH},
	{"B002", "富邦彩藝", "Fubon Colour Arts", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "台北市", "北部", model.LangZH},
	{"B003", "長榮包材", "Evergreen Packaging Supply", model.TierB, 20, "訂金 20%，出貨前付清 / 20% deposit, balance before shipping", "基隆市", "北部", model.LangZH},
	{"B004", "Blue Harbor Imports", "Blue Harbor Imports", model.TierB, 30, "30% deposit, balance before shipping", "Vancouver", "北美", model.LangEN},
	{"B005", "三陽印刷", "San Yang Printing", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "彰化縣", "中部", model.LangZH},
	{"B006", "宏達文化事業", "Hong Da Publishing", model.TierB, 25, "訂金 25%，出貨前付清 / 25% deposit, balance before shipping", "台中市", "中部", model.LangZH},
	{"B007", "Lotus Trading GmbH", "Lotus Trading GmbH", model.TierB, 30, "30% deposit, balance before shipping", "Hamburg", "歐洲", model.LangEN},
	{"B008", "安心包裝材料行", "An Hsin Packaging", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "屏東縣", "南部", model.LangZH},
	{"B009", "美加紙業", "Meijia Paper", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "嘉義市", "南部", model.LangZH},
	{"B010", "Harbour Bag Works", "Harbour Bag Works", model.TierB, 20, "20% deposit, balance before shipping", "Auckland", "亞洲", model.LangEN},
	{"B011", "台灣紙管", "Taiwan Paper Tube", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "雲林縣", "中部", model.LangZH},
	{"B012", "立德印刷", "Li De Printing", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "宜蘭縣", "東部", model.LangZH},
	{"B013", "百順貿易", "Bai Shun Trading", model.TierB, 30, "訂金 30%，出貨前付清 / 30% deposit, balance before shipping", "花蓮縣", "東部", model.LangZH},
	{"B014", "Kiwi Crafts Ltd.", "Kiwi Crafts Ltd.", model.TierB, 30, "30% deposit, balance before shipping", "Wellington", "亞洲", model.LangEN},
	{"C001", "Pacific Pulp Trading", "Pacific Pulp Trading", model.TierC, 50, "50% deposit, balance before shipping", "Manila", "亞洲", model.LangEN},
	{"C002", "小林文具行", "Kobayashi Stationery", model.TierC, 50, "訂金 50%，出貨前付清 / 50% deposit, balance before shipping", "台北市", "北部", model.LangZH},
	{"C003", "阿明紙行", "A-Ming Paper", model.TierC, 100, "款到發貨 / payment before production", "台南市", "南部", model.LangZH},
	{"C004", "新興商號", "Hsin Hsing Store", model.TierC, 50, "訂金 50%，出貨前付清 / 50% deposit, balance before shipping", "苗栗縣", "中部", model.LangZH},
	{"C005", "Green Leaf Packaging", "Green Leaf Packaging", model.TierC, 50, "50% deposit, balance before shipping", "Kuala Lumpur", "亞洲", model.LangEN},
	{"C006", "順發印刷工作室", "Shun Fa Print Studio", model.TierC, 50, "訂金 50%，出貨前付清 / 50% deposit, balance before shipping", "新竹縣", "北部", model.LangZH},
	{"C007", "佳美禮品包裝", "Jia Mei Gift Wrap", model.TierC, 100, "款到發貨 / payment before production", "高雄市", "南部", model.LangZH},
	{"C008", "Rio Papel Ltda.", "Rio Papel Ltda.", model.TierC, 50, "50% deposit, balance before shipping", "São Paulo", "南美", model.LangEN},
	{"C009", "明日設計", "Tomorrow Design", model.TierC, 50, "訂金 50%，出貨前付清 / 50% deposit, balance before shipping", "台東縣", "東部", model.LangZH},
	{"C010", "好運來貿易", "Good Fortune Trading", model.TierC, 50, "訂金 50%，出貨前付清 / 50% deposit, balance before shipping", "金門縣", "離島", model.LangZH},
}

// managedContracts are the customers under a managed-service contract
// (seed 001): their Project tickets must be charged to another contract.
// A006's on-site job ticket runs on its sales contract, not on this one.
var managedContracts = map[string]string{
	"A001": "MSC-2026-001",
	"A006": "MSC-2026-006",
}

// exportTerms are the Incoterms (2020) the export customers buy on, with
// their named places: what the documents print as the delivery terms.
var exportTerms = map[string]model.DeliveryTerms{
	"A004": {Incoterm: "FOB", IncotermPlace: "Keelung"},
	"A007": {Incoterm: "CIF", IncotermPlace: "Gothenburg"},
	"A010": {Incoterm: "CFR", IncotermPlace: "Singapore"},
	"B004": {Incoterm: "FOB", IncotermPlace: "Kaohsiung"},
	"B007": {Incoterm: "DAP", IncotermPlace: "Hamburg"},
	"B010": {Incoterm: "CIF", IncotermPlace: "Auckland"},
	"B014": {Incoterm: "EXW", IncotermPlace: "Taoyuan"},
	"C001": {Incoterm: "FOB", IncotermPlace: "Keelung"},
	"C005": {Incoterm: "CIF", IncotermPlace: "Port Klang"},
	"C008": {Incoterm: "FCA", IncotermPlace: "Taoyuan Airport"},
}

// salespeople share the customers between them.
var salespeople = []string{"CH", "YT", "DA"}

func (b *builder) addCustomers() error {
	for i, co := range companies {
		c := model.NewCustomer()
		c.Code, c.NameZH, c.NameEN, c.Tier, c.DepositPercent = co.code, co.nameZH, co.nameEN, co.tier, co.deposit
		if co.lang == model.LangEN && co.nameZH == co.nameEN {
			c.NameZH = ""
		}
		c.PaymentTerms, c.Region, c.DocLanguage = co.terms, co.region, co.lang
		c.ContractRef = fmt.Sprintf("CT-2026-%03d", i+1)
		sales := b.people[salespeople[i%len(salespeople)]].ID
		c.SalespersonID = &sales
		c.Phone = fmt.Sprintf("02-2%03d-%04d", 100+i*7, 1000+i*37)
		c.Fax = fmt.Sprintf("02-2%03d-%04d", 100+i*7, 1001+i*37)
		c.Email = fmt.Sprintf("order@%s.example", strings.ToLower(co.code))
		c.BillingAddress = fmt.Sprintf("%s 民生路 %d 號", co.city, 10+i*3)
		c.TaxID = fmt.Sprintf("%08d", 22099131+i*104729) // 統一編號: Taiwan's companies have one
		if co.lang == model.LangEN {
			c.BillingAddress = fmt.Sprintf("%d Harbour Road, %s", 10+i*3, co.city)
			c.TaxID = "" // a foreign customer has none
		}
		c.DeliveryTerms = exportTerms[co.code]
		c.ManagedContractRef = managedContracts[co.code]
		if i%4 == 1 {
			c.DeliveryAddress = c.BillingAddress + "（倉庫 / warehouse, gate 2）"
		}
		if err := b.s.SaveCustomer(b.ctx, b.manager(), c); err != nil {
			return fmt.Errorf("%s: %w", co.code, err)
		}
		b.customers = append(b.customers, c)
		if err := b.addContacts(c, i); err != nil {
			return fmt.Errorf("%s contacts: %w", co.code, err)
		}
	}
	return nil
}

// contactNames are the people who call: the first of each customer may sign
// confirmations (seed 002 step 8), the second may not.
var contactNames = [][2]string{
	{"林經理", "助理 小陳"}, {"王課長", "採購 小李"}, {"張總", "會計 劉小姐"}, {"Mary Jones", "Tom Baker"},
	{"陳廠長", "倉管 阿德"}, {"黃協理", "業助 佳玲"}, {"Erik Lund", "Anna Berg"}, {"周董", "秘書 美華"},
}

func (b *builder) addContacts(c *model.Customer, i int) error {
	names := contactNames[i%len(contactNames)]
	for j, name := range names {
		ct := &model.Contact{CustomerID: &c.ID, Name: name, Active: true, CanSign: j == 0,
			Phone: c.Phone, Fax: c.Fax, Title: []string{"Purchasing manager 採購經理", "Assistant 助理"}[j]}
		if err := b.s.SaveContact(b.ctx, b.manager(), ct); err != nil {
			return err
		}
	}
	return nil
}
