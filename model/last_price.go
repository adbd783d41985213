package model

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// LastPrice is the unit price a customer paid for a product on their latest
// order that went ahead (submitted, not cancelled or declined), kept up to
// date as orders move, so the intake form and the price check (seed 002
// step 5) find it at once instead of searching the customer's history.
type LastPrice struct {
	CustomerID uint      `gorm:"primaryKey;autoIncrement:false"`
	ProductID  uint      `gorm:"primaryKey;autoIncrement:false"`
	Currency   string    `gorm:"size:3;not null"`
	UnitPrice  Money     `gorm:"not null"`
	OrderID    uint      `gorm:"not null"`
	ReceivedAt time.Time `gorm:"not null"`
}

// wentAhead reports whether an order in state s counts for the last price.
func wentAhead(s State) bool {
	return s != StateDraft && s != StateCancelled && s != StateDeclined
}

// LastPrice returns the unit price the customer paid for the product on
// their latest order that went ahead, or 0 when they never bought it in
// that currency.
func (s *Store) LastPrice(ctx context.Context, customerID, productID uint, currency string) (Money, error) {
	return lastPrice(s.reader(ctx), customerID, productID, 0, currency)
}

func lastPrice(db *gorm.DB, customerID, productID, exceptOrder uint, currency string) (Money, error) {
	var lp LastPrice
	err := db.Where("customer_id = ? AND product_id = ?", customerID, productID).Take(&lp).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return 0, nil
	case err != nil:
		return 0, err
	case lp.Currency != currency:
		return 0, nil
	case lp.OrderID == exceptOrder && exceptOrder != 0:
		// The order being checked is itself the latest: look behind it.
		p, _, err := searchLastPrice(db, customerID, productID, exceptOrder)
		if err != nil || p == nil || p.Currency != currency {
			return 0, err
		}
		return p.UnitPrice, nil
	}
	return lp.UnitPrice, nil
}

// searchLastPrice finds the last price the slow way, in the customer's
// orders newest first (CROSS JOIN fixes that join order on SQLite).
func searchLastPrice(db *gorm.DB, customerID, productID, exceptOrder uint) (*LastPrice, bool, error) {
	var rows []LastPrice
	err := db.Table("orders").
		Select("orders.customer_id, order_lines.product_id, orders.currency, order_lines.unit_price, orders.id AS order_id, orders.received_at").
		Joins("CROSS JOIN order_lines").
		Where("order_lines.order_id = orders.id AND order_lines.product_id = ?", productID).
		Where("orders.customer_id = ? AND orders.id <> ? AND orders.state NOT IN ?", customerID, exceptOrder, []State{StateDraft, StateCancelled, StateDeclined}).
		Order("orders.received_at DESC, orders.id DESC").Limit(1).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, false, err
	}
	return &rows[0], true, nil
}

// updateLastPrices keeps last_prices in step after an order was written:
// an order that went ahead becomes the last price of its products if it is
// the newest; one that stopped counting (cancelled, declined) or changed a
// line gives way to whichever order is the newest now.
//
// The last prices of all the order's products are read with one query and
// written with one: a step that moves an order ahead touched them with two
// statements a product (issue 21).
func updateLastPrices(tx *gorm.DB, o, before *Order) error {
	products := map[uint]bool{}
	for _, l := range o.Lines {
		products[l.ProductID] = true
	}
	if before != nil {
		for _, l := range before.Lines {
			products[l.ProductID] = true
		}
	}
	delete(products, 0)
	if len(products) == 0 {
		return nil
	}
	// Written in the order of their keys, so two desks cannot deadlock on PostgreSQL.
	ids := slices.Sorted(maps.Keys(products))
	var stored []LastPrice
	if err := tx.Where("customer_id = ? AND product_id IN ?", o.CustomerID, ids).Find(&stored).Error; err != nil {
		return err
	}
	current := make(map[uint]LastPrice, len(stored))
	for _, lp := range stored {
		current[lp.ProductID] = lp
	}
	var upserts []LastPrice
	for _, pid := range ids {
		cur, have := current[pid]
		line := o.lineForProduct(pid)
		switch {
		case wentAhead(o.State) && line != nil && (!have || cur.OrderID == o.ID || !o.ReceivedAt.Before(cur.ReceivedAt)):
			upserts = append(upserts, LastPrice{CustomerID: o.CustomerID, ProductID: pid, Currency: o.Currency,
				UnitPrice: line.UnitPrice, OrderID: o.ID, ReceivedAt: o.ReceivedAt})
		case have && cur.OrderID == o.ID:
			// This order was the last price and no longer is: find the one before.
			next, found, err := searchLastPrice(tx, o.CustomerID, pid, o.ID)
			if err != nil {
				return err
			}
			if !found {
				if err := tx.Where("customer_id = ? AND product_id = ?", o.CustomerID, pid).Delete(&LastPrice{}).Error; err != nil {
					return err
				}
				continue
			}
			upserts = append(upserts, *next)
		}
	}
	if len(upserts) == 0 {
		return nil
	}
	return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&upserts).Error
}

// lineForProduct returns the order's first line of a product, or nil.
func (o *Order) lineForProduct(productID uint) *OrderLine {
	for i := range o.Lines {
		if o.Lines[i].ProductID == productID {
			return &o.Lines[i]
		}
	}
	return nil
}

// rebuildLastPrices recomputes the whole table from the orders, oldest
// first, the newest order winning: after a bulk load, or to repair it.
func rebuildLastPrices(tx *gorm.DB) error {
	if err := tx.Where("1 = 1").Delete(&LastPrice{}).Error; err != nil {
		return err
	}
	rows, err := tx.Table("orders").
		Select("orders.customer_id, order_lines.product_id, orders.currency, order_lines.unit_price, orders.id AS order_id, orders.received_at").
		Joins("JOIN order_lines ON order_lines.order_id = orders.id").
		Where("orders.state NOT IN ?", []State{StateDraft, StateCancelled, StateDeclined}).
		Order("orders.received_at, orders.id").Rows()
	if err != nil {
		return err
	}
	latest := map[[2]uint]LastPrice{}
	for rows.Next() {
		var lp LastPrice
		if err := tx.ScanRows(rows, &lp); err != nil {
			rows.Close()
			return err
		}
		latest[[2]uint{lp.CustomerID, lp.ProductID}] = lp
	}
	rows.Close()
	all := make([]LastPrice, 0, len(latest))
	for _, lp := range latest {
		all = append(all, lp)
	}
	if len(all) == 0 {
		return nil
	}
	return tx.CreateInBatches(all, 50).Error
}
