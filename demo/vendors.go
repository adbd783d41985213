package demo

import (
	"fmt"

	"orderdesk/model"
)

var vendors = []struct{ code, nameZH, nameEN, contact string }{
	{"V001", "長春紙漿", "Chang Chun Pulp", "吳經理"},
	{"V002", "台灣化學塗料", "Taiwan Coating Chemicals", "鄭課長"},
	{"V003", "東方紙管", "Oriental Paper Core", "許先生"},
	{"V004", "Nordic Pulp AS", "Nordic Pulp AS", "Lars Eide"},
	{"V005", "新竹物流", "Hsinchu Transport", "調度 阿偉"},
	{"V006", "嘉里大榮貨運", "Kerry TJ Logistics", "客服 小林"},
}

func (b *builder) addVendors() error {
	for i, v := range vendors {
		vd := &model.Vendor{Code: v.code, NameZH: v.nameZH, NameEN: v.nameEN, Active: true,
			Phone: fmt.Sprintf("04-2%03d-%04d", 300+i*11, 2000+i*53), Fax: fmt.Sprintf("04-2%03d-%04d", 300+i*11, 2001+i*53),
			Address: "台中市西屯區工業區 " + fmt.Sprint(20+i) + " 路"}
		if v.nameZH == v.nameEN {
			vd.NameZH = ""
		}
		if err := b.s.SaveVendor(b.ctx, b.manager(), vd); err != nil {
			return fmt.Errorf("%s: %w", v.code, err)
		}
		ct := &model.Contact{VendorID: &vd.ID, Name: v.contact, Phone: vd.Phone, Active: true}
		if err := b.s.SaveContact(b.ctx, b.manager(), ct); err != nil {
			return err
		}
	}
	return nil
}
