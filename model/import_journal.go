package model

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// A large import cannot be one transaction: on SQLite that holds the one
// write lock for minutes (no other desk can save) and keeps every change in
// memory until the commit. So an import writes in short batches, each its
// own transaction, and keeps a journal beside them: the import (running,
// done, undone) and, per record it touched, whether it was new or how it
// was before. An import that fails half-way is undone from the journal at
// once; one whose program died (killed, power cut) is undone by the next
// desk that opens the database. The outcome stays all or nothing.
//
// What other desks see: the records of each committed batch, as they are
// written (a new customer in the list, a changed phone number), each with
// its event. If the import is then undone, updated records get their
// earlier values back (an "import undone" event says so) and new records
// are removed again; a new record another desk has used in the meantime
// (an order for a new customer) cannot be removed and is kept, with an
// event saying so.

// Import states.
const (
	ImportRunning = "running"
	ImportDone    = "done"
	ImportUndoing = "undoing"
	ImportUndone  = "undone"
)

// ActImportUndone is the event of a record put back when its import was undone.
const ActImportUndone = "import undone"

// importStale is how long a running import may go without a batch before
// another desk takes it for dead. A live import writes a batch (and its
// heartbeat) well within a second.
const importStale = 2 * time.Minute

// Import is one import of a file, as the journal keeps it.
type Import struct {
	ID        uint      `gorm:"primaryKey"`
	Kind      string    `gorm:"size:20;not null"`
	By        string    `gorm:"size:80;not null"`
	State     string    `gorm:"size:10;not null;index"`
	StartedAt time.Time `gorm:"not null"`
	// AliveAt is the time of the import's last batch: a running import
	// that has not written for importStale is dead.
	AliveAt time.Time `gorm:"not null"`
	// Rows counts the rows of the file written so far.
	Rows int `gorm:"column:row_count;not null;default:0"`
}

// ImportChange is one record an import wrote: Before is the record as it
// was (JSON), or "" when the import created it.
type ImportChange struct {
	ID       uint   `gorm:"primaryKey"`
	ImportID uint   `gorm:"not null;index"`
	Entity   string `gorm:"size:20;not null"`
	EntityID uint   `gorm:"not null"`
	Before   string `gorm:"type:text;not null;default:''"`
}

// importJournalSchema is the schema step that adds the journal.
const importJournalSchema = 11

// importKey carries the running import's id in a batch's context.
type importKey struct{}

// importable makes an empty record of each kind an import writes, to read a
// before-image back into.
var importable = map[string]func() saveable{
	"customer": func() saveable { return &Customer{} },
	"product":  func() saveable { return &Product{} },
	"price":    func() saveable { return &Price{} },
	"employee": func() saveable { return &Employee{} },
}

// journal notes in the import's journal, inside the write's own
// transaction, that v was created (old nil) or changed from old.
func journal(ctx context.Context, tx *gorm.DB, v saveable, old any) error {
	id, ok := ctx.Value(importKey{}).(uint)
	if !ok {
		return nil
	}
	if _, known := importable[v.entity()]; !known {
		return fmt.Errorf("an import cannot write a %s", v.entity())
	}
	ch := ImportChange{ImportID: id, Entity: v.entity(), EntityID: v.row().ID}
	if old != nil {
		b, err := json.Marshal(old)
		if err != nil {
			return err
		}
		ch.Before = string(b)
	}
	return tx.Create(&ch).Error
}

// BeginImport starts the journal of an import of kind.
func (s *Store) BeginImport(ctx context.Context, by Actor, kind string) (*Import, error) {
	if err := by.valid(); err != nil {
		return nil, err
	}
	now := s.now()
	imp := &Import{Kind: kind, By: by.Name, State: ImportRunning, StartedAt: now, AliveAt: now}
	return imp, s.write(ctx, func(tx *gorm.DB) error { return tx.Create(imp).Error })
}

// ImportBatch runs fn in one short transaction of imp: every record fn
// saves through the store is journaled, and imp's heartbeat is written with
// it. If fn fails, nothing of this batch is kept (earlier batches are, until
// UndoImport). Call LetOthersWrite between batches.
func (s *Store) ImportBatch(ctx context.Context, imp *Import, rows int, fn func(ctx context.Context) error) error {
	err := s.Batch(context.WithValue(ctx, importKey{}, imp.ID), func(ctx context.Context) error {
		if err := fn(ctx); err != nil {
			return err
		}
		tx := ctx.Value(batchKey{}).(*gorm.DB)
		return tx.Model(imp).Where("id = ? AND state = ?", imp.ID, ImportRunning).
			Updates(map[string]any{"alive_at": s.now(), "row_count": gorm.Expr("row_count + ?", rows)}).Error
	})
	return err
}

// TryBatch runs fn in one short transaction that is always rolled back:
// the saves fn makes run every check they would (against the database as
// it is), and nothing is kept. It returns fn's error.
func (s *Store) TryBatch(ctx context.Context, fn func(ctx context.Context) error) error {
	var fnErr error
	err := s.Batch(ctx, func(ctx context.Context) error {
		fnErr = fn(ctx)
		return errTryOnly
	})
	if fnErr != nil {
		return fnErr
	}
	if errors.Is(err, errTryOnly) {
		return nil
	}
	return err
}

var errTryOnly = errors.New("a trial batch is always rolled back")

// LetOthersWrite pauses between an import's batches on SQLite. A desk in
// another process that waits for the write lock polls for it (SQLite's busy
// handler sleeps up to 100 ms between tries); a batch that started again at
// once could find the lock free first, every time.
func (s *Store) LetOthersWrite() {
	if s.Dialect == SQLite {
		time.Sleep(importPause)
	}
}

