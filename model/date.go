package model

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no time zone, the kind of
// date a clerk writes on a form (promised date, valid-from, follow-up date).
// It is stored as YYYY-MM-DD text, which sorts and compares the same way on
// SQLite and PostgreSQL. The zero Date means "not set" and is stored as NULL.
type Date struct {
	y int
	m time.Month
	d int
}

// NewDate returns the given day, normalised (Jan 32 becomes Feb 1).
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day()}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return Date{t.Year(), t.Month(), t.Day()}
}

// ParseDate reads YYYY-MM-DD (also YYYY/MM/DD and YYYYMMDD); an empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006/01/02", "20060102", "2006-1-2", "2006/1/2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
}

// IsZero reports whether the date is not set.
func (d Date) IsZero() bool { return d.y == 0 }

// Year, Month and Day return the parts of the date.
func (d Date) Year() int { return d.y }

// Month returns the month of the date.
func (d Date) Month() time.Month { return d.m }

// Day returns the day of the month.
func (d Date) Day() int { return d.d }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.y < 0 || d.y > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
	}
	// By hand: dates are formatted by the million when orders are
	// generated or listed, and Sprintf was most of that time.
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

// appendTo appends d as YYYY-MM-DD (a year of four digits).
func (d Date) appendTo(b []byte) []byte {
	b = appendDigits(b, d.y, 4)
	b = append(b, '-')
	b = appendDigits(b, int(d.m), 2)
	b = append(b, '-')
	return appendDigits(b, d.d, 2)
}

// appendDigits appends n (0 ≤ n) in at least width digits, zero-padded.
func appendDigits(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for n > 0 || width > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	return append(b, buf[i:]...)
}

// Time returns the start of the day in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, loc)
}

func (d Date) noon() time.Time { return time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC) }

// AddDays returns the date n calendar days later (earlier when n < 0).
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return DateOf(d.noon().AddDate(0, 0, n))
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.noon().Weekday() }

// DaysUntil returns the number of calendar days from d to e (negative if e is before d).
func (d Date) DaysUntil(e Date) int {
	// Both ends are noon UTC, so the difference is an exact number of days.
	return int(e.noon().Sub(d.noon()).Hours() / 24)
}

// Before reports whether d is before e (the zero Date is before every date).
func (d Date) Before(e Date) bool {
	if d.y != e.y {
		return d.y < e.y
	}
	if d.m != e.m {
		return d.m < e.m
	}
	return d.d < e.d
}

// After reports whether d is after e.
func (d Date) After(e Date) bool { return e.Before(d) }

// Value stores the date as YYYY-MM-DD, or NULL when zero.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as text (or as a time by a driver that converts it).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		p, err := ParseDate(firstN(v, 10))
		*d = p
		return err
	case []byte:
		p, err := ParseDate(firstN(string(v), 10))
		*d = p
		return err
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("cannot read a date from %T", src)
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// GormDataType makes GORM store Date as a short text column on every database.
func (Date) GormDataType() string { return "string" }

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	*d = p
	return err
}
