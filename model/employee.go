package model

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// Employee is a person of the office: a clerk at a desk, a salesperson, a
// supervisor, someone in production or finance who signs a gate.
type Employee struct {
	Row
	Name     string `gorm:"size:80;not null;uniqueIndex"`
	NameZH   string `gorm:"size:40;not null;default:''"`
	Initials string `gorm:"size:8;not null;uniqueIndex"`
	Email    string `gorm:"size:120;not null;default:''"`
	Phone    string `gorm:"size:40;not null;default:''"`
	Active   bool   `gorm:"not null"`
	// Manager may use the manager dashboard, reassign work, change office
	// settings and the people of the office.
	Manager bool `gorm:"not null"`
	// Roles are what the person does in the office, one per line ("Clerk",
	// "CS supervisor", "Marketing director"); only a manager sets them.
	// These three columns come from schema step 12
	// (migrations/*/0012_people.sql); nothing migrates from struct tags.
	Roles string `gorm:"type:text;not null;default:'';-:migration"`
	// PartTime marks people who work part time (seed 004's chart).
	PartTime bool `gorm:"not null;default:false;-:migration"`
	// Languages are the languages the person serves customers in, comma-separated ("zh-TW, en").
	Languages string `gorm:"type:text;not null;default:'';-:migration"`
}

func (e *Employee) label() string  { return "employee " + e.Name }
func (e *Employee) entity() string { return "employee" }

// Actor returns the employee as the person making a change.
func (e *Employee) Actor() Actor { return Actor{ID: e.ID, Name: e.Name} }

// Display returns the name as a clerk knows the person: "Ken Sewer (KS)".
func (e *Employee) Display() string {
	if e.NameZH != "" {
		return fmt.Sprintf("%s %s (%s)", e.Name, e.NameZH, e.Initials)
	}
	return fmt.Sprintf("%s (%s)", e.Name, e.Initials)
}

func (e *Employee) normalise() {
	e.Name = strings.Join(strings.Fields(e.Name), " ")
	e.NameZH = strings.TrimSpace(e.NameZH)
	e.Initials = strings.ToUpper(strings.TrimSpace(e.Initials))
	e.Email = strings.TrimSpace(e.Email)
	e.Phone = strings.TrimSpace(e.Phone)
	e.Roles = strings.Join(cleanLines(strings.Split(e.Roles, "\n")), "\n")
	e.Languages = strings.Join(cleanLines(strings.Split(e.Languages, ",")), ", ")
}

// RoleList returns the person's roles.
func (e *Employee) RoleList() []string { return cleanLines(strings.Split(e.Roles, "\n")) }

// SetRoles replaces the person's roles.
func (e *Employee) SetRoles(roles []string) { e.Roles = strings.Join(cleanLines(roles), "\n") }

// cleanLines returns the non-blank items of ss, trimmed, without repeats.
func cleanLines(ss []string) []string {
	var out []string
	for _, r := range ss {
		if r = strings.TrimSpace(r); r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// Validate returns every problem with the employee's fields.
func (e *Employee) Validate() FieldErrors {
	var fe FieldErrors
	if e.Name == "" {
		fe.Add("Name", "Enter the person's name.")
	}
	switch n := len([]rune(e.Initials)); {
	case n == 0:
		fe.Add("Initials", "Enter initials (2 to 8 letters).")
	case n > 8:
		fe.Add("Initials", "Initials are at most 8 letters.")
	}
	if msg := checkEmail(e.Email); !msg.IsZero() {
		fe = append(fe, FieldError{"Email", msg})
	}
	return fe
}

// SaveEmployee stores a new or changed employee. Only a manager may (see
// requirePeopleManager); nobody grants themselves the manager flag or a
// role, and the office's last manager stays one.
func (s *Store) SaveEmployee(ctx context.Context, by Actor, e *Employee) error {
	e.normalise()
	if fe := e.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, e, employeeChecks(by, e))
}

// employeeChecks are SaveEmployee's checks inside its transaction: a
// manager, no self-grant, a manager left, name and initials free.
func employeeChecks(by Actor, e *Employee) func(tx *gorm.DB) error {
	return func(tx *gorm.DB) error {
		if err := requirePeopleManager(tx, by); err != nil {
			return err
		}
		if !e.IsNew() {
			var old Employee
			if err := tx.Take(&old, e.ID).Error; err != nil {
				return fmt.Errorf("%s: %w", e.label(), ErrNotFound)
			}
			if err := refuseSelfGrant(tx, by, &old, e); err != nil {
				return err
			}
			if old.Active && old.Manager && (!e.Active || !e.Manager) {
				if err := keepAManager(tx, e.ID, e.Name); err != nil {
					return err
				}
			}
		}
		var fe FieldErrors
		if taken(tx, &Employee{}, "name", e.Name, e.ID) {
			fe.Add("Name", "Another employee already has this name.")
		}
		if taken(tx, &Employee{}, "initials", e.Initials, e.ID) {
			fe.Add("Initials", "These initials are already used by another employee.")
		}
		return fe.Err()
	}
}

// taken reports whether another row of model's table has column = value.
func taken(tx *gorm.DB, model any, column string, value any, exceptID uint) bool {
	var n int64
	tx.Model(model).Where(column+" = ? AND id <> ?", value, exceptID).Count(&n)
	return n > 0
}

// Employees returns the people of the office by name; inactive ones only when asked.
func (s *Store) Employees(ctx context.Context, includeInactive bool) ([]Employee, error) {
	q := s.reader(ctx).Order("name")
	if !includeInactive {
		q = q.Where("active = ?", true)
	}
	var out []Employee
	return out, q.Find(&out).Error
}

// Employee returns one employee by id.
func (s *Store) Employee(ctx context.Context, id uint) (*Employee, error) {
	return byID[Employee](ctx, s, id)
}

// EmployeeByName finds an employee by full name or initials (case-insensitive).
func (s *Store) EmployeeByName(ctx context.Context, name string) (*Employee, error) {
	name = strings.TrimSpace(name)
	var e Employee
	err := s.reader(ctx).Where("LOWER(name) = LOWER(?) OR UPPER(initials) = UPPER(?)", name, name).Take(&e).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("employee %q: %w", name, ErrNotFound)
	}
	return &e, err
}

