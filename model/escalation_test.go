package model

import (
	"slices"
	"strings"
	"testing"
)

// queueTitles returns the titles of the pending items due today in a person's queue.
func (f *deskFixture) queueTitles(e *Employee) []string {
	f.t.Helper()
	items, err := f.s.QueueItems(f.ctx, QueueFilter{Queue: QueueMine, PersonID: e.ID})
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, n := range items {
		out = append(out, n.Title)
	}
	return out
}

func hasTitle(titles []string, prefix string) bool {
	return slices.ContainsFunc(titles, func(s string) bool { return strings.HasPrefix(s, prefix) })
}

// TestEscalationsReachPeople: each escalation of seed 002 puts an action
// item due today in exactly the queues DESIGN.md names, and nobody else's.
func TestEscalationsReachPeople(t *testing.T) {
	released := func(f *deskFixture) *Order {
		return f.do(f.signBack(f.toConfirmationSent(f.intake(f.custA, 100))), func(o *Order, c Ctx) error {
			return o.ReleaseProduction(c, SignerOf(f.prod), false)
		})
	}
	cases := []struct {
		name  string
		run   func(f *deskFixture)
		title string
		to    func(f *deskFixture) []*Employee
	}{
		{"price doubt → CS supervisor and marketing director", func(f *deskFixture) {
			o := f.intake(f.custB, 10)
			o.Lines[1].UnitPrice = MoneyOf(2000)
			o, err := f.s.SaveIntake(f.ctx, f.clerk.Actor(), o)
			if err != nil {
				t.Fatal(err)
			}
			f.do(o, func(o *Order, c Ctx) error { return o.ReportPriceDoubt(c, 2, "比價格表低 20%") })
		}, "價格疑義 Price doubt", func(f *deskFixture) []*Employee { return []*Employee{f.super, f.director} }},
		{"production exception → salesperson, CS supervisor, marketing director", func(f *deskFixture) {
			f.do(released(f), func(o *Order, c Ctx) error { return o.ReportException(c, SignerOf(f.prod), "斷紙 web break") })
		}, "生產異常 Production exception", func(f *deskFixture) []*Employee { return []*Employee{f.sales, f.super, f.director} }},
		{"stocked in → salesperson", func(f *deskFixture) {
			f.do(released(f), func(o *Order, c Ctx) error { return o.RecordQC(c, f.qcPass(o)) })
		}, "已入庫 Goods stocked in", func(f *deskFixture) []*Employee { return []*Employee{f.sales} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDesk(t)
			tc.run(f)
			want := tc.to(f)
			for _, e := range []*Employee{f.clerk, f.sales, f.super, f.director, f.tech, f.prod, f.qc, f.finance} {
				got := hasTitle(f.queueTitles(e), tc.title)
				if should := slices.Contains(want, e); got != should {
					t.Errorf("%s has the item: %v, want %v (queue %v)", e.Name, got, should, f.queueTitles(e))
				}
			}
		})
	}
}

// TestLateSignBackItemClosesItself: the clerk's "signed confirmation late"
// item, made by the slip rule, is done once the sign-back is recorded.
func TestLateSignBackItemClosesItself(t *testing.T) {
	f := newDesk(t)
	o := f.toConfirmationSent(f.intake(f.custB, 100))
	f.advance(2 * day)
	if _, err := f.s.ApplySlips(f.ctx); err != nil {
		t.Fatal(err)
	}
	const late = "確認書未回傳 Signed confirmation late"
	if !hasTitle(f.queueTitles(f.clerk), late) {
		t.Fatalf("no late sign-back item: %v", f.queueTitles(f.clerk))
	}
	f.signBack(f.reload(o))
	if titles := f.queueTitles(f.clerk); hasTitle(titles, late) {
		t.Errorf("the late sign-back item is still to do after the sign-back: %v", titles)
	}
	notes, _ := f.s.NotesOn(f.ctx, OnOrder, o.ID)
	for _, n := range notes {
		if strings.HasPrefix(n.Title, late) && (n.Pending || n.DoneAt == nil || n.DoneBy != f.clerk.Name) {
			t.Errorf("item %q: pending %v, done at %v by %q", n.Title, n.Pending, n.DoneAt, n.DoneBy)
		}
	}
}
