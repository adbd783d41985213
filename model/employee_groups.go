package model

import (
	"context"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// SaveEmployeeWithGroups stores a new or changed person and makes groupIDs
// exactly the groups they belong to, in one transaction with one event
// (the People form's Save, a row of a people import, people add). The
// rules of SaveEmployee and SetGroupMembers hold: only a manager, nobody
// joins a group of their own accord, only an active person joins one.
func (s *Store) SaveEmployeeWithGroups(ctx context.Context, by Actor, e *Employee, groupIDs []uint) error {
	e.normalise()
	if fe := e.Validate(); len(fe) > 0 {
		return fe
	}
	return s.saveWith(ctx, by, e, employeeChecks(by, e), func(tx *gorm.DB) ([]Msg, error) {
		return setGroupsOf(tx, by, e, groupIDs)
	})
}

// setGroupsOf makes want exactly the active groups e is in (an inactive
// group keeps its members) and returns the line of history saying so, or
// none when nothing changed.
func setGroupsOf(tx *gorm.DB, by Actor, e *Employee, want []uint) ([]Msg, error) {
	var all []Group
	if err := tx.Where("active = ?", true).Order("code").Find(&all).Error; err != nil {
		return nil, err
	}
	var have []uint
	if err := tx.Model(&GroupMember{}).Where("employee_id = ?", e.ID).Pluck("group_id", &have).Error; err != nil {
		return nil, err
	}
	var before, after []string
	joined := false
	for _, g := range all {
		in, wanted := slices.Contains(have, g.ID), slices.Contains(want, g.ID)
		if in {
			before = append(before, g.Code)
		}
		if wanted {
			after = append(after, g.Code)
		}
		switch {
		case wanted && !in:
			joined = true
			if err := tx.Create(&GroupMember{GroupID: g.ID, EmployeeID: e.ID}).Error; err != nil {
				return nil, err
			}
		case in && !wanted:
			if err := tx.Where("group_id = ? AND employee_id = ?", g.ID, e.ID).Delete(&GroupMember{}).Error; err != nil {
				return nil, err
			}
		}
	}
	for _, id := range want {
		if !slices.ContainsFunc(all, func(g Group) bool { return g.ID == id }) {
			return nil, FieldErrors{{"Groups", M("This group does not exist or is inactive.")}}
		}
	}
	if !joined {
		if slices.Equal(before, after) {
			return nil, nil
		}
	} else {
		if err := CheckAssignable(e, "Groups"); err != nil {
			return nil, err
		}
		if by.ID == e.ID && !soleManager(tx, by.ID) {
			return nil, Refuse("Nobody grants themselves a right or a role: ask another manager.")
		}
	}
	return []Msg{fieldChange("Groups", strings.Join(before, ", "), strings.Join(after, ", "))}, nil
}
