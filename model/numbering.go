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

// maxSeq is the largest sequence a number may carry: "SO-2026-" and eight
// digits fill the 16 characters a number column holds. A year of more
// than 99,999 orders writes six digits and more (SO-2026-168000).
const maxSeq = 99_999_999

// FormatNumber writes a document number: series, year, a sequence of five
// digits or more.
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
	if err1 != nil || err2 != nil || len(year) != 4 || y < 2000 || y > 2999 || n < 1 || n > maxSeq {
		return "", fmt.Errorf("%q is not a %s number (%s-YYYY-NNNNN)", s, series, series)
	}
	return FormatNumber(series, y, n), nil
}

// ParseSequence reads a number typed without its series and year ("242",
// "00242"): the sequence, or false when s is not one.
func ParseSequence(s string) (int, bool) {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 8 || strings.Trim(t, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(t)
	return n, err == nil && n >= 1 && n <= maxSeq
}

// numbersWithSeq returns the numbers of a series with sequence seq, in
// every year that has come that far: "242" is SO-2026-00242 and
// SO-2025-00242.
func numbersWithSeq(db *gorm.DB, series string, seq int) ([]string, error) {
	var years []int
	if err := db.Model(&Counter{}).Where("series = ? AND last >= ?", series, seq).Order("year DESC").Pluck("year", &years).Error; err != nil {
		return nil, err
	}
	nos := make([]string, len(years))
	for i, y := range years {
		nos[i] = FormatNumber(series, y, seq)
	}
	return nos, nil
}
