package model

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// The ticket search (TicketFilter.Text) finds the tickets whose number or
// subject holds what the clerk typed, in any case: LOWER(no) LIKE and
// LOWER(subject) LIKE, on both databases. Schema step 22 indexes that text
// by trigrams. On PostgreSQL pg_trgm's GIN index serves the LIKE itself
// (when the office's role could create the extension). On SQLite the
// board's column counts under a search read the FTS5 table
// tickets_search; a column's page keeps the LIKE, as it walks the
// column's own index and stops at its 50 cards.

// minTrigramRunes is the shortest text the trigram index can look up: a
// trigram is three characters, and FTS5 finds nothing for a shorter
// phrase (it does not fall back to a scan).
const minTrigramRunes = 3

// whereTicketText narrows q to the tickets whose number or subject holds
// text (trimmed, not empty).
func whereTicketText(q *gorm.DB, text string) *gorm.DB {
	// The number is matched as typed in capitals, the subject in small
	// letters, as the search always has. LOWER(no) makes the number's
	// match case-blind on PostgreSQL too, whose LIKE heeds case (SQLite's
	// does not, for ASCII).
	return q.Where(`(LOWER(no) LIKE ? ESCAPE '\' OR LOWER(subject) LIKE ? ESCAPE '\')`,
		likePattern(strings.ToUpper(text)), likePattern(strings.ToLower(text)))
}

// searchOnly reports whether f is a search of the board's columns and
// nothing else (no person, group, customer, order, type or overdue day),
// which the text index counts alone.
func (f TicketFilter) searchOnly() bool {
	return f.Manager == nil && !f.NewQueue && f.Group == nil && f.Customer == nil && f.Order == nil &&
		f.Type == "" && f.OverdueOn.IsZero()
}

// countTicketsBySearch counts the tickets of each of f's statuses whose
// number or subject holds f.Text, from tickets_search alone, in one
// statement. ok is false where the index cannot answer: on
// PostgreSQL, for a filter that is more than a search of given statuses,
// and for a text too short for a trigram (紙業, "42"), which the LIKE then
// counts by reading the tickets, as before step 22.
//
// The index holds LOWER(no) and LOWER(subject) as the LIKE compares them,
// with case kept: a phrase of the LIKE's own lowered text matches where
// the LIKE does and nowhere else (LIKE folds only ASCII, which LOWER has
// already folded on both sides), so no row needs a second look.
func (s *Store) countTicketsBySearch(ctx context.Context, f TicketFilter) (map[TicketStatus]int, bool, error) {
	text := strings.TrimSpace(f.Text)
	if s.Dialect != SQLite || text == "" || len(f.Statuses) == 0 || !f.searchOnly() {
		return nil, false, nil
	}
	noText, subjectText := strings.ToLower(strings.ToUpper(text)), strings.ToLower(text)
	if utf8.RuneCountInString(noText) < minTrigramRunes || utf8.RuneCountInString(subjectText) < minTrigramRunes {
		return nil, false, nil
	}
	// The index holds only the number and the subject: one phrase finds
	// the text in either. The number's text differs from the subject's
	// only for a letter whose capital lowers to another (ſ, K).
	match := ftsPhrase(subjectText)
	if noText != subjectText {
		match = "no : " + ftsPhrase(noText) + " OR subject : " + ftsPhrase(subjectText)
	}
	// Each status's tickets are one range of rowids, and the statuses a
	// board counts together are next to each other (the eight open ones,
	// the two closed): one look-up of the text per run of statuses, each
	// status's count a SUM over its range, reads the text's list once.
	// (A look-up a status read it eight times for the open columns: 8.7 ms
	// for "quote" at 200,000 tickets, 1.7 ms as one; a GROUP BY would
	// sort the 40,000 closed matches.)
	out := map[TicketStatus]int{}
	for _, run := range statusRuns(f.Statuses) {
		var sums []string
		var args []any
		for _, st := range run {
			sums = append(sums, "COALESCE(SUM(rowid >= ? AND rowid < ?), 0)")
			args = append(args, int64(st)<<searchStatusShift, int64(st+1)<<searchStatusShift)
		}
		args = append(args, match, int64(run[0])<<searchStatusShift, int64(run[len(run)-1]+1)<<searchStatusShift)
		rows, err := s.reader(ctx).Raw("SELECT "+strings.Join(sums, ", ")+
			" FROM tickets_search WHERE tickets_search MATCH ? AND rowid >= ? AND rowid < ?", args...).Rows()
		if err != nil {
			return nil, true, fmt.Errorf("count the tickets found by %q: %w", text, err)
		}
		counts := make([]int64, len(run))
		dest := make([]any, len(run))
		for i := range counts {
			dest[i] = &counts[i]
		}
		if rows.Next() {
			err = rows.Scan(dest...)
		}
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, true, fmt.Errorf("count the tickets found by %q: %w", text, err)
		}
		for i, st := range run {
			if counts[i] > 0 {
				out[st] = int(counts[i])
			}
		}
	}
	return out, true, nil
}

// statusRuns sorts statuses and cuts them into runs of consecutive ones
// (0–7 and 8–9 for the board's open and closed columns).
func statusRuns(statuses []TicketStatus) [][]TicketStatus {
	sorted := slices.Clone(statuses)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var runs [][]TicketStatus
	for i, st := range sorted {
		if i == 0 || st != sorted[i-1]+1 {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], st)
	}
	return runs
}

// searchStatusShift places a ticket's status above its id in its
// tickets_search rowid: (status << 40) | id (schema step 22).
const searchStatusShift = 40

// ftsPhrase quotes text as one FTS5 phrase: the trigram tokenizer finds
// it as a substring, whatever it holds.
func ftsPhrase(text string) string {
	return `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
}
