package model

import "gorm.io/gorm"

// recordNamer names the customer, contact or salesperson a field holds the
// id of, for a line of history: a clerk reads a name, never an id.
func recordNamer(tx *gorm.DB) recordName {
	return func(field string, id *uint) any {
		if id == nil || *id == 0 {
			return M("none")
		}
		switch field {
		case "ContactID":
			var ct Contact
			if tx.Select("id, name").Take(&ct, *id).Error == nil {
				return ct.Name
			}
		case "CustomerID":
			var cu Customer
			if tx.Take(&cu, *id).Error == nil {
				return cu.Display()
			}
		case "SalespersonID":
			var e Employee
			if tx.Select("id, name").Take(&e, *id).Error == nil {
				return e.Name
			}
		}
		return uintText(*id)
	}
}

// nameOrderRecords rewrites the lines of an order's change that carry the
// id of its customer, contact or salesperson to carry their names under
// the field's word ("Contact: none → Mr Lin", not ContactID: "" → "1").
func nameOrderRecords(tx *gorm.DB, before, after *Order, lines []Msg) {
	name := recordNamer(tx)
	for i, m := range lines {
		w, _ := m.Data["Field"].(Msg)
		switch w.Text {
		case "ContactID":
			lines[i] = fieldChange("Contact", name(w.Text, before.ContactID), name(w.Text, after.ContactID))
		case "CustomerID":
			lines[i] = fieldChange("Customer", name(w.Text, &before.CustomerID), name(w.Text, &after.CustomerID))
		case "SalespersonID":
			lines[i] = fieldChange("Salesperson", name(w.Text, before.SalespersonID), name(w.Text, after.SalespersonID))
		}
	}
}
