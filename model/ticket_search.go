package model

import (
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// The ticket search (TicketFilter.Text) finds the tickets whose number or
// subject holds what the clerk typed, in any case. The LIKE below decides
// what matches, on both databases; an index only narrows the rows it
// reads (schema step 22): on SQLite the FTS5 trigram table
// tickets_search, on PostgreSQL pg_trgm's GIN index on the same two
// expressions, which PostgreSQL's planner uses for the LIKE by itself.

// minTrigramRunes is the shortest text the trigram index can look up: a
// trigram is three characters, and FTS5 finds nothing for a shorter
// phrase (it does not fall back to a scan).
const minTrigramRunes = 3

// whereTicketText narrows q to the tickets whose number or subject holds
// text (trimmed, not empty).
func (s *Store) whereTicketText(q *gorm.DB, text string) *gorm.DB {
	// The number is matched as typed in capitals, the subject in small
	// letters, as the search always has. LOWER(no) makes the number's
	// match case-blind on PostgreSQL too, whose LIKE heeds case (SQLite's
	// does not, for ASCII).
	noLike, subjectLike := likePattern(strings.ToUpper(text)), likePattern(strings.ToLower(text))
	q = q.Where(`(LOWER(no) LIKE ? ESCAPE '\' OR LOWER(subject) LIKE ? ESCAPE '\')`, noLike, subjectLike)
	if s.Dialect != SQLite {
		return q
	}
	match, ok := ticketSearchMatch(strings.ToLower(strings.ToUpper(text)), strings.ToLower(text))
	if !ok {
		// One or two characters (紙業, "42"): the trigram index cannot look
		// them up, so the LIKE alone reads the tickets, as before step 22.
		return q
	}
	// The index names every ticket the LIKE can match and maybe more: its
	// trigrams fold case across all of Unicode, SQLite's LOWER only ASCII.
	// The LIKE above then keeps exactly today's results.
	return q.Where("tickets.id IN (SELECT rowid FROM tickets_search WHERE tickets_search MATCH ?)", match)
}

// ticketSearchMatch returns the FTS5 query for the texts the LIKE looks
// for (the number's and the subject's, usually the same): each one a
// phrase, which the trigram tokenizer finds as a substring. ok is false
// when one is too short for a trigram.
func ticketSearchMatch(texts ...string) (match string, ok bool) {
	var phrases []string
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if utf8.RuneCountInString(t) < minTrigramRunes {
			return "", false
		}
		p := `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		if len(phrases) == 0 || phrases[0] != p {
			phrases = append(phrases, p)
		}
	}
	return strings.Join(phrases, " OR "), len(phrases) > 0
}
