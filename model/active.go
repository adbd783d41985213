package model

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// setActive deactivates or reactivates one master-data record (customer,
// product, vendor, contact, employee...). Records are never deleted: a
// deactivated one keeps its history and disappears from pickers. The reason
// goes on the event.
func setActive(ctx context.Context, s *Store, by Actor, v saveable, id uint, active bool, reason string, checks ...func(tx *gorm.DB) error) error {
	if err := by.valid(); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if !active && reason == "" {
		return FieldErrors{{"Reason", M("Say why this record is being deactivated.")}}
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		for _, check := range checks {
			if err := check(tx); err != nil {
				return err
			}
		}
		var cur struct{ Active bool }
		if err := tx.Model(v).Select("active").Where("id = ?", id).Take(&cur).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("%s %d: %w", v.entity(), id, ErrNotFound)
			}
			return err
		}
		if cur.Active == active {
			return nil
		}
		now := s.now()
		res := tx.Model(v).Where("id = ?", id).Updates(map[string]any{
			"active": active, "version": gorm.Expr("version + 1"), "updated_at": now, "updated_by": by.Name})
		if res.Error != nil {
			return res.Error
		}
		action := ActDeactivated
		if active {
			action = ActReactivated
		}
		return logEvent(tx, eventWith(Event{Entity: v.entity(), EntityID: id, At: now, By: by.Name, ByID: by.ID,
			Action: action, Note: reason}, fieldChange("Active", yesNo(!active), yesNo(active))))
	})
}

// sortedByForm orders field problems as the fields appear on the form.
func sortedByForm(fe FieldErrors, order []string) FieldErrors {
	pos := make(map[string]int, len(order))
	for i, f := range order {
		pos[f] = i + 1
	}
	sort.SliceStable(fe, func(i, j int) bool {
		pi, pj := pos[fe[i].Field], pos[fe[j].Field]
		if pi == 0 {
			pi = len(order) + 1
		}
		if pj == 0 {
			pj = len(order) + 1
		}
		return pi < pj
	})
	return fe
}
