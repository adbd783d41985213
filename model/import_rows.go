package model

import (
	"context"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// A large import is checked before anything is written, row by row, without
// a save per row (a trial save of 100,000 rows took minutes): CheckImported
// runs every check of a save that reads no database, and the importer
// checks what does (a code in the file twice, who a salesperson cell names)
// against what it read once. New records are then written many to a
// statement by InsertImported, each with its event and journal row; a
// changed record still goes through its own Save, with all its checks.

// Importable is a record an import may insert many at a time.
type Importable interface {
	*Customer | *Product
	saveable
}

// CheckImported normalises v as its save would and returns every problem
// with its own fields and text: the checks of SaveCustomer and SaveProduct
// that need no database.
func CheckImported[P Importable](v P) FieldErrors {
	var fe FieldErrors
	switch r := any(v).(type) {
	case *Customer:
		r.normalise()
		fe = r.Validate()
	case *Product:
		r.normalise()
		fe = r.Validate()
	}
	return append(fe, checkText(v)...)
}

// ImportTargets returns the stored records of type T (customers or
// products) with these codes, by code: what the rows of one batch update.
func ImportTargets[P Importable](ctx context.Context, s *Store, codes []string) (map[string]P, error) {
	var found []P
	if err := s.reader(ctx).Where("code IN ?", codes).Find(&found).Error; err != nil {
		return nil, err
	}
	out := make(map[string]P, len(found))
	for _, p := range found {
		out[codeOf(p)] = p
	}
	return out, nil
}

func codeOf(v any) string {
	switch r := v.(type) {
	case *Customer:
		return r.Code
	case *Product:
		return r.Code
	}
	return ""
}

// InsertImported stores new records of one import batch (inside
// ImportBatch) in a few multi-row statements: the records, their "created"
// events and their journal rows. Each was checked with CheckImported; a
// code another desk took meanwhile fails the unique index, and the batch.
func InsertImported[P Importable](ctx context.Context, s *Store, by Actor, vs []P) error {
	if len(vs) == 0 {
		return nil
	}
	if err := by.valid(); err != nil {
		return err
	}
	tx, ok := ctx.Value(batchKey{}).(*gorm.DB)
	impID, journaled := ctx.Value(importKey{}).(uint)
	if !ok || !journaled {
		return fmt.Errorf("InsertImported runs inside an ImportBatch")
	}
	// The fast path keeps the saves' rules of authority: a new customer
	// with other than the new-customer terms or with a managed-service
	// contract needs a manager, as in SaveCustomer (a clerk's import must
	// not create a tier-A customer); one manager check answers for the batch.
	for _, v := range vs {
		if c, ok := any(v).(*Customer); ok && (termsChanged(tx, c) || managedContractChanged(tx, c)) {
			if err := requireManagerForTerms(tx, by, c); err != nil {
				return err
			}
			break
		}
	}
	now := s.now()
	for _, v := range vs {
		if !v.row().IsNew() {
			return fmt.Errorf("%s is not new", v.label())
		}
		r := v.row()
		r.CreatedAt, r.UpdatedAt, r.CreatedBy, r.UpdatedBy, r.Version = now, now, by.Name, by.Name, 1
	}
	if err := tx.Omit(clause.Associations).CreateInBatches(vs, batchRows(tx, vs[0])).Error; err != nil {
		return translateDup(err)
	}
	events := make([]Event, len(vs))
	changes := make([]ImportChange, len(vs))
	for i, v := range vs {
		events[i] = Event{Entity: v.entity(), EntityID: v.row().ID, At: now, By: by.Name, ByID: by.ID, Action: ActCreated}
		changes[i] = ImportChange{ImportID: impID, Entity: v.entity(), EntityID: v.row().ID}
	}
	if err := tx.CreateInBatches(events, batchRows(tx, &events[0])).Error; err != nil {
		return err
	}
	return tx.CreateInBatches(changes, batchRows(tx, &changes[0])).Error
}
