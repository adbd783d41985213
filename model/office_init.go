package model

import (
	"context"
	"path/filepath"
)

// DemoFile is the demo office's file, kept beside the real office's
// database so that its invented orders never mix with real ones.
const DemoFile = "orderdesk-demo.db"

// DemoPath returns where the demo office lives for s: beside s's file, or
// in the app's folder when s is a PostgreSQL database.
func (s *Store) DemoPath() string {
	if s.Path != "" {
		return filepath.Join(filepath.Dir(s.Path), DemoFile)
	}
	return filepath.Join(AppDir(), DemoFile)
}

// IsEmpty reports whether the database holds no office yet (nobody in it):
// the window's first start asks what to make of it.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int64
	err := s.reader(ctx).Model(&Employee{}).Count(&n).Error
	return n == 0, err
}

// SetUpOffice makes a new, empty office: its settings, its first manager
// with a password (in Management), and the standard departments, in one
// transaction. It refuses a database that
// already has people, so a real office is never set up twice over.
func (s *Store) SetUpOffice(ctx context.Context, o Office, manager *Employee, password string) error {
	if m := checkPassword(password); !m.IsZero() {
		return FieldErrors{{"Password", m}}
	}
	o.Demo = false
	defer s.useOfficeZone(Options{}) // the zone saved, or the old one if the batch was undone
	return s.Batch(ctx, func(ctx context.Context) error {
		people, err := s.Employees(ctx, true)
		if err != nil {
			return err
		}
		if len(people) > 0 {
			return Refuse("This database already holds an office with people; it was not changed.")
		}
		m := *manager
		m.ID, m.Active, m.Manager = 0, true, true
		if len(m.RoleList()) == 0 {
			m.SetRoles([]string{"Manager"})
		}
		if err := s.SaveEmployee(ctx, System, &m); err != nil {
			return err
		}
		by := m.Actor()
		if err := s.SaveOffice(ctx, by, o); err != nil {
			return err
		}
		if err := s.SetPassword(ctx, by, m.ID, "", password); err != nil {
			return err
		}
		for _, std := range StandardGroups {
			g := std
			g.Active = true
			if err := s.SaveGroup(ctx, by, &g); err != nil {
				return err
			}
			if g.Code == "MGMT" {
				if err := s.SetGroupMembers(ctx, by, g.ID, []uint{m.ID}); err != nil {
					return err
				}
			}
		}
		*manager = m
		return nil
	})
}
