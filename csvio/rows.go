package csvio

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"orderdesk/model"
)

// rows reads an imported file's data rows one at a time, with each row's
// line in the file; blank rows are skipped.
type rows struct {
	cr    *csv.Reader
	index map[string]int // column name → position in the file
}

// rows opens src from its start and checks its header: a column the table
// does not know, or a missing key column, refuses the file before any row.
func (t *table[T]) rows(src *source) (*rows, error) {
	text, err := src.open()
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(text)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &ImportError{[]Problem{{Line: 1, Msg: model.M("The file is empty: the first line must name the columns.")}}}
	}
	if err != nil {
		return nil, readProblem(err)
	}
	rs := &rows{cr: cr, index: map[string]int{}}
	known := map[string]bool{}
	for _, c := range t.columns {
		known[c.name] = c.set != nil || known[c.name]
	}
	var problems []Problem
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, ok := known[h]; !ok {
			problems = append(problems, Problem{Line: 1, Column: h, Msg: model.M("Unknown column {{.Column}}; the columns are: {{.Known}}.", "Column", h, "Known", strings.Join(t.header(), ", "))})
			continue
		}
		if _, dup := rs.index[h]; dup {
			problems = append(problems, Problem{Line: 1, Column: h, Msg: model.M("The column {{.Column}} appears twice.", "Column", h)})
		}
		rs.index[h] = i
	}
	if _, ok := rs.index[t.key]; !ok {
		problems = append(problems, Problem{Line: 1, Column: t.key, Msg: model.M("The file has no {{.Column}} column.", "Column", t.key)})
	}
	if len(problems) > 0 {
		return nil, &ImportError{problems}
	}
	return rs, nil
}

// next returns the next data row and its line, or io.EOF after the last.
func (rs *rows) next() ([]string, int, error) {
	for {
		rec, err := rs.cr.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, 0, err
			}
			return nil, 0, readProblem(err)
		}
		if !blank(rec) {
			line, _ := rs.cr.FieldPos(0)
			return rec, line, nil
		}
	}
}

// cellsOf maps a row's cells to their columns, trimmed, with the quote an
// export puts before a formula-looking cell taken off.
func cellsOf(index map[string]int, rec []string) map[string]string {
	cells := make(map[string]string, len(index))
	for name, i := range index {
		if i < len(rec) {
			cells[name] = model.RestoreCell(strings.TrimSpace(rec[i]))
		}
	}
	return cells
}

func readProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		var ie *ImportError
		if errors.As(pe.Err, &ie) {
			return ie
		}
		return &ImportError{[]Problem{{Line: pe.Line, Msg: model.M("The file is not valid CSV here: {{.Reason}}.", "Reason", pe.Err.Error())}}}
	}
	return err
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