// requireActiveEmployee refuses to give work to a person who does not exist
// or has left; the problem is reported on field, the form field that named them.
func requireActiveEmployee(tx *gorm.DB, id uint, field string) error {
	var e Employee
	var fe FieldErrors
	if err := tx.Select("id, name, active").Take(&e, id).Error; err != nil {
		fe.Add(field, "This person is not in the list of employees.")
		return fe.Err()
	}
	return CheckAssignable(&e, field)
}

// CheckAssignable refuses to give new work to a person who has left; the
// problem is reported on field. An import checks its rows with it against
// the employees it read once.
func CheckAssignable(e *Employee, field string) error {
	var fe FieldErrors
	if !e.Active {
		fe.Add(field, "{{.Name}} is inactive and cannot be given new work.", "Name", e.Name)
	}
	return fe.Err()
}

// requireManager refuses an action reserved for managers. The check is in
// the model so that no screen or command can skip it.
func requireManager(tx *gorm.DB, by Actor, refusal Msg) error {
	var e Employee
	if by.ID == 0 || tx.Select("id, name, active, manager").Take(&e, by.ID).Error != nil || !e.Active || !e.Manager {
		return &Refusal{refusal}
	}
	return nil
}

// SetEmployeeActive marks a person as gone (they keep their history and can
// no longer be given new work, nor sign in) or back. Only a manager may,
// and never for the office's last manager.
func (s *Store) SetEmployeeActive(ctx context.Context, by Actor, id uint, active bool, reason string) error {
	return setActive(ctx, s, by, &Employee{}, id, active, reason, func(tx *gorm.DB) error {
		if err := requirePeopleManager(tx, by); err != nil {
			return err
		}
		var e Employee
		if err := tx.Take(&e, id).Error; err != nil {
			return fmt.Errorf("employee %d: %w", id, ErrNotFound)
		}
		if !active && e.Active && e.Manager {
			return keepAManager(tx, id, e.Name)
		}
		return nil
	})
}

// MayChangePeople returns nil when by may add or change people, their
// roles and groups, or the refusal saying why not: the People section
// shows its form read-only then.
func (s *Store) MayChangePeople(ctx context.Context, by Actor) error {
	return requirePeopleManager(s.reader(ctx), by)
}

// requirePeopleManager refuses a change to the people of the office (who
// they are, their roles, groups and rights) unless by is an active
// manager. An office with no active manager yet is being set up (office
// init, the demo, a first start), and OrderDesk itself writes it; once one
// manager exists there always is one (keepAManager).
func requirePeopleManager(tx *gorm.DB, by Actor) error {
	var n int64
	if err := tx.Model(&Employee{}).Where("active = ? AND manager = ?", true, true).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	return requireManager(tx, by, M("Only a manager may add or change people, their roles and their groups."))
}

// keepAManager refuses to leave the office without an active manager,
// which would leave nobody able to change people or settings.
func keepAManager(tx *gorm.DB, id uint, name string) error {
	var n int64
	if err := tx.Model(&Employee{}).Where("active = ? AND manager = ? AND id <> ?", true, true, id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return Refuse("{{.Name}} is the office's last manager. Make someone else a manager first.", "Name", name)
	}
	return nil
}

// refuseSelfGrant refuses a person raising their own rights: the manager
// flag or a role they did not hold. A lone manager may (nobody else could).
func refuseSelfGrant(tx *gorm.DB, by Actor, old, e *Employee) error {
	if by.ID == 0 || by.ID != e.ID {
		return nil
	}
	gained := e.Manager && !old.Manager
	for _, r := range e.RoleList() {
		gained = gained || !slices.Contains(old.RoleList(), r)
	}
	if !gained || soleManager(tx, by.ID) {
		return nil
	}
	return Refuse("Nobody grants themselves a right or a role: ask another manager.")
}

// soleManager reports whether id is the only active manager.
func soleManager(tx *gorm.DB, id uint) bool {
	var n int64
	tx.Model(&Employee{}).Where("active = ? AND manager = ? AND id <> ?", true, true, id).Count(&n)
	return n == 0
}
