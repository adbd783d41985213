package model

import (
	"context"

	"gorm.io/gorm"
)

// batchKey carries a Batch's transaction in its context.
type batchKey struct{}

// Batch runs fn so that every write it makes through the store with the
// context it is given commits together, or not at all if fn returns an
// error: an import of a whole file, say. Each write keeps its own checks
// and events; inside the batch it runs in a savepoint, so fn may go on
// after a refused write to report every problem before giving up.
//
// fn may run more than once when another desk holds the database at the
// start, so it must build its values afresh each time.
func (s *Store) Batch(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, nested := ctx.Value(batchKey{}).(*gorm.DB); nested {
		return fn(ctx)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, batchKey{}, tx))
	})
}
