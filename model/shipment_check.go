package model

import (
	"fmt"

	"gorm.io/gorm"
)

// shipmentProblems names every order that has shipped without a shipment
// that counts: the Shipping screen does not list it and no shipping notice
// can be issued for it. Databases from before the order's "Shipped" step
// recorded a shipment have them; they are left for a clerk to record in
// Shipping (the carrier and quantities are not known to the database).
func shipmentProblems(db *gorm.DB) ([]string, error) {
	var nos []string
	err := db.Model(&Order{}).Where("ship_shipped_on IS NOT NULL").
		Where("NOT EXISTS (SELECT 1 FROM shipments WHERE shipments.order_id = orders.id AND shipments.status <> ?)", ShipVoid).
		Order("no").Pluck("no", &nos).Error
	if err != nil {
		return nil, err
	}
	out := make([]string, len(nos))
	for i, no := range nos {
		out[i] = fmt.Sprintf("order %s: shipped without a shipment (record it in Shipping)", no)
	}
	return out, nil
}
