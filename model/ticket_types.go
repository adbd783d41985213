package model

// TicketType is a kind of ticket from seed 000, with the defaults it carries.
type TicketType struct {
	Code   string
	Group  string // the family: "Quote", "Sales order"…; empty for a type on its own
	Name   string
	Define string // the seed's definition, shown as help
	// DefaultGroup is the work group (code) a new ticket of the type goes
	// to until the office's settings say otherwise (Office.TicketDefault,
	// where a manager also names the type's default manager).
	DefaultGroup string
	// NoResponse types record what was sent: assigned to customer service
	// and completed on creation (seed 000: "assign to CS then tag as
	// resolved"); the office's settings may change it per type.
	NoResponse bool
	// NoResponseIfCSStarted: a ticket of the type that customer service
	// itself started needs no response either (seed 000's "need information
	// from customer: no response needed if it's a CS-initiated conversation").
	NoResponseIfCSStarted bool
}

// TicketTypes is seed 000's list, in its order.
var TicketTypes = []TicketType{
	{Code: "QUESTION", Name: "Question", Define: "Questions about the products; questions from another agent or employee.", DefaultGroup: "CS"},
	{Code: "TASK", Name: "Task", Define: "An internal or external task to do.", DefaultGroup: "CS"},
	{Code: "NEED-INFO", Name: "Need information from customer", Define: "Additional information or a confirmation from the customer (design dimensions, PO number…); no response needed when customer service started the conversation.", DefaultGroup: "CS", NoResponseIfCSStarted: true},
	{Code: "QUOTE-RFQ", Group: "Quote", Name: "Request for quote", Define: "Price request, RFP, RFQ.", DefaultGroup: "SALES"},
	{Code: "QUOTE-LETTER", Group: "Quote", Name: "Quote letter document", Define: "The quote or pricing we sent.", DefaultGroup: "CS", NoResponse: true},
	{Code: "QUOTE-FOLLOWUP", Group: "Quote", Name: "Quote follow-up", Define: "Resending a quote, seeing whether the customer needs more information.", DefaultGroup: "CS", NoResponse: true},
	{Code: "QUOTE-WON", Group: "Quote", Name: "Quote won", Define: "We received the PO and the customer proceeds with the order.", DefaultGroup: "CS"},
	{Code: "QUOTE-NOBID", Group: "Quote", Name: "No bid", Define: "Products we do not produce.", DefaultGroup: "CS"},
	{Code: "SAMPLE-REQUEST", Group: "Product sample", Name: "Product sample request", Define: "The customer asks for a product sample.", DefaultGroup: "CS"},
	{Code: "SAMPLE-SOC", Group: "Product sample", Name: "Sales order confirmation document", DefaultGroup: "CS"},
	{Code: "SO-RECEIVED", Group: "Sales order", Name: "Sales order received", Define: "PO received, order placed.", DefaultGroup: "CS"},
	{Code: "SO-DOCUMENT", Group: "Sales order", Name: "Sales order document", Define: "Order confirmation, PO confirmation.", DefaultGroup: "CS", NoResponse: true},
	{Code: "SO-STATUS", Group: "Sales order", Name: "Sales order status update", Define: "Where the order is, a partial shipment, ship date or tracking number.", DefaultGroup: "CS"},
	{Code: "SO-REQUEST", Group: "Sales order", Name: "Customer request", Define: "An earlier ship date or another request while the order is in production.", DefaultGroup: "CS"},
	{Code: "JOB", Group: "Job", Name: "Job ticket", DefaultGroup: "PROD"},
	{Code: "PRODUCT-ART", Group: "Product", Name: "Art file request to customer", Define: "Ask the customer for the design, logo or layout.", DefaultGroup: "CS"},
	{Code: "PRODUCT-PROOF", Group: "Product", Name: "Proof request to prepress", Define: "Design, logo or layout made by prepress for the customer.", DefaultGroup: "PREP"},
	{Code: "PRODUCT-APPROVAL", Group: "Product", Name: "Proof approval request to the customer", Define: "Get the customer's approval of the design.", DefaultGroup: "CS"},
	{Code: "SHIP-PACKING", Group: "Shipment", Name: "Shipment packing list", Define: "Tracking number, shipping information.", DefaultGroup: "SHIP"},
	{Code: "SHIP-INFO", Group: "Shipment", Name: "Customer needs information", DefaultGroup: "SHIP"},
	{Code: "INVOICE-DOC", Group: "Sales invoice", Name: "Sales invoice document", DefaultGroup: "FIN"},
	{Code: "INVOICE-QUESTION", Group: "Sales invoice", Name: "Customer question", DefaultGroup: "FIN"},
	{Code: "PURCHASE-RFQ", Group: "Purchase", Name: "Quote request", DefaultGroup: "PROC"},
	{Code: "PURCHASE-QUOTE", Group: "Purchase", Name: "Quote document", DefaultGroup: "PROC"},
	{Code: "PURCHASE-PO", Group: "Purchase", Name: "Purchase order document", Define: "PO received from the customer.", DefaultGroup: "PROC"},
	{Code: "PURCHASE-STATUS", Group: "Purchase", Name: "Purchase order status update", DefaultGroup: "PROC"},
	{Code: "COMPLAINT-CUSTOMER", Name: "Customer complaint", Define: "Customer issues.", DefaultGroup: "CS"},
	{Code: "COMPLAINT-SUPPLIER", Name: "Supplier complaint", Define: "Supplier issues.", DefaultGroup: "PROC"},
}

// TicketTypeOf returns the type with the code, and whether there is one.
func TicketTypeOf(code string) (TicketType, bool) {
	for _, t := range TicketTypes {
		if t.Code == code {
			return t, true
		}
	}
	return TicketType{}, false
}

// word is the type as a word of history: "Quote – Request for quote",
// each part translated.
func (t TicketType) word() Msg {
	if t.Group == "" {
		return M("{{.Name}}", "Name", M(t.Name))
	}
	return M("{{.Group}} – {{.Name}}", "Group", M(t.Group), "Name", M(t.Name))
}

// Display returns "Quote – Request for quote".
func (t TicketType) Display() string {
	if t.Group == "" {
		return t.Name
	}
	return t.Group + " – " + t.Name
}
