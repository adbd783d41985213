package model

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// ticket_status_counts (schema step 25) holds the number of tickets in each
// status, kept by triggers on tickets, so every way a ticket is written
// counts alike. The board's columns, unfiltered, are counted from it: the
// collapsed Cancelled and Completed columns hold most of an office's
// tickets, and counting them walked an index entry a ticket (19.5 ms p95
// at 200,000 tickets, and growing).

// TicketStatusCount is one status's count.
type TicketStatusCount struct {
	Status TicketStatus `gorm:"primaryKey;autoIncrement:false"`
	N      int64        `gorm:"not null;default:0"`
}

// TableName keeps the table's name stable whatever GORM's naming does.
func (TicketStatusCount) TableName() string { return "ticket_status_counts" }

// countTicketsKept answers CountTicketsByStatus from the kept counts when f
// asks for nothing but statuses; ok is false otherwise.
func (s *Store) countTicketsKept(ctx context.Context, f TicketFilter) (map[TicketStatus]int, bool, error) {
	if len(f.Statuses) == 0 || strings.TrimSpace(f.Text) != "" || !f.searchOnly() {
		return nil, false, nil
	}
	var rows []TicketStatusCount
	if err := s.reader(ctx).Where("status IN ?", f.Statuses).Find(&rows).Error; err != nil {
		return nil, true, fmt.Errorf("read the tickets' counts: %w", err)
	}
	out := map[TicketStatus]int{}
	for _, r := range rows {
		if r.N > 0 {
			out[r.Status] = int(r.N)
		}
	}
	return out, true, nil
}

// ticketCountsFromTickets counts the tickets of each status.
func ticketCountsFromTickets(db *gorm.DB) (map[TicketStatus]int64, error) {
	var rows []TicketStatusCount
	if err := db.Model(&Ticket{}).Select("status, COUNT(*) AS n").Group("status").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := map[TicketStatus]int64{}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, nil
}

// ticketCountProblems names every status whose kept count differs from its
// tickets (orderdesk check).
func ticketCountProblems(db *gorm.DB) ([]string, error) {
	if !db.Migrator().HasTable("tickets") || !db.Migrator().HasTable("ticket_status_counts") {
		return nil, nil // the schema's check names the missing table
	}
	want, err := ticketCountsFromTickets(db)
	if err != nil {
		return nil, err
	}
	var stored []TicketStatusCount
	if err := db.Find(&stored).Error; err != nil {
		return nil, err
	}
	have := map[TicketStatus]int64{}
	for _, c := range stored {
		have[c.Status] = c.N
	}
	var problems []string
	for _, st := range TicketStatuses {
		if have[st] != want[st] {
			problems = append(problems, fmt.Sprintf("ticket count: %d tickets are in status %d, the count says %d", want[st], st, have[st]))
		}
	}
	return problems, nil
}

// rebuildTicketCounts counts the tickets afresh (orderdesk check -repair).
func rebuildTicketCounts(tx *gorm.DB) error {
	want, err := ticketCountsFromTickets(tx)
	if err != nil {
		return err
	}
	if err := tx.Where("1 = 1").Delete(&TicketStatusCount{}).Error; err != nil {
		return err
	}
	var rows []TicketStatusCount
	for _, st := range TicketStatuses {
		if want[st] > 0 {
			rows = append(rows, TicketStatusCount{Status: st, N: want[st]})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.Create(&rows).Error
}
