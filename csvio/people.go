package csvio

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"

	"orderdesk/model"
)

// person is a row of the people file: the person and the groups they are
// in, which a row saves together (model.SaveEmployeeWithGroups).
type person struct {
	model.Employee
	groups []uint
}

// personTable is the people of the office as CSV: who they are, their
// groups (codes), roles, rights and languages. Passwords never travel:
// a person chooses theirs at the first sign-in, or a manager sets it.
// Only a manager may import, and an import raises nobody's rights that
// the window could not: each row goes through the model's people rules.
func personTable() *table[person] {
	t := &table[person]{kind: "people", key: "code", rowKey: codeKey}
	t.columns = []column[person]{
		strColumn("code", "Initials", func(p *person) *string { return &p.Initials }),
		strColumn("name", "Name", func(p *person) *string { return &p.Name }),
		strColumn("name_zh", "NameZH", func(p *person) *string { return &p.NameZH }),
		strColumn("email", "Email", func(p *person) *string { return &p.Email }),
		strColumn("phone", "Phone", func(p *person) *string { return &p.Phone }),
		{name: "groups", field: "Groups", get: groupCodes, set: setGroups},
		{name: "roles", field: "Roles",
			get: func(_ context.Context, _ *model.Store, p *person) string { return strings.Join(p.RoleList(), "; ") },
			set: func(_ context.Context, _ *model.Store, p *person, cell string) error {
				p.SetRoles(strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '\n' }))
				return nil
			}},
		boolColumn("manager", "Manager", func(p *person) *bool { return &p.Manager }),
		boolColumn("part_time", "PartTime", func(p *person) *bool { return &p.PartTime }),
		strColumn("languages", "Languages", func(p *person) *string { return &p.Languages }),
		// Deactivating needs a reason and offers the hand-over, in the
		// People section; the column is exported for reading only.
		{name: "active", field: "Active", get: func(_ context.Context, _ *model.Store, p *person) string { return yesNo(p.Active) }},
	}
	t.find = func(ctx context.Context, s *model.Store, row map[string]string) (*person, error) {
		code := model.NormaliseCode(row["code"])
		e, err := s.EmployeeByName(ctx, code)
		if errors.Is(err, model.ErrNotFound) || err == nil && !strings.EqualFold(e.Initials, code) {
			return &person{Employee: model.Employee{Active: true}}, nil
		}
		if err != nil {
			return nil, err
		}
		p := &person{Employee: *e}
		// A file without a groups column keeps everyone's groups.
		groups, err := s.GroupsOf(ctx, e.ID)
		for _, g := range groups {
			p.groups = append(p.groups, g.ID)
		}
		return p, err
	}
	t.may = func(ctx context.Context, s *model.Store, by model.Actor) error { return s.MayChangePeople(ctx, by) }
	t.save = func(ctx context.Context, s *model.Store, by model.Actor, p *person) error {
		return s.SaveEmployeeWithGroups(ctx, by, &p.Employee, p.groups)
	}
	t.all = func(ctx context.Context, s *model.Store) ([]person, error) {
		people, err := s.Employees(ctx, true)
		out := make([]person, len(people))
		for i := range people {
			out[i].Employee = people[i]
		}
		return out, err
	}
	return t
}

// groupCodes returns the codes of the person's active groups: "CS,FIN".
func groupCodes(ctx context.Context, s *model.Store, p *person) string {
	groups, err := s.GroupsOf(ctx, p.ID)
	if err != nil {
		return ""
	}
	codes := make([]string, len(groups))
	for i, g := range groups {
		codes[i] = g.Code
	}
	slices.Sort(codes)
	return strings.Join(codes, ",")
}

// setGroups reads a cell of group codes; each must be an active group.
func setGroups(ctx context.Context, s *model.Store, p *person, cell string) error {
	p.groups = nil
	for _, code := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		g, err := s.GroupByCode(ctx, code)
		if errors.Is(err, model.ErrNotFound) || err == nil && !g.Active {
			return model.Refuse("No active group has the code {{.Code}}.", "Code", code)
		}
		if err != nil {
			return err
		}
		p.groups = append(p.groups, g.ID)
	}
	return nil
}

// boolColumn is a column that holds a yes or no.
func boolColumn[T any](name, field string, p func(v *T) *bool) column[T] {
	return column[T]{name: name, field: field,
		get: func(_ context.Context, _ *model.Store, v *T) string { return yesNo(*p(v)) },
		set: func(_ context.Context, _ *model.Store, v *T, cell string) (err error) {
			*p(v), err = parseYesNo(cell)
			return err
		}}
}

// parseYesNo reads a yes or no as a clerk may write it in Excel; blank is no.
func parseYesNo(cell string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "yes", "y", "true", "1", "是", "x":
		return true, nil
	case "no", "n", "false", "0", "否", "":
		return false, nil
	}
	return false, model.Refuse("Write yes or no, not {{.Cell}}.", "Cell", cell)
}

// ImportPeople adds or updates (by initials) the people of a CSV file and
// their groups, all or nothing; only a manager may.
func ImportPeople(ctx context.Context, s *model.Store, by model.Actor, r io.Reader) (int, error) {
	res, err := personTable().importFile(ctx, s, by, r, Options{})
	return res.Rows, err
}

// ExportPeople writes every person, inactive ones too, by name.
func ExportPeople(ctx context.Context, s *model.Store, w io.Writer) (int, error) {
	return personTable().export(ctx, s, w)
}
