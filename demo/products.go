package demo

import (
	"fmt"

	"orderdesk/model"
)

// paper is a paper grade the mill sells, in several widths and grammages.
type paper struct {
	prefix, nameZH, nameEN, colour string
	grammages                      []int
	widths                         []int
	lengthM, coreMM                int
	unit                           string
	price                          int64 // plan price per unit in whole NT$ for the lightest grade
}

var papers = []paper{
	{"WF", "道林紙", "Woodfree", "白 / white", []int{70, 80, 100}, []int{787, 1092}, 6000, 76, "roll", 2400},
	{"CT", "銅版紙", "Coated art paper", "白 / 雙面塗佈 gloss", []int{105, 128, 157}, []int{889, 1194}, 4000, 76, "roll", 3100},
	{"KR", "牛皮紙", "Kraft", "本色 / natural brown", []int{80, 120}, []int{900, 1200}, 5000, 76, "roll", 2100},
	{"NP", "新聞紙", "Newsprint", "灰白 / off-white", []int{45}, []int{781, 1562}, 12000, 76, "roll", 1500},
	{"LB", "標籤紙", "Label stock", "白 / 背膠 self-adhesive", []int{80}, []int{330, 500}, 1000, 76, "roll", 4200},
	{"BB", "灰底白板紙", "Duplex board", "白面灰底 / white top grey back", []int{250, 300, 350}, []int{0}, 0, 0, "ream", 1800},
	{"CP", "影印紙", "Copy paper A4", "白 / white", []int{70, 80}, []int{0}, 0, 0, "box", 650},
	{"TP", "衛生紙原紙", "Tissue base paper", "白 / white", []int{14, 17}, []int{2760, 1380}, 20000, 152, "roll", 1900},
	{"PR", "印刷用捲筒紙 4C", "Pre-printed roll 4C", "單面印刷 4C / one side 4-colour", []int{90}, []int{640}, 3000, 76, "roll", 5200},
}

func (b *builder) addProducts() error {
	for _, p := range papers {
		for _, g := range p.grammages {
			for _, w := range p.widths {
				pr := model.NewProduct()
				pr.Code = fmt.Sprintf("%s-%d", p.prefix, g)
				if w > 0 {
					pr.Code += fmt.Sprintf("-%d", w)
				}
				pr.NameZH, pr.NameEN = fmt.Sprintf("%s %dg", p.nameZH, g), fmt.Sprintf("%s %dg", p.nameEN, g)
				pr.WidthMM, pr.Grammage, pr.LengthM, pr.CoreMM = w, g, p.lengthM, p.coreMM
				pr.ColourSpec, pr.Unit = p.colour, p.unit
				if err := b.s.SaveProduct(b.ctx, b.manager(), pr); err != nil {
					return fmt.Errorf("%s: %w", pr.Code, err)
				}
				b.products = append(b.products, pr)
			}
		}
	}
	// One grade the mill no longer makes, to show how an inactive product looks.
	old := model.NewProduct()
	old.Code, old.NameZH, old.NameEN, old.WidthMM, old.Grammage, old.LengthM, old.CoreMM = "WF-60-787", "道林紙 60g（停產）", "Woodfree 60g (discontinued)", 787, 60, 6000, 76
	if err := b.s.SaveProduct(b.ctx, b.manager(), old); err != nil {
		return err
	}
	return b.s.SetProductActive(b.ctx, b.manager(), old.ID, false, "停產 / discontinued by the mill")
}

// addPrices writes the price execution plan: this year's list price for
// every product, last year's (expired) one, and a few customers' own prices.
func (b *builder) addPrices() error {
	year := model.DateOf(b.s.Now()).Year()
	for i, pr := range b.products {
		base := planPrice(pr)
		prices := []*model.Price{
			{ProductID: pr.ID, UnitPrice: model.MoneyOf(base * 95 / 100), ValidFrom: model.NewDate(year-1, 1, 1), ValidTo: model.NewDate(year-1, 12, 31), Note: "去年價格 / last year's plan"},
			{ProductID: pr.ID, UnitPrice: model.MoneyOf(base), ValidFrom: model.NewDate(year, 1, 1), Note: "年度價格執行計劃 / price plan"},
		}
		if i%3 == 0 {
			c := b.customers[i%len(b.customers)]
			prices = append(prices, &model.Price{ProductID: pr.ID, CustomerID: &c.ID, UnitPrice: model.MoneyOf(base * 92 / 100),
				ValidFrom: model.NewDate(year, 1, 1), ValidTo: model.NewDate(year, 12, 31), Note: "合約價 / contract price " + c.ContractRef})
		}
		for _, p := range prices {
			if err := b.s.SavePrice(b.ctx, b.manager(), p); err != nil {
				return fmt.Errorf("price of %s: %w", pr.Code, err)
			}
		}
	}
	return nil
}

// planPrice is a product's list price in whole NT$: heavier and wider costs more.
func planPrice(pr *model.Product) int64 {
	for _, p := range papers {
		if len(pr.Code) > len(p.prefix) && pr.Code[:len(p.prefix)+1] == p.prefix+"-" {
			price := p.price * int64(pr.Grammage) / int64(p.grammages[0])
			if pr.WidthMM > 0 && pr.WidthMM != p.widths[0] {
				price = price * int64(pr.WidthMM) / int64(p.widths[0])
			}
			return price / 10 * 10
		}
	}
	return 1000
}
