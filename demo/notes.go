package demo

import (
	"orderdesk/model"
)

// addNotes gives the demo desk a few notes and action items (seed 003): some
// due today, some overdue, one for a group, one public, so every queue and
// the manager dashboard show something.
func (b *builder) addNotes() error {
	today := model.DateOf(b.s.Now())
	cs, fin := b.groups["CS"].ID, b.groups["FIN"].ID
	yc, ch := b.people["YC"].ID, b.people["CH"].ID
	items := []struct {
		by string
		in model.ItemInput
	}{
		{"ML", model.ItemInput{Object: model.OnCustomer, ObjectID: b.customers[0].ID, Title: "年度合約續約 / contract renewal",
			Body: "客戶來電詢問明年度價格，請業務回覆。\nCustomer asked for next year's prices; sales to reply.", Action: true, DueOn: today, Assignee: &ch}},
		{"ML", model.ItemInput{Object: model.OnCustomer, ObjectID: b.customers[12].ID, Title: "追訂金 / chase the deposit",
			Action: true, DueOn: today.AddDays(-2), Group: &fin}},
		{"YC", model.ItemInput{Object: model.OnCustomer, ObjectID: b.customers[26].ID, Title: "回電確認交期 / call back about the date",
			Body: "Mr. Cruz asked whether the kraft order can ship before the 20th.", Action: true, DueOn: today.AddDays(-1)}},
		{"ML", model.ItemInput{Object: model.OnProduct, ObjectID: b.products[0].ID, Title: "原紙漲價通知 / pulp price rise",
			Body: "長春紙漿通知下月起漲 4%，請檢討價格執行計劃。", Action: true, DueOn: today.AddDays(7), Group: &cs, Public: true}},
		{"YC", model.ItemInput{Object: model.OnCustomer, ObjectID: b.customers[1].ID, Title: "收貨地址變更 / new delivery address",
			Body: "Warehouse moved to gate 2 from next month.", Assignee: &yc}},
	}
	for _, it := range items {
		if _, err := b.s.AddNote(b.ctx, b.people[it.by].Actor(), it.in); err != nil {
			return err
		}
	}
	return nil
}
