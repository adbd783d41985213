package model

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Draft is a form a clerk is typing, saved as they type so that nothing is
// lost when the app is closed, crashes or is killed: reopening the form
// brings it back. A draft is scratch, not a record: it has no history and
// is discarded once the form is saved or abandoned. It belongs to the clerk,
// so on a shared database it follows them to another desk.
type Draft struct {
	ID         uint   `gorm:"primaryKey"`
	EmployeeID uint   `gorm:"not null;uniqueIndex:idx_drafts_form,priority:1"`
	Form       string `gorm:"size:40;not null;uniqueIndex:idx_drafts_form,priority:2"` // "order-intake"
	// Key tells drafts of the same form apart: "new", or the id of the record being edited.
	Key     string    `gorm:"size:40;not null;uniqueIndex:idx_drafts_form,priority:3"`
	Title   string    `gorm:"size:200;not null;default:''"` // what the clerk sees in "drafts to reopen"
	Payload string    `gorm:"type:text;not null"`
	SavedAt time.Time `gorm:"not null"`
}

// SaveDraft stores (or replaces) the clerk's draft of a form.
func (s *Store) SaveDraft(ctx context.Context, by Actor, form, key, title, payload string) error {
	if by.ID == 0 {
		return errors.New("save draft: no clerk")
	}
	d := Draft{EmployeeID: by.ID, Form: form, Key: key, Title: strings.TrimSpace(title), Payload: payload, SavedAt: s.now()}
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "employee_id"}, {Name: "form"}, {Name: "key"}},
			DoUpdates: clause.AssignmentColumns([]string{"title", "payload", "saved_at"}),
		}).Create(&d).Error
	})
}

// Drafts returns the clerk's drafts of a form, the most recent first.
func (s *Store) Drafts(ctx context.Context, employeeID uint, form string) ([]Draft, error) {
	var out []Draft
	err := s.reader(ctx).Where("employee_id = ? AND form = ?", employeeID, form).Order("saved_at DESC").Find(&out).Error
	return out, err
}

// DiscardDraft removes the clerk's draft of a form, once it is saved or abandoned.
func (s *Store) DiscardDraft(ctx context.Context, by Actor, form, key string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Where("employee_id = ? AND form = ? AND key = ?", by.ID, form, key).Delete(&Draft{}).Error
	})
}
