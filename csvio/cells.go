package csvio

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"

	"orderdesk/model"
)

// invalid reports a cell that cannot be read as its column's kind of value.
func invalid(err error) error { return model.Refuse("{{.Reason}}", "Reason", err.Error()) }

func parseInt(cell string) (int, error) {
	if cell == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(cell)
	if err != nil {
		return 0, invalid(errors.New(strconv.Quote(cell) + " is not a whole number"))
	}
	return n, nil
}

func parseMoney(cell string) (model.Money, error) {
	m, err := model.ParseMoney(cell)
	if err != nil {
		return 0, invalid(err)
	}
	return m, nil
}

func parseDate(cell string) (model.Date, error) {
	d, err := model.ParseDate(cell)
	if err != nil {
		return model.Date{}, invalid(err)
	}
	return d, nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// employeeByInitials finds the person a cell names by initials or full name;
// an empty cell is nobody.
func employeeByInitials(ctx context.Context, s *model.Store, cell string) (*model.Employee, error) {
	if strings.TrimSpace(cell) == "" {
		return nil, nil
	}
	if l, ok := ctx.Value(lookupsKey{}).(*lookups); ok {
		if e, err := l.employee(ctx, s, cell); e != nil || err != nil {
			return e, err
		}
	} else if e, err := s.EmployeeByName(ctx, cell); err == nil {
		return e, nil
	}
	return nil, model.Refuse("No employee has the initials or name {{.Name}}.", "Name", cell)
}

// lookupsKey carries an import's lookups in its context.
type lookupsKey struct{}

// lookups is what an import reads once instead of once per row: the
// office's people (a few dozen), by name and by initials.
type lookups struct {
	mu     sync.Mutex
	people map[string]*model.Employee
}

func withLookups(ctx context.Context) context.Context {
	return context.WithValue(ctx, lookupsKey{}, &lookups{})
}

// employee returns the person named by their name or initials, as
// model's EmployeeByName matches them, or nil.
func (l *lookups) employee(ctx context.Context, s *model.Store, cell string) (*model.Employee, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.people == nil {
		all, err := s.Employees(ctx, true)
		if err != nil {
			return nil, err
		}
		l.people = map[string]*model.Employee{}
		for i := range all {
			e := &all[i]
			l.people["i:"+strings.ToUpper(e.Initials)] = e
			l.people["n:"+strings.ToLower(e.Name)] = e
		}
	}
	cell = strings.TrimSpace(cell)
	if e := l.people["n:"+strings.ToLower(cell)]; e != nil {
		return e, nil
	}
	return l.people["i:"+strings.ToUpper(cell)], nil
}

func initialsOf(ctx context.Context, s *model.Store, id *uint, cache map[uint]string) string {
	if id == nil {
		return ""
	}
	if v, ok := cache[*id]; ok {
		return v
	}
	e, err := s.Employee(ctx, *id)
	if err != nil {
		return ""
	}
	cache[*id] = e.Initials
	return e.Initials
}

func itoa(n int) string { return strconv.Itoa(n) }

// strColumn is a column that holds a text field as it is.
func strColumn[T any](name, field string, p func(v *T) *string) column[T] {
	return column[T]{name: name, field: field,
		get: func(_ context.Context, _ *model.Store, v *T) string { return *p(v) },
		set: func(_ context.Context, _ *model.Store, v *T, cell string) error { *p(v) = cell; return nil }}
}

// codeKey names the record of a row by its code, as a save stores codes.
func codeKey(cells map[string]string) string { return model.NormaliseCode(cells["code"]) }