// importPause is the pause between an import's batches on SQLite.
var importPause = 120 * time.Millisecond

// FinishImport marks imp done: from now on it is never undone. Its
// before-images are no longer needed (each change has its event) and go.
func (s *Store) FinishImport(ctx context.Context, imp *Import) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(imp).Where("id = ? AND state = ?", imp.ID, ImportRunning).Update("state", ImportDone)
		if res.Error == nil && res.RowsAffected == 0 {
			return fmt.Errorf("import %d was taken for dead and undone by another desk", imp.ID)
		}
		return res.Error
	})
	if err != nil {
		return err
	}
	imp.State = ImportDone
	for {
		var n int64
		err := s.write(ctx, func(tx *gorm.DB) error {
			res := tx.Exec("DELETE FROM import_changes WHERE id IN (SELECT id FROM import_changes WHERE import_id = ? LIMIT 5000)", imp.ID)
			n = res.RowsAffected
			return res.Error
		})
		if err != nil || n == 0 {
			return err
		}
	}
}

// UndoImport puts back, newest first, every record imp wrote, in short
// transactions, and marks it undone. It returns how many new records were
// kept because another desk had used them already.
func (s *Store) UndoImport(ctx context.Context, imp *Import) (kept int, err error) {
	err = s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(imp).Where("id = ? AND state IN ?", imp.ID, []string{ImportRunning, ImportUndoing}).
			Updates(map[string]any{"state": ImportUndoing, "alive_at": s.now()}).Error
	})
	if err != nil {
		return 0, err
	}
	by := Actor{Name: imp.By}
	for {
		var changes []ImportChange
		err := s.write(ctx, func(tx *gorm.DB) error {
			changes = changes[:0]
			if err := tx.Where("import_id = ?", imp.ID).Order("id DESC").Limit(500).Find(&changes).Error; err != nil {
				return err
			}
			for i := range changes {
				k, err := s.undoChange(tx, by, imp, &changes[i])
				if err != nil {
					return fmt.Errorf("undo import %d, %s %d: %w", imp.ID, changes[i].Entity, changes[i].EntityID, err)
				}
				kept += k
			}
			return tx.Model(imp).Update("alive_at", s.now()).Error
		})
		if err != nil {
			return kept, err
		}
		if len(changes) == 0 {
			break
		}
		s.LetOthersWrite()
	}
	return kept, s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(imp).Update("state", ImportUndone).Error
	})
}

// undoChange puts one record back as it was before the import and takes
// the change out of the journal; it returns 1 when a new record had to be
// kept because something refers to it.
func (s *Store) undoChange(tx *gorm.DB, by Actor, imp *Import, ch *ImportChange) (int, error) {
	now := s.now()
	note := fmt.Sprintf("import %d (%s, %s) was undone", imp.ID, imp.Kind, imp.StartedAt.Format(time.DateTime))
	kept := 0
	v := importable[ch.Entity]()
	if ch.Before == "" {
		err := tx.Transaction(func(sp *gorm.DB) error { return sp.Delete(v, ch.EntityID).Error })
		action := ActImportUndone
		if err != nil {
			if !isForeignKeyViolation(err) {
				return 0, err
			}
			kept = 1
			note += "; kept, because it is already in use"
		}
		if err := logEvent(tx, Event{Entity: ch.Entity, EntityID: ch.EntityID, At: now, By: by.Name, Action: action, Note: note}); err != nil {
			return 0, err
		}
	} else {
		cur := importable[ch.Entity]()
		if err := tx.Take(cur, ch.EntityID).Error; err != nil {
			return 0, err
		}
		if err := json.Unmarshal([]byte(ch.Before), v); err != nil {
			return 0, err
		}
		v.row().Version = cur.row().Version
		if diff := Changes(cur, v); diff != "" {
			if err := updateRow(tx, by, now, v, v.label()); err != nil {
				return 0, err
			}
			if err := logEvent(tx, Event{Entity: ch.Entity, EntityID: ch.EntityID, At: now, By: by.Name, Action: ActImportUndone, Changes: diff, Note: note}); err != nil {
				return 0, err
			}
		}
	}
	return kept, tx.Delete(&ImportChange{}, ch.ID).Error
}

// undoDeadImports undoes every import whose program died while it ran (or
// while it was being undone): the next desk to open the database finds it
// and puts the office back as it was before that import.
func (s *Store) undoDeadImports(ctx context.Context) error {
	var dead []Import
	err := s.db.WithContext(ctx).Where("state IN ? AND alive_at < ?", []string{ImportRunning, ImportUndoing}, s.now().Add(-importStale)).
		Order("id").Find(&dead).Error
	if err != nil {
		return fmt.Errorf("read the import journal: %w", err)
	}
	for i := range dead {
		// Claim it, so two desks opening at once do not both undo it.
		var claimed int64
		err := s.write(ctx, func(tx *gorm.DB) error {
			res := tx.Model(&Import{}).Where("id = ? AND alive_at < ?", dead[i].ID, s.now().Add(-importStale)).Update("alive_at", s.now())
			claimed = res.RowsAffected
			return res.Error
		})
		if err != nil {
			return err
		}
		if claimed == 0 {
			continue
		}
		if _, err := s.UndoImport(ctx, &dead[i]); err != nil {
			return err
		}
		s.Warnings = append(s.Warnings, M("An import of {{.Kind}} by {{.By}} started {{.At}} did not finish (the program stopped); it has been undone, and nothing of it is kept.",
			"Kind", dead[i].Kind, "By", dead[i].By, "At", dead[i].StartedAt.In(s.Location()).Format(time.DateTime)))
	}
	return nil
}
