package model

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// People returns one page of the office's people matching f (name,
// Chinese name, initials or e-mail), by name: the People section's list.
// Employees have no search column (there are a few dozen of them), so the
// text is matched on the columns themselves.
func (s *Store) People(ctx context.Context, f ListFilter) ([]Employee, error) {
	var out []Employee
	return out, paged(peopleQuery(s.reader(ctx).Model(&Employee{}), f).Order("name"), f).Find(&out).Error
}

// CountPeople returns how many people match f.
func (s *Store) CountPeople(ctx context.Context, f ListFilter) (int, error) {
	var n int64
	err := peopleQuery(s.reader(ctx).Model(&Employee{}), f).Count(&n).Error
	return int(n), err
}

func peopleQuery(q *gorm.DB, f ListFilter) *gorm.DB {
	if !f.IncludeInactive {
		q = q.Where("active = ?", true)
	}
	if strings.TrimSpace(f.Text) == "" {
		return q
	}
	p := likePattern(f.Text)
	return q.Where(`(LOWER(name) LIKE ? ESCAPE '\' OR name_zh LIKE ? ESCAPE '\' OR LOWER(initials) LIKE ? ESCAPE '\' OR LOWER(email) LIKE ? ESCAPE '\')`,
		p, p, p, p)
}
