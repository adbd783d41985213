package model

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// EmployeePassword is a person's sign-in secret, kept apart from Employee
// so that no list of people ever carries a hash, and a stale form saving an
// employee cannot write an old password back. Only the bcrypt hash is
// stored; the password itself is never written anywhere.
type EmployeePassword struct {
	EmployeeID uint   `gorm:"primaryKey;autoIncrement:false"`
	Hash       string `gorm:"not null"`
	// FailedTries counts the wrong passwords since the last good one: it
	// lives in the database so that the slow-down holds across desks and
	// processes (the window, every CLI run).
	FailedTries  int `gorm:"not null;default:0"`
	LastFailedAt *time.Time
	ChangedAt    time.Time `gorm:"not null"`
	ChangedBy    string    `gorm:"size:80;not null"`
}

// TableName keeps the table's name as the schema step writes it.
func (EmployeePassword) TableName() string { return "employee_passwords" }

// FreeTries is how many wrong passwords a person may type before each
// further try must wait.
const FreeTries = 5

// Password lengths: bcrypt reads 72 bytes at most, so a longer password
// would be silently cut; four characters lets the demo's "demo" through.
const (
	minPassword = 4
	maxPassword = 72
)

// bcryptCost is bcrypt's work factor: about 50 ms a try on an office PC,
// which costs a clerk nothing and a guesser a great deal.
const bcryptCost = bcrypt.DefaultCost

// retryWait is how long a person must wait after the given number of
// wrong passwords before the next try is even checked: nothing for the
// first FreeTries, then 30 seconds doubling each time, at most 15 minutes.
func retryWait(failed int) time.Duration {
	if failed < FreeTries {
		return 0
	}
	d := 30 * time.Second << min(failed-FreeTries, 5)
	return min(d, 15*time.Minute)
}

// checkPassword returns the problem with a new password, if any.
func checkPassword(pw string) Msg {
	switch {
	case len([]rune(pw)) < minPassword:
		return M("A password has at least {{.N}} characters.", "N", minPassword)
	case len(pw) > maxPassword:
		return M("A password has at most {{.N}} bytes (about 24 Chinese characters).", "N", maxPassword)
	}
	return Msg{}
}

// hashPassword returns pw's bcrypt hash (salted, so two hashes of one
// password differ).
func hashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcryptCost)
	if err != nil {
		return "", fmt.Errorf("hash the password: %w", err)
	}
	return string(h), nil
}

// wrongPassword is the one refusal for an unknown person and a wrong
// password alike, so that a guesser does not learn which was wrong.
func wrongPassword() error {
	return Refuse("The name or the password is wrong.")
}

// SignIn returns the active employee whose initials (or full name) are code
// when password is theirs. After FreeTries wrong passwords each further try
// waits longer, and a try made too soon is refused without being checked.
func (s *Store) SignIn(ctx context.Context, code, password string) (*Employee, error) {
	e, err := s.EmployeeByName(ctx, code)
	if errors.Is(err, ErrNotFound) || (err == nil && !e.Active) {
		return nil, wrongPassword()
	}
	if err != nil {
		return nil, err
	}
	var outcome error
	err = s.write(ctx, func(tx *gorm.DB) error {
		outcome = nil
		var p EmployeePassword
		if err := tx.Take(&p, e.ID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			outcome = Refuse("{{.Name}} has no password yet. A manager sets one in People, or choose your own first one.", "Name", e.Name)
			return nil
		} else if err != nil {
			return err
		}
		now := s.now()
		if p.LastFailedAt != nil {
			if wait := p.LastFailedAt.Add(retryWait(p.FailedTries)).Sub(now); wait > 0 {
				outcome = Refuse("Too many wrong passwords for {{.Name}}. Try again in {{.Seconds}} seconds.",
					"Name", e.Name, "Seconds", int(wait.Round(time.Second)/time.Second))
				return nil
			}
		}
		if bcrypt.CompareHashAndPassword([]byte(p.Hash), []byte(password)) != nil {
			// The failure is committed: the slow-down must outlive this try.
			outcome = wrongPassword()
			return tx.Model(&EmployeePassword{}).Where("employee_id = ?", e.ID).
				Updates(map[string]any{"failed_tries": p.FailedTries + 1, "last_failed_at": now.UTC()}).Error
		}
		if p.FailedTries == 0 {
			return nil
		}
		return tx.Model(&EmployeePassword{}).Where("employee_id = ?", e.ID).
			Updates(map[string]any{"failed_tries": 0, "last_failed_at": nil}).Error
	})
	if err != nil {
		return nil, fmt.Errorf("sign in %s: %w", code, err)
	}
	if outcome != nil {
		return nil, outcome
	}
	return e, nil
}

// HasPassword reports whether the employee has a password yet.
func (s *Store) HasPassword(ctx context.Context, employeeID uint) (bool, error) {
	var n int64
	err := s.reader(ctx).Model(&EmployeePassword{}).Where("employee_id = ?", employeeID).Count(&n).Error
	return n > 0, err
}

// SetPassword sets or resets a person's password: a manager may for
// anyone (a forgotten password); anyone else only for themselves, giving
// their current password (old) unless they have none yet. The person's
// wrong tries are forgotten.
func (s *Store) SetPassword(ctx context.Context, by Actor, employeeID uint, old, password string) error {
	if err := by.valid(); err != nil {
		return err
	}
	if m := checkPassword(password); !m.IsZero() {
		return FieldErrors{{"Password", m}}
	}
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var e Employee
		if err := tx.Take(&e, employeeID).Error; err != nil {
			return fmt.Errorf("employee %d: %w", employeeID, ErrNotFound)
		}
		var cur EmployeePassword
		had := tx.Take(&cur, employeeID).Error == nil
		if managerErr := requireManager(tx, by, Msg{}); managerErr != nil {
			if by.ID != employeeID {
				return Refuse("Only a manager may set another person's password.")
			}
			if had && bcrypt.CompareHashAndPassword([]byte(cur.Hash), []byte(old)) != nil {
				return FieldErrors{{"Old", M("Your current password is wrong; the password was not changed.")}}
			}
		}
		p := EmployeePassword{EmployeeID: employeeID, Hash: hash, ChangedAt: s.now(), ChangedBy: by.Name}
		if err := tx.Save(&p).Error; err != nil {
			return err
		}
		what := M("password set")
		if had {
			what = M("password changed")
		}
		return logEvent(tx, eventWith(Event{Entity: "employee", EntityID: employeeID, At: s.now(), By: by.Name, ByID: by.ID,
			Action: ActUpdated}, what))
	})
}

// SetDemoPasswords gives every person of the demo office who has no
// password yet the same one. It refuses any office not marked as the demo,
// so no real office can get a known password this way.
func (s *Store) SetDemoPasswords(ctx context.Context, password string) error {
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		o, err := loadOffice(tx)
		if err != nil {
			return err
		}
		if !o.Demo {
			return Refuse("Only the demo office has demo passwords.")
		}
		var ids []uint
		if err := tx.Model(&Employee{}).Where("id NOT IN (?)", tx.Model(&EmployeePassword{}).Select("employee_id")).
			Order("id").Pluck("id", &ids).Error; err != nil {
			return err
		}
		for _, id := range ids {
			p := EmployeePassword{EmployeeID: id, Hash: hash, ChangedAt: s.now(), ChangedBy: System.Name}
			if err := tx.Create(&p).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
