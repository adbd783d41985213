package csvio

import (
	"context"

	"orderdesk/model"
)

// storedOf reads, in one query, the stored records the rows of a batch update.
func (t *table[T]) storedOf(ctx context.Context, s *model.Store, batch []row) (map[string]*T, error) {
	codes := make([]string, 0, len(batch))
	for _, r := range batch {
		if k := t.rowKey(r.cells); k != "" {
			codes = append(codes, k)
		}
	}
	return t.fast.targets(ctx, s, codes)
}

// buildRow applies a row's cells to a copy of the stored record it updates,
// or to a new one, and checks the result with the model's own checks.
func (t *table[T]) buildRow(ctx context.Context, s *model.Store, stored map[string]*T, r row) (v *T, isNew bool, problems []Problem) {
	if cur, ok := stored[t.rowKey(r.cells)]; ok {
		c := *cur // a copy: a batch that runs again starts from the stored record
		v = &c
	} else {
		v, isNew = t.fast.fresh(), true
	}
	for _, c := range t.columns {
		cell, present := r.cells[c.name]
		if !present || c.set == nil {
			continue
		}
		if err := c.set(ctx, s, v, cell); err != nil {
			problems = append(problems, Problem{Line: r.line, Column: c.name, Msg: model.Say(err)})
		}
	}
	if len(problems) > 0 {
		return v, isNew, problems
	}
	if fe := t.fast.check(v); len(fe) > 0 {
		return v, isNew, t.problemsOf(fe, r.line)
	}
	return v, isNew, nil
}

// checkRows checks one batch of rows, writing nothing.
func (t *table[T]) checkRows(ctx context.Context, s *model.Store, batch []row) ([]Problem, error) {
	stored, err := t.storedOf(ctx, s, batch)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	for _, r := range batch {
		_, _, p := t.buildRow(ctx, s, stored, r)
		problems = append(problems, p...)
	}
	return problems, nil
}

// writeRows writes one batch in one journaled transaction: a changed record
// through its own Save (every check it makes), the new ones many to a
// statement. Any problem fails the batch, and the import is undone.
func (t *table[T]) writeRows(ctx context.Context, s *model.Store, by model.Actor, imp *model.Import, batch []row) error {
	stored, err := t.storedOf(ctx, s, batch)
	if err != nil {
		return err
	}
	return s.ImportBatch(ctx, imp, len(batch), func(ctx context.Context) error {
		var news []*T
		var problems []Problem
		for _, r := range batch {
			v, isNew, p := t.buildRow(ctx, s, stored, r)
			switch {
			case len(p) > 0:
				problems = append(problems, p...)
			case isNew:
				news = append(news, v)
			default:
				if err := t.save(ctx, s, by, v); err != nil {
					problems = append(problems, t.problemsOf(err, r.line)...)
				}
			}
		}
		if len(problems) > 0 {
			return &ImportError{problems}
		}
		return t.fast.insert(ctx, s, by, news)
	})
}
