package model

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// Money is an amount in cents (hundredths of the currency unit). Integer
// arithmetic keeps totals exact; floats never touch money.
type Money int64

// Qty is a quantity in thousandths of its unit (kg, roll, ream, sheet...),
// enough for weights to the gram and lengths to the millimetre.
type Qty int64

// Limits keep every product of a quantity and a price inside int64.
const (
	MaxMoney Money = 100_000_000_000_00 // 100 billion
	MaxQty   Qty   = 1_000_000_000_000  // 1 billion units
)

// ParseMoney reads an amount as a clerk types it: "1234.5", "1,234.50",
// "NT$ 12,000", full-width digits from a Chinese IME, a leading minus.
// More than two decimals is an error rather than a silent rounding.
func ParseMoney(s string) (Money, error) {
	v, err := parseFixed(s, 2, int64(MaxMoney))
	return Money(v), err
}

// ParseQty reads a quantity with up to three decimals.
func ParseQty(s string) (Qty, error) {
	v, err := parseFixed(s, 3, int64(MaxQty))
	return Qty(v), err
}

// parseFixed reads a decimal number into an integer scaled by 10^decimals.
func parseFixed(s string, decimals int, max int64) (int64, error) {
	s = normaliseNumber(s)
	if s == "" {
		return 0, fmt.Errorf("empty number")
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if hasDot && strings.Contains(frac, ".") {
		return 0, fmt.Errorf("%q has more than one decimal point", s)
	}
	if len(frac) > decimals {
		return 0, fmt.Errorf("%q has more than %d decimals", s, decimals)
	}
	for _, part := range []string{whole, frac} {
		for _, r := range part {
			if r < '0' || r > '9' {
				return 0, fmt.Errorf("%q is not a number", s)
			}
		}
	}
	if len(whole) > 15 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	frac += strings.Repeat("0", decimals-len(frac))
	digits := strings.TrimLeft(whole+frac, "0")
	if digits == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || v > max {
		return 0, fmt.Errorf("%q is too large", s)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// currencyTokens are the prefixes and suffixes a clerk may type with an amount.
var currencyTokens = []string{"NT$", "US$", "HK$", "RMB¥", "JP¥", "TWD", "NTD", "USD", "RMB", "CNY", "HKD", "JPY", "EUR", "元", "$", "＄", "¥", "€"}

// normaliseNumber folds full-width digits and punctuation to ASCII and drops
// a currency prefix or suffix, thousands separators and spaces. Anything
// else is left in place so the parser can refuse it.
func normaliseNumber(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		for _, tok := range currencyTokens {
			n := len(tok)
			if len(s) >= n && strings.EqualFold(s[:n], tok) {
				s, changed = strings.TrimSpace(s[n:]), true
			} else if len(s) >= n && strings.EqualFold(s[len(s)-n:], tok) {
				s, changed = strings.TrimSpace(s[:len(s)-len(tok)]), true
			}
		}
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '．':
			b.WriteByte('.')
		case r == '－' || r == '−':
			b.WriteByte('-')
		case r == ',' || r == '，' || r == '_' || unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// String returns the amount with two decimals and thousands separators: 12,000.00.
func (m Money) String() string { return groupFixed(int64(m), 2) }

// Plain returns the amount with two decimals and no separators, for CSV and entry fields.
func (m Money) Plain() string { return plainFixed(int64(m), 2) }

// String returns the quantity with only the decimals it needs: 1,500 or 12.5.
func (q Qty) String() string {
	s := groupFixed(int64(q), 3)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Plain returns the quantity with no separators, for CSV and entry fields.
func (q Qty) Plain() string {
	s := plainFixed(int64(q), 3)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Units returns the quantity as a float, for display arithmetic only (percentages).
func (q Qty) Units() float64 { return float64(q) / 1000 }

// QtyOf returns a whole number of units as a Qty.
func QtyOf(units int64) Qty { return Qty(units * 1000) }

// MoneyOf returns a whole number of currency units as Money.
func MoneyOf(units int64) Money { return Money(units * 100) }

func plainFixed(v int64, decimals int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if len(s) <= decimals {
		s = strings.Repeat("0", decimals-len(s)+1) + s
	}
	out := s[:len(s)-decimals] + "." + s[len(s)-decimals:]
	if neg {
		out = "-" + out
	}
	return out
}

func groupFixed(v int64, decimals int) string {
	p := plainFixed(v, decimals)
	neg := strings.HasPrefix(p, "-")
	p = strings.TrimPrefix(p, "-")
	whole, frac, _ := strings.Cut(p, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}

// Count writes a number of things with a comma every three digits: 40,000.
func Count(n int) string { return strings.TrimSuffix(groupFixed(int64(n), 0), ".") }

// Amount returns quantity × unit price, rounded half away from zero to the cent.
func Amount(q Qty, price Money) Money {
	p := new(big.Int).Mul(big.NewInt(int64(q)), big.NewInt(int64(price)))
	return Money(roundDiv(p, 1000))
}

// Percent returns pct percent of m, rounded half away from zero to the cent.
func (m Money) Percent(pct int) Money {
	p := new(big.Int).Mul(big.NewInt(int64(m)), big.NewInt(int64(pct)))
	return Money(roundDiv(p, 100))
}

// roundDiv divides by d rounding half away from zero.
func roundDiv(p *big.Int, d int64) int64 {
	neg := p.Sign() < 0
	p = new(big.Int).Abs(p)
	q, r := new(big.Int).QuoRem(p, big.NewInt(d), new(big.Int))
	if r.Int64()*2 >= d {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}

// FormatMoney writes an amount with its currency the way the office reads it:
// NT$12,000 (no cents when there are none), US$1,234.50.
func FormatMoney(m Money, currency string) string {
	s := m.String()
	s = strings.TrimSuffix(s, ".00")
	return CurrencySymbol(currency) + s
}

// CurrencySymbol returns the prefix used for a currency code.
func CurrencySymbol(code string) string {
	switch strings.ToUpper(code) {
	case "", "TWD", "NTD":
		return "NT$"
	case "USD":
		return "US$"
	case "CNY", "RMB":
		return "RMB¥"
	case "JPY":
		return "JP¥"
	case "EUR":
		return "€"
	case "HKD":
		return "HK$"
	}
	return strings.ToUpper(code) + " "
}
