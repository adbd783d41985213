package csvio

import (
	"context"
	"errors"
	"strconv"
	"strings"

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
func employeeByInitials(ctx context.Context, s *model.Store, cell string) (*uint, error) {
	if strings.TrimSpace(cell) == "" {
		return nil, nil
	}
	e, err := s.EmployeeByName(ctx, cell)
	if err != nil {
		return nil, model.Refuse("No employee has the initials or name {{.Name}}.", "Name", cell)
	}
	return &e.ID, nil
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
