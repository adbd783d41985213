package model

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestPeopleChangesManagerOnly: only a manager adds or changes people and
// their groups; nobody raises their own rights; the last manager stays.
func TestPeopleChangesManagerOnly(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	yc := clerk(t, s, "Chen Yi-chun", "YC", false)
	fin := &Group{Code: "FIN", Name: "Finance", Active: true}
	if err := s.SaveGroup(ctx, boss.Actor(), fin); err != nil {
		t.Fatal(err)
	}
	refused := func(want string) func(error) bool {
		return func(err error) bool {
			var r *Refusal
			return errors.As(err, &r) && strings.Contains(r.Msg.String(), want)
		}
	}
	onlyManager := refused("Only a manager may add or change people")
	for _, tc := range []struct {
		name string
		do   func() error
		ok   func(error) bool
	}{
		{"a clerk adds a person", func() error {
			return s.SaveEmployee(ctx, yc.Actor(), &Employee{Name: "New One", Initials: "NO", Active: true})
		}, onlyManager},
		{"a clerk makes herself a manager", func() error {
			e := *yc
			e.Manager = true
			return s.SaveEmployee(ctx, yc.Actor(), &e)
		}, onlyManager},
		{"a clerk gives herself a role", func() error {
			e := *yc
			e.SetRoles([]string{"CS supervisor"})
			return s.SaveEmployee(ctx, yc.Actor(), &e)
		}, onlyManager},
		{"a clerk puts herself in Finance", func() error {
			e := *yc
			return s.SaveEmployeeWithGroups(ctx, yc.Actor(), &e, []uint{fin.ID})
		}, onlyManager},
		{"a clerk deactivates someone", func() error {
			return s.SetEmployeeActive(ctx, yc.Actor(), boss.ID, false, "coup")
		}, onlyManager},
		{"the command line with no person", func() error {
			return s.SaveEmployee(ctx, Actor{Name: "command line"}, &Employee{Name: "Ghost", Initials: "GH", Active: true, Manager: true})
		}, onlyManager},
		{"the last manager gives up the flag", func() error {
			e := *boss
			e.Manager = false
			return s.SaveEmployee(ctx, boss.Actor(), &e)
		}, refused("last manager")},
		{"the last manager is deactivated", func() error {
			return s.SetEmployeeActive(ctx, boss.Actor(), boss.ID, false, "retired")
		}, refused("last manager")},
		{"a manager adds a person with a role", func() error {
			e := &Employee{Name: "Marcy", Initials: "MA", Active: true, PartTime: true, Languages: "zh-TW,en"}
			e.SetRoles([]string{"Finance clerk"})
			return s.SaveEmployee(ctx, boss.Actor(), e)
		}, func(err error) bool { return err == nil }},
		{"a manager puts a clerk in Finance", func() error {
			e := *yc
			return s.SaveEmployeeWithGroups(ctx, boss.Actor(), &e, []uint{fin.ID})
		}, func(err error) bool { return err == nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.do(); !tc.ok(err) {
				t.Fatalf("got %v", err)
			}
		})
	}
	got, _ := s.EmployeeByName(ctx, "YC")
	if got.Manager || got.Roles != "" {
		t.Errorf("YC after the refused changes: manager %v, roles %q", got.Manager, got.Roles)
	}
	ma, _ := s.EmployeeByName(ctx, "MA")
	if !ma.PartTime || ma.Languages != "zh-TW, en" || ma.Roles != "Finance clerk" {
		t.Errorf("MA stored as %+v", ma)
	}
	groups, _ := s.GroupsOf(ctx, yc.ID)
	if len(groups) != 1 || groups[0].Code != "FIN" {
		t.Errorf("YC's groups: %v", groups)
	}
}

// TestNobodyGrantsThemselves: with two managers, neither may give
// themselves a role or a group; the other may.
func TestNobodyGrantsThemselvesPeople(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	ml := clerk(t, s, "Wang Mei-ling", "ML", true)
	kw := clerk(t, s, "Huang Kuo-wei", "KW", true)
	tech := &Group{Code: "TECH", Name: "Technical", Active: true}
	if err := s.SaveGroup(ctx, ml.Actor(), tech); err != nil {
		t.Fatal(err)
	}
	e := *ml
	e.SetRoles([]string{"Marketing director"})
	if err := s.SaveEmployee(ctx, ml.Actor(), &e); err == nil || !strings.Contains(err.Error(), "Nobody grants themselves") {
		t.Fatalf("ML gives herself a role: %v", err)
	}
	me := *ml
	if err := s.SaveEmployeeWithGroups(ctx, ml.Actor(), &me, []uint{tech.ID}); err == nil || !strings.Contains(err.Error(), "Nobody grants themselves") {
		t.Fatalf("ML puts herself in Technical: %v", err)
	}
	e = *ml
	e.SetRoles([]string{"Marketing director"})
	if err := s.SaveEmployee(ctx, kw.Actor(), &e); err != nil {
		t.Fatalf("KW gives ML the role: %v", err)
	}
	if err := s.SetEmployeeActive(ctx, kw.Actor(), ml.ID, false, "moved"); err != nil {
		t.Fatalf("KW deactivates ML (KW stays a manager): %v", err)
	}
}

// TestSetUpOffice makes an office in an empty database: its settings and
// a manager who signs in; a database with people is refused.
func TestSetUpOffice(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	o := DefaultOffice()
	o.CompanyNameEN, o.CompanyNameZH, o.CompanyPhone = "Acme Paper Ltd.", "", "02-1234-5678"
	m := &Employee{Name: "Ann Boss", Initials: "AB"}
	if err := s.SetUpOffice(ctx, o, m, "short"); err != nil {
		t.Fatal(err)
	}
	got, err := s.SignIn(ctx, "AB", "short")
	if err != nil || !got.Manager || !got.Active {
		t.Fatalf("the first manager signs in: %+v, %v", got, err)
	}
	office, _ := s.Office(ctx)
	if office.CompanyNameEN != "Acme Paper Ltd." || office.Demo {
		t.Errorf("office: %+v", office)
	}
	groups, _ := s.Groups(ctx)
	if len(groups) != len(StandardGroups) {
		t.Errorf("%d groups after set-up; want the %d standard departments", len(groups), len(StandardGroups))
	}
	if in, _ := s.GroupsOf(ctx, got.ID); len(in) != 1 || in[0].Code != "MGMT" {
		t.Errorf("the first manager's groups: %v", in)
	}
	if err := s.SetUpOffice(ctx, o, &Employee{Name: "Other", Initials: "OT"}, "password"); err == nil {
		t.Fatal("a second set-up was allowed")
	}
	people, _ := s.Employees(ctx, true)
	if len(people) != 1 {
		t.Errorf("%d people after the refused set-up", len(people))
	}
}

// TestDemoPasswordsOnlyInTheDemo: no real office can be given the demo's
// known password.
func TestDemoPasswordsOnlyInTheDemo(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	if err := s.SetDemoPasswords(ctx, "demo"); err == nil {
		t.Fatal("demo passwords set in a real office")
	}
	o, _ := s.Office(ctx)
	o.Demo = true
	if err := s.SaveOffice(ctx, boss.Actor(), o); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDemoPasswords(ctx, "demo"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, "ML", "demo"); err != nil {
		t.Fatal(err)
	}
}
