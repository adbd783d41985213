package model

import (
	"regexp"
	"strconv"
)

// BalancePayDays is how long a balance collection notice gives to pay when
// the customer's terms name no period ("balance before shipping").
const BalancePayDays = 7

var (
	termDays = regexp.MustCompile(`(?i)(\d+)\s*(?:天|日|days?)|net\s*(\d+)`)
	termEOM  = regexp.MustCompile(`(?i)月結|\bEOM\b|end of month`)
)

// PayBy returns the day a balance notice issued on issued asks payment by,
// under the customer's payment terms as the office writes them: "Net 30"
// is 30 days from the notice, "月結 60 天 / 60 days EOM" 60 days from the
// end of its month, and terms without a period BalancePayDays.
func PayBy(issued Date, terms string) Date {
	m := termDays.FindStringSubmatch(terms)
	if m == nil {
		return issued.AddDays(BalancePayDays)
	}
	n, _ := strconv.Atoi(m[1] + m[2])
	from := issued
	if termEOM.MatchString(terms) {
		from = NewDate(issued.Year(), issued.Month()+1, 1).AddDays(-1)
	}
	return from.AddDays(n)
}
