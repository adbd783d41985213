package csvio

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
)

// peopleStore is an office with two managers (ML, KW), a clerk (YC) and
// the groups FIN and CS.
func peopleStore(t *testing.T) (*model.Store, map[string]*model.Employee) {
	t.Helper()
	ctx := context.Background()
	s, err := model.Open(ctx, filepath.Join(t.TempDir(), "people.db"), model.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	people := map[string]*model.Employee{}
	for _, p := range []struct {
		code, name string
		manager    bool
	}{{"ML", "Wang Mei-ling", true}, {"KW", "Huang Kuo-wei", true}, {"YC", "Chen Yi-chun", false}} {
		e := &model.Employee{Name: p.name, Initials: p.code, Active: true, Manager: p.manager}
		by := model.Actor{Name: "setup"}
		if len(people) > 0 {
			by = people["ML"].Actor()
		}
		if err := s.SaveEmployee(ctx, by, e); err != nil {
			t.Fatal(err)
		}
		people[p.code] = e
	}
	for _, g := range []model.Group{{Code: "FIN", Name: "Finance", Active: true}, {Code: "CS", Name: "Customer Service", Active: true}} {
		if err := s.SaveGroup(ctx, people["ML"].Actor(), &g); err != nil {
			t.Fatal(err)
		}
	}
	return s, people
}

// TestImportPeople: a manager's file adds and updates people with their
// groups, roles and flags, and sets no password; a clerk's file, a file
// raising the importer's own rights and a file with passwords are
// refused whole.
func TestImportPeople(t *testing.T) {
	const header = "code,name,groups,roles,manager,part_time,languages\n"
	for _, tc := range []struct {
		name, as, file, refused string
	}{
		{"a manager adds and updates", "ML", header +
			"LH,Lin Hui-ting,FIN;CS,Finance clerk; CS backup,no,yes,\"zh-TW, en\"\n" +
			"YC,Chen Yi-chun,CS,Clerk,no,no,zh-TW\n", ""},
		{"a clerk imports", "YC", header + "YC,Chen Yi-chun,FIN,,yes,no,\n", "Only a manager may add or change people"},
		{"a manager gives himself a role", "KW", header +
			"LH,Lin Hui-ting,,,no,no,\n" +
			"KW,Huang Kuo-wei,,Marketing director,yes,no,\n", "Nobody grants themselves"},
		{"a manager puts himself in Finance", "KW", header + "KW,Huang Kuo-wei,FIN,,yes,no,\n", "Nobody grants themselves"},
		{"passwords in the file", "ML", "code,name,password\nYC,Chen Yi-chun,secret\n", "Unknown column password"},
		{"an unknown group", "ML", header + "YC,Chen Yi-chun,NOPE,,no,no,\n", "No active group has the code NOPE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, people := peopleStore(t)
			n, err := ImportPeople(ctx, s, people[tc.as].Actor(), strings.NewReader(tc.file))
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("import: %d rows, %v; want %q", n, err, tc.refused)
				}
				all, _ := s.Employees(ctx, true)
				if len(all) != 3 {
					t.Errorf("a refused file wrote people: %d", len(all))
				}
				for _, e := range all {
					if groups, _ := s.GroupsOf(ctx, e.ID); e.Roles != "" || len(groups) > 0 || e.Manager != people[e.Initials].Manager {
						t.Errorf("a refused file changed %s: roles %q, groups %v, manager %v", e.Initials, e.Roles, groups, e.Manager)
					}
				}
				return
			}
			if err != nil || n != 2 {
				t.Fatalf("import: %d rows, %v", n, err)
			}
			lh, err := s.EmployeeByName(ctx, "LH")
			if err != nil {
				t.Fatal(err)
			}
			if lh.Name != "Lin Hui-ting" || lh.Roles != "Finance clerk\nCS backup" || !lh.PartTime || lh.Manager || lh.Languages != "zh-TW, en" || !lh.Active {
				t.Errorf("LH stored as %+v", lh)
			}
			if has, _ := s.HasPassword(ctx, lh.ID); has {
				t.Error("an imported person has a password")
			}
			var buf bytes.Buffer
			if _, err := ExportPeople(ctx, s, &buf); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"LH,Lin Hui-ting,,,,\"CS,FIN\",Finance clerk; CS backup,no,yes,\"zh-TW, en\",yes", "YC,Chen Yi-chun,,,,CS,Clerk,no,no,zh-TW,yes"} {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("the export lacks %q:\n%s", want, buf.String())
				}
			}
		})
	}
}
