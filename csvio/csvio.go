// Package csvio moves master data — customers, products, prices — between
// OrderDesk and CSV files a clerk edits in Excel. Exports are UTF-8 with a
// byte-order mark, so Excel shows Chinese names, and formula-looking cells
// neutralised (model.CSVWriter). Imports read UTF-8 (with or without the
// mark), UTF-16 with its mark and Big5 (decode.go). An import is all or
// nothing: every bad row is reported by line and column with the reason,
// and nothing from that file is kept (importfile.go).
// The rules a row must meet are the model's (the same Save functions the
// screens use); this package only maps columns to fields.
package csvio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"orderdesk/model"
)

// bom is the UTF-8 byte-order mark Excel looks for to read a CSV as UTF-8.
const bom = "\ufeff"

// Problem is one thing wrong with an imported file.
type Problem struct {
	Line   int    // the line in the file, 1 for the header
	Column string // the column's header name, "" for the whole row
	Msg    model.Msg
}

func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return fmt.Sprintf("line %d, column %s: %s", p.Line, p.Column, p.Msg)
}

// ImportError lists every problem of a refused file; nothing was written.
type ImportError struct{ Problems []Problem }

func (e *ImportError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("nothing was imported; %d problems:\n%s", len(e.Problems), strings.Join(lines, "\n"))
}

// column maps one CSV column to a field of T.
type column[T any] struct {
	name  string // the header, lower case
	field string // the model field its errors are reported on
	get   func(ctx context.Context, s *model.Store, v *T) string
	// set parses the cell into v; nil makes the column export-only.
	set func(ctx context.Context, s *model.Store, v *T, cell string) error
}

// table is how one kind of record travels as CSV.
type table[T any] struct {
	kind    string // what the journal and progress call the rows: "customers"
	columns []column[T]
	// key names the column that finds an existing record to update.
	key string
	// rowKey is what names the record a row writes; two rows of one file
	// may not write the same record.
	rowKey func(cells map[string]string) string
	// find returns the stored record a row updates, or a new one.
	find func(ctx context.Context, s *model.Store, row map[string]string) (*T, error)
	save func(ctx context.Context, s *model.Store, by model.Actor, v *T) error
	all  func(ctx context.Context, s *model.Store) ([]T, error)
	// may, when set, refuses the whole file before a row is read: who may
	// not import this kind at all (people: only a manager).
	may func(ctx context.Context, s *model.Store, by model.Actor) error
	// fast, when set, checks and writes rows many at a time (rows.go)
	// instead of a trial save and a save per row.
	fast *fastPath[T]
}

// fastPath is how a table keyed by code imports without a save per row:
// the stored records a batch updates are read in one query, each row is
// checked with the model's checks that need no database, and new records
// are inserted many to a statement (see model/import_rows.go).
type fastPath[T any] struct {
	targets func(ctx context.Context, s *model.Store, codes []string) (map[string]*T, error)
	fresh   func() *T
	check   func(v *T) model.FieldErrors
	insert  func(ctx context.Context, s *model.Store, by model.Actor, vs []*T) error
}

func (t *table[T]) header() []string {
	h := make([]string, len(t.columns))
	for i, c := range t.columns {
		h[i] = c.name
	}
	return h
}

// export writes every record of the table, header first.
func (t *table[T]) export(ctx context.Context, s *model.Store, w io.Writer) (int, error) {
	rows, err := t.all(ctx, s)
	if err != nil {
		return 0, err
	}
	cw, err := model.NewCSVWriter(w)
	if err != nil {
		return 0, err
	}
	if err := cw.Write(t.header()); err != nil {
		return 0, err
	}
	rec := make([]string, len(t.columns))
	for i := range rows {
		for j, c := range t.columns {
			rec[j] = c.get(ctx, s, &rows[i])
		}
		if err := cw.Write(rec); err != nil {
			return 0, err
		}
	}
	return len(rows), cw.Flush()
}

// importRow applies one row to its record and saves it; it returns what is
// wrong with the row, by column.
func (t *table[T]) importRow(ctx context.Context, s *model.Store, by model.Actor, cells map[string]string, line int) []Problem {
	v, err := t.find(ctx, s, cells)
	if err != nil {
		return []Problem{{Line: line, Column: t.key, Msg: model.Say(err)}}
	}
	var problems []Problem
	for _, c := range t.columns {
		cell, present := cells[c.name]
		if !present || c.set == nil {
			continue
		}
		if err := c.set(ctx, s, v, cell); err != nil {
			problems = append(problems, Problem{Line: line, Column: c.name, Msg: model.Say(err)})
		}
	}
	if len(problems) > 0 {
		return problems
	}
	if err := t.save(ctx, s, by, v); err != nil {
		return t.problemsOf(err, line)
	}
	return nil
}

// problemsOf turns a save's refusal into problems on the row's columns.
func (t *table[T]) problemsOf(err error, line int) []Problem {
	var fe model.FieldErrors
	if !errors.As(err, &fe) {
		return []Problem{{Line: line, Msg: model.Say(err)}}
	}
	byField := map[string]string{}
	for _, c := range t.columns {
		byField[c.field] = c.name
	}
	var out []Problem
	for _, e := range fe {
		out = append(out, Problem{Line: line, Column: byField[e.Field], Msg: e.Msg})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Column < out[j].Column })
	return out
}
