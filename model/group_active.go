package model

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// SetGroupActive deactivates a group the office no longer has, or brings
// it back. Only a manager may. An inactive group keeps its members and its
// history but is offered nowhere a group is chosen, and its members sign
// nothing by it (loadStaff reads active groups only). A group the office
// settings name to sign a department's gate stays active: each gate has
// exactly one such group, so without it no order could pass that gate.
func (s *Store) SetGroupActive(ctx context.Context, by Actor, id uint, active bool, reason string) error {
	return setActive(ctx, s, by, &Group{}, id, active, reason, func(tx *gorm.DB) error {
		if err := requireManager(tx, by, M("Only a manager may deactivate or reactivate a group.")); err != nil {
			return err
		}
		var g Group
		if err := tx.Take(&g, id).Error; err != nil {
			return fmt.Errorf("group %d: %w", id, ErrNotFound)
		}
		if active || !g.Active {
			return nil
		}
		office, err := loadOffice(tx)
		if err != nil {
			return err
		}
		for _, gate := range DepartmentSignOffs {
			if office.SignOffGroup(gate) == g.Code {
				return Refuse("Group {{.Group}} signs {{.Gate}}: while it is inactive nobody could sign that gate, so it stays active.",
					"Group", g.Code, "Gate", gate.Name())
			}
		}
		return nil
	})
}

// InactiveGroups returns the groups that were deactivated, by name: the
// People section offers them to reactivate.
func (s *Store) InactiveGroups(ctx context.Context) ([]Group, error) {
	var out []Group
	return out, s.reader(ctx).Where("active = ?", false).Order("name").Find(&out).Error
}

// checkGateGroups refuses pointing a gate at an inactive group, whose
// members sign nothing (the other half of SetGroupActive's rule). A gate
// may name a group not made yet: a new office's settings come first.
func checkGateGroups(tx *gorm.DB, o Office) error {
	old, err := loadOffice(tx)
	if err != nil {
		return err
	}
	for _, gate := range DepartmentSignOffs {
		code := o.SignOffGroup(gate)
		if code == old.SignOffGroup(gate) {
			continue
		}
		var n int64
		if err := tx.Model(&Group{}).Where("code = ? AND active = ?", code, false).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return Refuse("Group {{.Group}} is inactive and cannot sign {{.Gate}}: reactivate it first.", "Group", code, "Gate", gate.Name())
		}
	}
	return nil
}
