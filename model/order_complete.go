package model

import "strings"

// Missing is one thing an order confirmation still lacks: the field to fill
// (a Go field name of Order, or of OrderLine when Line > 0) and what to do.
type Missing struct {
	Field string
	Line  int
	Msg   Msg
}

// MissingForChecking lists what the intake memo lacks against the fields of
// the order confirmation (seed 002 step 3: checked field by field), in the
// order of the form. An order moves to checking only when it is empty.
func (o *Order) MissingForChecking() []Missing {
	var m []Missing
	add := func(field string, line int, msg Msg) { m = append(m, Missing{field, line, msg}) }
	if o.CustomerID == 0 {
		add("CustomerID", 0, M("Choose the customer."))
	} else if o.Customer != nil && !o.confirmationReachable() {
		add("CustomerID", 0, M("Neither the customer nor the order's contact has a fax number or e-mail to send the confirmation to: add one to either."))
	}
	if o.ContactID == nil {
		add("ContactID", 0, M("Choose the customer's contact for this order."))
	}
	if strings.TrimSpace(o.PaymentMethod) == "" {
		add("PaymentMethod", 0, M("State the payment method (from the customer's sales contract)."))
	}
	if o.RequestedDate.IsZero() {
		add("RequestedDate", 0, M("Enter the date the customer asks for."))
	}
	if strings.TrimSpace(o.ShipToAddress()) == "" {
		add("ShipTo", 0, M("Enter the delivery address."))
	}
	if o.TolerancePct == nil {
		add("TolerancePct", 0, M("State the allowed quantity tolerance (±%)."))
	}
	if strings.TrimSpace(o.Packaging) == "" {
		add("Packaging", 0, M("State the packaging."))
	}
	if len(o.Lines) == 0 {
		add("Lines", 0, M("Add at least one product line."))
	}
	for _, l := range o.Lines {
		if l.ProductID == 0 {
			add("ProductID", l.LineNo, M("Line {{.Line}}: choose the product.", "Line", l.LineNo))
		}
		if l.Qty <= 0 {
			add("Qty", l.LineNo, M("Line {{.Line}}: enter the quantity.", "Line", l.LineNo))
		}
		if l.Unit == "" {
			add("Unit", l.LineNo, M("Line {{.Line}}: choose the unit.", "Line", l.LineNo))
		}
		if l.UnitPrice <= 0 {
			add("UnitPrice", l.LineNo, M("Line {{.Line}}: enter the unit price.", "Line", l.LineNo))
		}
	}
	return m
}

// MissingForConfirmation lists everything that stands between the order and
// printing its confirmation: the intake fields, then the checks of steps 5
// to 7 in the order of the procedure.
func (o *Order) MissingForConfirmation(office Office) []Missing {
	m := o.MissingForChecking()
	for _, l := range o.Lines {
		if l.NeedsPriceConfirmation(office.PriceTolerancePct) {
			m = append(m, Missing{"PriceConfirmed", l.LineNo,
				M("Line {{.Line}}: the price differs from the price plan or the last price; the salesperson must confirm it.", "Line", l.LineNo)})
		}
	}
	switch {
	case !o.Tech.Done():
		m = append(m, Missing{"Tech", 0, M("The technical department has not signed the technical check.")})
	case !o.Tech.CanProduce:
		m = append(m, Missing{"Tech", 0, M("The technical check says this cannot be produced: propose an alternative or new-product sampling, or decline the order.")})
	case o.Tech.FormulaChanged && !o.Tech.OldFormulaInsisted:
		m = append(m, Missing{"Tech", 0, M("The process formula has changed: the customer must accept the new formula, or confirm the old one in writing.")})
	}
	if !o.ProdDate.Done() {
		m = append(m, Missing{"ProdDate", 0, M("Production has not signed the production date note.")})
	}
	return m
}

// WhoMustCall says, for an incomplete fax order, who must call the customer
// (step 2.3): the salesperson responsible, or a clerk on their behalf.
// It returns a zero Msg when no call is needed.
func (o *Order) WhoMustCall() Msg {
	if o.Channel != ChannelFax || len(o.MissingForChecking()) == 0 {
		return Msg{}
	}
	if o.Salesperson != nil {
		return M("This fax order is incomplete: {{.Salesperson}} (or a clerk on their behalf) must call the customer about what is missing.", "Salesperson", o.Salesperson.Name)
	}
	return M("This fax order is incomplete and the customer has no salesperson: a clerk must call the customer about what is missing.")
}

// confirmationReachable says whether the confirmation has somewhere to go:
// the fax cover sends it to the contact's fax first (reports.contactFax), so
// a new customer whose only fax is on the contact taking this order is
// reachable.
func (o *Order) confirmationReachable() bool {
	has := func(fax, email string) bool { return strings.TrimSpace(fax) != "" || strings.TrimSpace(email) != "" }
	if o.Customer != nil && has(o.Customer.Fax, o.Customer.Email) {
		return true
	}
	return o.Contact != nil && has(o.Contact.Fax, o.Contact.Email)
}
