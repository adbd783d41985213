package model

import (
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// SearchCountCap is how far the order list counts the matches of a broad
// search ("格拉辛" matches a third of all orders); past it the count says
// "at least", and the clerk narrows the search rather than page on.
const SearchCountCap = 1000

// broadAt is the estimated number of matches from which a search walks the
// orders newest first instead of collecting every match.
var broadAt = 2000

// textMatch is what a search text resolves to before the orders table is
// touched: the customers and products whose code or names contain it (small
// tables, searched by substring, Chinese included), the PO number prefix
// and the order number it may be.
type textMatch struct {
	customers []uint
	products  []uint
	po        string
	// nos are the order numbers the text may be: one typed whole, or the
	// number with that sequence in each year ("242").
	nos []string
	// broad: so many orders match that collecting them all costs more than
	// walking the orders newest first until a page is full.
	broad bool
	// poMatches and noMatches: whether any order has such a PO or number.
	poMatches, noMatches bool
	// walk: the page is read newest first (a broad match in the list's
	// natural order), so the customers' condition must not drive the plan.
	walk bool
}

// oneCustomer reports whether the search is just one customer's orders,
// which their index already lists newest first.
func (m *textMatch) oneCustomer() bool {
	return len(m.customers) == 1 && len(m.products) == 0 && !m.poMatches && !m.noMatches
}

// resolveText looks the text up in customers and products and estimates
// how many orders it matches, counting through indexes and stopping early.
func resolveText(db *gorm.DB, text string) (*textMatch, error) {
	m := &textMatch{po: normalisePO(text)}
	if no, err := ParseNumber(SeriesOrder, text); err == nil {
		m.nos = []string{no}
	} else if seq, ok := ParseSequence(text); ok {
		var err error
		if m.nos, err = numbersWithSeq(db, SeriesOrder, seq); err != nil {
			return nil, err
		}
	}
	like := likePattern(text)
	if err := db.Model(&Customer{}).Where(`search LIKE ? ESCAPE '\'`, like).Pluck("id", &m.customers).Error; err != nil {
		return nil, err
	}
	if err := db.Model(&Product{}).Where(`search LIKE ? ESCAPE '\'`, like).Pluck("id", &m.products).Error; err != nil {
		return nil, err
	}
	estimate := 0
	if len(m.customers) > 0 {
		n, err := cappedCount(db.Model(&Order{}).Where("customer_id IN ?", m.customers), broadAt)
		if err != nil {
			return nil, err
		}
		estimate += n
	}
	if len(m.products) > 0 && estimate < broadAt {
		n, err := cappedCount(db.Model(&OrderLine{}).Where("product_id IN ?", m.products), broadAt)
		if err != nil {
			return nil, err
		}
		estimate += n
	}
	m.broad = estimate >= broadAt
	var err error
	if m.poMatches, err = exists(db.Model(&Order{}).Where("customer_po >= ? AND customer_po < ?", m.po, m.po+"\uffff")); err != nil {
		return nil, err
	}
	if len(m.nos) > 0 {
		if m.noMatches, err = exists(db.Model(&Order{}).Where("no IN ?", m.nos)); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// cappedCount counts the rows of q, stopping at limit.
func cappedCount(q *gorm.DB, limit int) (int, error) {
	var n int64
	sub := q.Session(&gorm.Session{}).Select("1").Limit(limit)
	err := q.Session(&gorm.Session{NewDB: true}).Table("(?) AS capped", sub).Count(&n).Error
	return int(n), err
}

func exists(q *gorm.DB) (bool, error) {
	n, err := cappedCount(q, 1)
	return n > 0, err
}

// where returns the condition on orders. A narrow match collects the ids of
// every matching order through the indexes; a broad one tests each order as
// the list walks them, so a page stops as soon as it is full.
func (m *textMatch) where() clause.Expr {
	var conds []string
	var args []any
	poRange := []any{m.po, m.po + "\uffff"}
	if m.oneCustomer() {
		return gorm.Expr("orders.customer_id = ?", m.customers[0])
	}
	if m.broad {
		if len(m.customers) > 0 {
			cond := "orders.customer_id IN ?"
			if m.walk {
				// Unary + keeps the planner off the customer index: with it
				// SQLite gathered every order of "金鼎"'s five customers
				// (31,000 of 250,000) and sorted them for a page of 100,
				// 52 ms; walking newest first fills the page in ~1 ms.
				cond = "+orders.customer_id IN ?"
			}
			conds, args = append(conds, cond), append(args, m.customers)
		}
		if len(m.products) > 0 {
			conds = append(conds, "EXISTS (SELECT 1 FROM order_lines WHERE order_lines.order_id = orders.id AND order_lines.product_id IN ?)")
			args = append(args, m.products)
		}
		if m.poMatches {
			conds, args = append(conds, "(orders.customer_po >= ? AND orders.customer_po < ?)"), append(args, poRange...)
		}
		if m.noMatches {
			conds, args = append(conds, "orders.no IN ?"), append(args, m.nos)
		}
		return gorm.Expr("("+strings.Join(conds, " OR ")+")", args...)
	}
	var sets []string
	if len(m.customers) > 0 {
		sets, args = append(sets, "SELECT id FROM orders WHERE customer_id IN ?"), append(args, m.customers)
	}
	if len(m.products) > 0 {
		sets, args = append(sets, "SELECT order_id FROM order_lines WHERE product_id IN ?"), append(args, m.products)
	}
	if m.poMatches {
		sets, args = append(sets, "SELECT id FROM orders WHERE customer_po >= ? AND customer_po < ?"), append(args, poRange...)
	}
	if m.noMatches {
		sets, args = append(sets, "SELECT id FROM orders WHERE no IN ?"), append(args, m.nos)
	}
	if len(sets) == 0 {
		return gorm.Expr("1 = 0")
	}
	return gorm.Expr("orders.id IN ("+strings.Join(sets, " UNION ")+")", args...)
}
