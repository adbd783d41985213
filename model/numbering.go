package model

import (
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// Counter hands out the numbers of one series in one year (SO 2026 …).
// Numbers come from it inside the transaction that stores the numbered
// record: if that transaction fails the number is not used, so a series has
// no gaps; and the counter row's write lock serialises desks numbering at once.
type Counter struct {
	Series string `gorm:"primaryKey;size:8"`
	Year   int    `gorm:"primaryKey;autoIncrement:false"`
	Last   int    `gorm:"not null"`
}

// Number series.
const (
	SeriesOrder           = "SO"
	SeriesShipmentRequest = "SR"
)

// nextNumber takes the next number of a series for a year: "SO-2026-00042".
func nextNumber(tx *gorm.DB, series string, year int) (string, error) {
	// One statement, on both databases: start the year at 1 or take the next.
	var last int
	err := tx.Raw(`INSERT INTO counters (series, year, last) VALUES (?, ?, 1)
		ON CONFLICT (series, year) DO UPDATE SET last = counters.last + 1 RETURNING last`, series, year).Scan(&last).Error
	if err != nil {
		return "", fmt.Errorf("next %s %d number: %w", series, year, err)
	}
	if last == 0 {
		return "", fmt.Errorf("next %s %d number: the counter returned nothing", series, year)
	}
	return FormatNumber(series, year, last), nil
}

// FormatNumber writes a document number: series, year, five-digit sequence.
func FormatNumber(series string, year, seq int) string {
	return fmt.Sprintf("%s-%04d-%05d", series, year, seq)
}

// ParseNumber reads a document number as a clerk may type it: "SO-2026-00042",
// "so 2026 42", "SO2026-42". It returns the canonical form.
func ParseNumber(series, s string) (string, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.NewReplacer("－", "-", " ", "-", "_", "-", "/", "-").Replace(t)
	if !strings.HasPrefix(t, series) {
		return "", fmt.Errorf("%q is not a %s number (%s-YYYY-NNNNN)", s, series, series)
	}
	rest := strings.Trim(strings.TrimPrefix(t, series), "-")
	var year, seq string
	if y, q, ok := strings.Cut(rest, "-"); ok {
		year, seq = y, strings.Trim(q, "-")
	} else if len(rest) > 4 {
		year, seq = rest[:4], rest[4:]
	}
	y, err1 := strconv.Atoi(year)
	n, err2 := strconv.Atoi(seq)
	if err1 != nil || err2 != nil || len(year) != 4 || y < 2000 || y > 2999 || n < 1 || n > 99999 {
		return "", fmt.Errorf("%q is not a %s number (%s-YYYY-NNNNN)", s, series, series)
	}
	return FormatNumber(series, y, n), nil
}
