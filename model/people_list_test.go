package model

import (
	"context"
	"testing"
)

// TestPeopleList: the People section's list finds people by name, Chinese
// name, initials or e-mail, and shows those who left only when asked.
func TestPeopleList(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	yc := &Employee{Name: "Chen Yi-chun", NameZH: "陳怡君", Initials: "YC", Email: "yc@example.tw", Active: true}
	if err := s.SaveEmployee(ctx, boss.Actor(), yc); err != nil {
		t.Fatal(err)
	}
	gone := clerk(t, s, "Lin Old", "LO", false)
	if err := s.SetEmployeeActive(ctx, boss.Actor(), gone.ID, false, "left the company"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f    ListFilter
		want []string
	}{
		{ListFilter{}, []string{"Chen Yi-chun", "Wang Mei-ling"}},
		{ListFilter{IncludeInactive: true}, []string{"Chen Yi-chun", "Lin Old", "Wang Mei-ling"}},
		{ListFilter{Text: "怡君"}, []string{"Chen Yi-chun"}},
		{ListFilter{Text: "ml"}, []string{"Wang Mei-ling"}},
		{ListFilter{Text: "YC@EXAMPLE"}, []string{"Chen Yi-chun"}},
		{ListFilter{Text: "old"}, nil},
		{ListFilter{Text: "old", IncludeInactive: true}, []string{"Lin Old"}},
		{ListFilter{Limit: 1, Offset: 1}, []string{"Wang Mei-ling"}},
	} {
		got, err := s.People(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range got {
			names = append(names, e.Name)
		}
		if len(names) != len(tc.want) || (len(names) > 0 && names[0] != tc.want[0]) || (len(names) > 1 && names[len(names)-1] != tc.want[len(tc.want)-1]) {
			t.Errorf("%+v: got %v, want %v", tc.f, names, tc.want)
		}
		n, err := s.CountPeople(ctx, ListFilter{Text: tc.f.Text, IncludeInactive: tc.f.IncludeInactive})
		if err != nil || (tc.f.Limit == 0 && n != len(tc.want)) {
			t.Errorf("%+v: count %d, %v", tc.f, n, err)
		}
	}
}
