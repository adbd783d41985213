package csvio

import (
	"context"
	"errors"
	"io"
	"sort"
	"time"

	"orderdesk/model"
)

// Phase is the part of an import that progress reports on.
type Phase int

// An import reads its file twice: it checks every row first, writing
// nothing, and only then writes.
const (
	Validating Phase = iota
	Writing
)

// Progress is how far an import has come: Done of Total data rows.
type Progress struct {
	Phase       Phase
	Done, Total int
}

// Options tune an import; the zero value imports quietly.
type Options struct {
	// Progress, when set, is called after each batch of rows, on the
	// import's goroutine.
	Progress func(Progress)
}

// Result is what an import did.
type Result struct {
	Rows     int    // the rows saved
	Encoding string // the encoding the file was read in: UTF-8, UTF-16 LE, UTF-16 BE or Big5
	// LongestBatch is the longest transaction the import held (trial or written).
	LongestBatch time.Duration
}

// batchTime is how long one batch of an import may hold the write lock,
// aimed at with room to spare: a batch that meets a checkpoint or a busy
// disk can take several times its aim and must still stay under the second
// another desk may be kept waiting.
const batchTime = 150 * time.Millisecond

// importFile imports a file in three reads of it, so that memory stays
// bounded (one batch of rows, plus the set of keys) and no transaction is
// long, while the outcome stays all or nothing:
//
//  1. survey: the header, the number of rows, and each key once in the file;
//  2. validate: every row saved through the model's own checks in trial
//     batches that are rolled back, so every bad row is reported, by line
//     and column, and a bad file writes nothing at all;
//  3. write: the same rows in short journaled batches (model.ImportBatch).
//     A row refused now (another desk changed something meanwhile), an
//     error, or a cancel undoes what was written (model.UndoImport); an
//     import whose program dies is undone when the database is next opened.
//
// Other desks see nothing of the file while it is validated, and the rows
// of each batch as it is written (see model/import_journal.go).
func (t *table[T]) importFile(ctx context.Context, s *model.Store, by model.Actor, r io.Reader, opt Options) (Result, error) {
	if t.may != nil {
		if err := t.may(ctx, s, by); err != nil {
			return Result{}, err
		}
	}
	src, err := spool(r)
	if err != nil {
		return Result{}, err
	}
	defer src.Close()
	res := Result{Encoding: src.enc}
	total, problems, err := t.survey(src)
	if err != nil {
		return res, err
	}
	report := func(p Phase, done int) {
		if opt.Progress != nil {
			opt.Progress(Progress{Phase: p, Done: done, Total: total})
		}
	}
	report(Validating, 0)
	ctx = withLookups(ctx)
	// Checking rows without trial saves writes nothing: no pause is owed
	// to other desks between its batches, nor is its time a transaction's.
	var checking time.Duration
	longest := &res.LongestBatch
	if t.fast != nil {
		longest = &checking
	}
	err = t.inBatches(ctx, s, src, longest, t.fast == nil, func(batch []row) error {
		if t.fast != nil {
			found, err := t.checkRows(ctx, s, batch)
			problems = append(problems, found...)
			return err
		}
		var found []Problem
		err := s.TryBatch(ctx, func(ctx context.Context) error {
			found = t.importRows(ctx, s, by, batch) // afresh if the batch runs again
			return nil
		})
		problems = append(problems, found...)
		return err
	}, func(done int) { report(Validating, done) })
	if err != nil {
		return res, err
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return res, &ImportError{problems}
	}
	imp, err := s.BeginImport(ctx, by, t.kind)
	if err != nil {
		return res, err
	}
	report(Writing, 0)
	err = t.inBatches(ctx, s, src, &res.LongestBatch, true, func(batch []row) error {
		if t.fast != nil {
			return t.writeRows(ctx, s, by, imp, batch)
		}
		return s.ImportBatch(ctx, imp, len(batch), func(ctx context.Context) error {
			if p := t.importRows(ctx, s, by, batch); len(p) > 0 {
				return &ImportError{p}
			}
			return nil
		})
	}, func(done int) { res.Rows = done; report(Writing, done) })
	if err == nil {
		err = s.FinishImport(ctx, imp)
	}
	if err != nil {
		res.Rows = 0
		if _, uerr := s.UndoImport(context.WithoutCancel(ctx), imp); uerr != nil {
			return res, errors.Join(err, uerr)
		}
		return res, err
	}
	return res, nil
}

// row is one data row of the file with its line.
type row struct {
	cells map[string]string
	line  int
}

// survey reads the file once without the database: its header, how many
// rows it has, and each key that is in it twice (the checks of one batch
// cannot see that across batches), reported with the rows' own problems.
func (t *table[T]) survey(src *source) (int, []Problem, error) {
	rs, err := t.rows(src)
	if err != nil {
		return 0, nil, err
	}
	seen := map[string]int{} // key → its first line
	var problems []Problem
	n := 0
	for {
		rec, line, err := rs.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, nil, err
		}
		n++
		k := t.rowKey(cellsOf(rs.index, rec))
		if k == "" {
			continue // the row's own checks report a missing key
		}
		if first, dup := seen[k]; dup {
			problems = append(problems, Problem{Line: line, Column: t.key, Msg: model.M("This row is for the same record as line {{.First}}; a file may change each record once.", "First", first)})
			continue
		}
		seen[k] = line
	}
	return n, problems, nil
}

// inBatches reads the file's rows and hands them to do in batches sized so
// that each takes about batchTime; done is told the rows done so far.
// A batch is read before do runs, since a write may run its function again.
// pause lets other desks write between batches that wrote.
func (t *table[T]) inBatches(ctx context.Context, s *model.Store, src *source, longest *time.Duration, pause bool, do func([]row) error, done func(int)) error {
	rs, err := t.rows(src)
	if err != nil {
		return err
	}
	size, n := 50, 0
	batch := make([]row, 0, size)
	for eof := false; !eof; {
		batch = batch[:0]
		for len(batch) < size {
			rec, line, err := rs.next()
			if errors.Is(err, io.EOF) {
				eof = true
				break
			}
			if err != nil {
				return err
			}
			batch = append(batch, row{cellsOf(rs.index, rec), line})
		}
		if len(batch) == 0 {
			break
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		if err := do(batch); err != nil {
			return err
		}
		took := time.Since(start)
		*longest = max(*longest, took)
		n += len(batch)
		done(n)
		size = nextBatchSize(size, took)
		if pause {
			s.LetOthersWrite()
		}
	}
	return nil
}

// maxBatch bounds a batch's rows whatever its speed, so that a stall (a
// checkpoint, another process) met by a fast batch stays short.
const maxBatch = 2000

// nextBatchSize aims the next batch at batchTime from how long this one took.
func nextBatchSize(size int, took time.Duration) int {
	if took <= 0 {
		took = time.Millisecond
	}
	next := int(float64(size) * float64(batchTime) / float64(took))
	next = min(next, size*3/2) // grow gently: one slow row should not make a long batch
	return max(10, min(next, maxBatch))
}

// importRows saves the rows of one batch, returning every problem found.
func (t *table[T]) importRows(ctx context.Context, s *model.Store, by model.Actor, batch []row) []Problem {
	var problems []Problem
	for _, r := range batch {
		problems = append(problems, t.importRow(ctx, s, by, r.cells, r.line)...)
	}
	return problems
}
