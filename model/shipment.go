package model

import (
	"fmt"
	"strings"
	"time"
)

// SeriesShipment numbers the sales shipping orders (銷售發貨單): SH-2026-00042.
const SeriesShipment = "SH"

// ShipmentStatus is where a shipment stands between leaving and the signed
// arrival receipt.
type ShipmentStatus string

// The shipment statuses.
const (
	ShipInTransit ShipmentStatus = "in_transit" // left, not arrived yet
	ShipArrived   ShipmentStatus = "arrived"    // arrived, the signed arrival receipt not back yet
	ShipReceived  ShipmentStatus = "received"   // the customer signed the arrival receipt
	ShipVoid      ShipmentStatus = "void"       // recorded by mistake; kept with its reason
)

// Name returns the status's English name, the key of its translation.
func (st ShipmentStatus) Name() string {
	switch st {
	case ShipInTransit:
		return "In transit"
	case ShipArrived:
		return "Arrived, receipt not signed"
	case ShipReceived:
		return "Receipt signed"
	case ShipVoid:
		return "Void"
	}
	return string(st)
}

// DefaultLeadDays is the shipping lead time in days to each delivery region
// (Customer.Region), which sets a new shipment's expected arrival. The clerk
// can change the lead time on each shipment.
var DefaultLeadDays = map[string]int{
	"北部": 1, "中部": 2, "南部": 2, "東部": 3, "離島": 5,
	"亞洲": 10, "北美": 21, "歐洲": 28, "南美": 35,
}

// FallbackLeadDays is the lead time for a region not in DefaultLeadDays.
const FallbackLeadDays = 3

// LeadDaysFor returns the default shipping lead time to a delivery region.
func LeadDaysFor(region string) int {
	if d, ok := DefaultLeadDays[strings.TrimSpace(region)]; ok {
		return d
	}
	return FallbackLeadDays
}

// Shipment is the sales shipping order (銷售發貨單, seed 002 steps 15–18):
// what left for one order, with whom, when it should arrive, the shipping
// notice sent to the customer, and the signed arrival receipt. An order
// may ship in several shipments. A wrong shipment is voided, never deleted.
type Shipment struct {
	Row
	// No is SH-YYYY-NNNNN, gap-free within a year.
	No      string         `gorm:"size:16;not null;uniqueIndex"`
	OrderID uint           `gorm:"not null;index:idx_shipments_order,priority:1"`
	Order   *Order         `gorm:"constraint:OnDelete:RESTRICT"`
	Lines   []ShipmentLine `gorm:"foreignKey:ShipmentID"`
	Status  ShipmentStatus `gorm:"size:12;not null;index:idx_shipments_expected,priority:1;index:idx_shipments_followup,priority:1;index:idx_shipments_arrived,priority:1"`
	Carrier string         `gorm:"size:80;not null;default:''"`
	// TrackingNo is the carrier's waybill or tracking number.
	TrackingNo string `gorm:"size:60;not null;default:''"`
	Packages   int    `gorm:"not null;default:0"`
	WeightKg   Qty    `gorm:"not null;default:0"`
	ShipDate   Date   `gorm:"size:10;not null;index:idx_shipments_month"`
	// Region and LeadDays set ExpectedArrival: the customer's delivery region
	// and its lead time, as the clerk confirmed it for this shipment.
	Region          string `gorm:"size:40;not null;default:''"`
	LeadDays        int    `gorm:"not null;default:0"`
	ExpectedArrival Date   `gorm:"size:10;not null;index:idx_shipments_expected,priority:2"`
	// FollowUpOn is when the clerk checks the arrival with the carrier or the customer.
	FollowUpOn Date `gorm:"size:10;not null;index:idx_shipments_followup,priority:2"`
	// ReceiverAddress is where it went, as the shipment request stated it.
	ShipTo string `gorm:"size:300;not null;default:''"`
	Note   string `gorm:"type:text;not null;default:''"`
	// EmergencyBy is the CS supervisor who authorised shipping before the
	// shipment request, when this shipment left that way.
	EmergencyBy string `gorm:"size:80;not null;default:''"`
	// Completes marks the shipment whose quantities complete the order's lines.
	Completes bool `gorm:"not null;default:false"`
	// Remainder marks the latest shipment of an order that still has goods to ship.
	Remainder bool `gorm:"not null;default:false;index"`

	// The shipping notice (發貨告知書): issued (printed), sent, and the
	// customer's confirmation that it arrived legibly.
	NoticeIssued   Signature `gorm:"embedded;embeddedPrefix:notice_issued_"`
	NoticeDocument string    `gorm:"size:400;not null;default:''"`
	NoticeSent     Signature `gorm:"embedded;embeddedPrefix:notice_sent_"`
	NoticeLegible  Signature `gorm:"embedded;embeddedPrefix:notice_legible_"`

	// The arrival and the arrival receipt (到貨回單).
	ArrivedOn Date `gorm:"size:10;index:idx_shipments_arrived,priority:2"`
	// ArrivalBy is the clerk who recorded the arrival.
	ArrivalBy string `gorm:"size:80;not null;default:''"`
	// Receipt is the customer's person who signed the arrival receipt (By) and when it was recorded.
	Receipt Signature `gorm:"embedded;embeddedPrefix:receipt_"`
	// ReceiptScan is the file name of the scanned receipt in the receipts
	// folder: its SHA-256, so the same scan is stored once and never lost.
	ReceiptScan     string `gorm:"size:80;not null;default:''"`
	ReceiptScanName string `gorm:"size:200;not null;default:''"`
	Problems        string `gorm:"type:text;not null;default:''"`

	Voided     Signature `gorm:"embedded;embeddedPrefix:void_"`
	VoidReason string    `gorm:"type:text;not null;default:''"`

	pending []Event `gorm:"-"`
}

func (sh *Shipment) label() string  { return "shipment " + sh.No }
func (sh *Shipment) entity() string { return "shipment" }

// ShipmentLine is the quantity of one order line in a shipment.
type ShipmentLine struct {
	Row
	ShipmentID  uint `gorm:"not null;index"`
	OrderLineID uint `gorm:"not null;index"`
	LineNo      int  `gorm:"not null"`
	Qty         Qty  `gorm:"not null"`
}

func (l *ShipmentLine) label() string  { return fmt.Sprintf("shipment line %d", l.LineNo) }
func (l *ShipmentLine) entity() string { return "shipment_line" }

// Void reports whether the shipment was voided.
func (sh *Shipment) Void() bool { return sh.Status == ShipVoid }

// DaysLate returns how many days after the expected arrival the goods
// arrived, or are still not there today (0 when on time).
func (sh *Shipment) DaysLate(today Date) int {
	return daysLate(sh.Status, sh.ExpectedArrival, sh.ArrivedOn, today)
}

func daysLate(st ShipmentStatus, expected, arrived Date, today Date) int {
	if expected.IsZero() || st == ShipVoid {
		return 0
	}
	end := today
	if !arrived.IsZero() {
		end = arrived
	}
	if n := expected.DaysUntil(end); n > 0 {
		return n
	}
	return 0
}

func (sh *Shipment) log(c Ctx, action string, text Msg, note string) {
	sh.pending = append(sh.pending, eventWith(Event{Entity: "shipment", EntityID: sh.ID, At: c.Now.UTC().Truncate(time.Microsecond),
		By: c.By.Name, ByID: c.By.ID, Action: action, Note: strings.TrimSpace(note)}, text))
}

// Shipment actions written on events.
const (
	ShipActNotice   = "notice_issued"
	ShipActSent     = "notice_sent"
	ShipActLegible  = "notice_legible"
	ShipActArrived  = "arrived"
	ShipActReceipt  = "receipt_signed"
	ShipActScan     = "receipt_scan"
	ShipActFollowUp = "follow_up"
	ShipActVoid     = "voided"
)

// ShipmentInput is what the shipping clerk records when goods leave.
type ShipmentInput struct {
	OrderID uint
	// Lines maps an order line number to the quantity shipped; lines not
	// named ship nothing this time.
	Lines      map[int]Qty
	Carrier    string
	TrackingNo string
	Packages   int
	WeightKg   Qty
	ShipDate   Date
	// LeadDays overrides the region's lead time when not nil.
	LeadDays *int
	// ExpectedArrival overrides ship date + lead days when set.
	ExpectedArrival Date
	// FollowUpOn is when to check the arrival; zero means the expected arrival.
	FollowUpOn Date
	Note       string
}

// lineNeed is the quantity of one order line that must arrive and may ship.
type lineNeed struct {
	line     *OrderLine
	min, max Qty
}

// needs returns, per order line number, the least quantity that completes
// the line and the most that may ship, within the order's tolerance.
func needs(o *Order) map[int]lineNeed {
	tol := 0
	if o.TolerancePct != nil {
		tol = *o.TolerancePct
	}
	out := make(map[int]lineNeed, len(o.Lines))
	for i := range o.Lines {
		l := &o.Lines[i]
		q := int64(l.Qty)
		lo := (q*int64(100-tol) + 99) / 100
		hi := q * int64(100+tol) / 100
		if l.ProducedQty > Qty(hi) {
			hi = int64(l.ProducedQty)
		}
		out[l.LineNo] = lineNeed{line: l, min: Qty(lo), max: Qty(hi)}
	}
	return out
}

// covered reports whether the quantities per line number reach every
// line's quantity within tolerance.
func covered(o *Order, got map[int]Qty) bool {
	if len(o.Lines) == 0 {
		return false
	}
	for no, n := range needs(o) {
		if got[no] < n.min {
			return false
		}
	}
	return true
}

// sumLines adds the quantities of the shipments that count (keep) per order line number.
func sumLines(list []Shipment, keep func(*Shipment) bool) map[int]Qty {
	out := map[int]Qty{}
	for i := range list {
		if !keep(&list[i]) {
			continue
		}
		for _, l := range list[i].Lines {
			out[l.LineNo] += l.Qty
		}
	}
	return out
}

// shipRule is the gate for a new shipment: the first follows the order's
// own rule for shipping (cleared by finance, and a shipment request or the
// CS supervisor's emergency authority); a further one is a partial
// delivery of an order already shipped, until its lines are complete.
func shipRule(o *Order, c Ctx, others []Shipment) error {
	if o.State == StateShipped {
		if covered(o, sumLines(others, func(s *Shipment) bool { return !s.Void() })) {
			return Refuse("Order {{.No}} has shipped in full: void a wrong shipment before recording another.", "No", o.No)
		}
		return nil
	}
	return o.Allowed(DoShipped, c)
}

// newShipment checks the input against the order and the shipments it
// already has, and returns the shipment to record (not yet numbered).
func newShipment(o *Order, c Ctx, in ShipmentInput, others []Shipment) (*Shipment, error) {
	if err := shipRule(o, c, others); err != nil {
		return nil, err
	}
	var fe FieldErrors
	if in.ShipDate.IsZero() || in.ShipDate.After(c.Today()) {
		fe.Add("ShipDate", "Enter the day the goods left (today or earlier).")
	}
	if strings.TrimSpace(in.Carrier) == "" {
		fe.Add("Carrier", "Enter the carrier.")
	}
	if in.Packages < 0 {
		fe.Add("Packages", "The number of packages cannot be negative.")
	}
	if in.WeightKg < 0 {
		fe.Add("WeightKg", "The weight cannot be negative.")
	}
	region := ""
	if o.Customer != nil {
		region = o.Customer.Region
	}
	lead := LeadDaysFor(region)
	if in.LeadDays != nil {
		lead = *in.LeadDays
		if lead < 0 || lead > 120 {
			fe.Add("LeadDays", "The lead time is from 0 to 120 days.")
		}
	}
	expected := in.ExpectedArrival
	if expected.IsZero() && !in.ShipDate.IsZero() {
		expected = in.ShipDate.AddDays(lead)
	}
	if !in.ShipDate.IsZero() && (expected.IsZero() || expected.Before(in.ShipDate)) {
		fe.Add("ExpectedArrival", "Enter the expected arrival, on or after the ship date.")
	}
	followUp := in.FollowUpOn
	if followUp.IsZero() {
		followUp = expected
	}
	if !in.ShipDate.IsZero() && followUp.Before(in.ShipDate) {
		fe.Add("FollowUpOn", "The follow-up check is on or after the ship date.")
	}
	shipped := sumLines(others, func(s *Shipment) bool { return !s.Void() })
	need := needs(o)
	var lines []ShipmentLine
	for no, q := range in.Lines {
		n, ok := need[no]
		switch {
		case !ok:
			fe.Add("Lines", "There is no line {{.Line}} on this order.", "Line", no)
		case q < 0:
			fe.Add("Lines", "Line {{.Line}}: the quantity cannot be negative.", "Line", no)
		case q > 0 && shipped[no]+q > n.max:
			fe.Add("Lines", "Line {{.Line}}: {{.Qty}} more would ship {{.Total}} of {{.Ordered}} ordered, beyond the tolerance.",
				"Line", no, "Qty", q.String(), "Total", (shipped[no] + q).String(), "Ordered", n.line.Qty.String())
		case q > 0:
			lines = append(lines, ShipmentLine{OrderLineID: n.line.ID, LineNo: no, Qty: q})
		}
	}
	if len(lines) == 0 && len(fe) == 0 {
		fe.Add("Lines", "Enter the quantity shipped of at least one line.")
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	sortShipLines(lines)
	sh := &Shipment{OrderID: o.ID, Lines: lines, Status: ShipInTransit, Carrier: strings.TrimSpace(in.Carrier),
		TrackingNo: strings.TrimSpace(in.TrackingNo), Packages: in.Packages, WeightKg: in.WeightKg, ShipDate: in.ShipDate,
		Region: region, LeadDays: lead, ExpectedArrival: expected, FollowUpOn: followUp, ShipTo: shipToOf(o),
		Note: strings.TrimSpace(in.Note)}
	if len(o.Requests) == 0 && o.Emergency.Active() {
		sh.EmergencyBy = o.Emergency.Authorised.By
	}
	return sh, nil
}

func sortShipLines(l []ShipmentLine) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && l[j].LineNo < l[j-1].LineNo; j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

func shipToOf(o *Order) string {
	if n := len(o.Requests); n > 0 && o.Requests[n-1].ShipTo != "" {
		return o.Requests[n-1].ShipTo
	}
	return o.ShipToAddress()
}

// LateAgainstRequest reports whether the shipment is expected after the
// date the customer asked for: the clerk warns the customer before it happens.
func (sh *Shipment) LateAgainstRequest(o *Order) bool {
	return o != nil && !o.RequestedDate.IsZero() && sh.ExpectedArrival.After(o.RequestedDate)
}

// NoticeStep is a step of the shipping notice.
type NoticeStep string

// The steps of the shipping notice, in order.
const (
	NoticeIssue   NoticeStep = "issue"   // printed (the PDF written)
	NoticeSend    NoticeStep = "send"    // faxed or mailed to the customer
	NoticeLegible NoticeStep = "legible" // the customer confirmed receiving it legibly
)

// RecordNotice records a step of the shipping notice (step 16): issued by
// the clerk with the document it was printed to; sent; confirmed legible by
// the customer's person (who). Each step is signed once, in order.
func (sh *Shipment) RecordNotice(c Ctx, step NoticeStep, who Signer, document string) error {
	if err := sh.allowed(step.action()); err != nil {
		return err
	}
	me := Signer{Name: c.By.Name, EmployeeID: c.By.ID}
	switch step {
	case NoticeIssue:
		// A reprint is allowed: the latest document is kept, the first signature stays.
		if !sh.NoticeIssued.Signed() {
			sh.NoticeIssued = me.sign(c)
		}
		sh.NoticeDocument = strings.TrimSpace(document)
		sh.log(c, ShipActNotice, M("shipping notice printed"), document)
	case NoticeSend:
		sh.NoticeSent = me.sign(c)
		sh.log(c, ShipActSent, M("shipping notice sent to the customer"), "")
	case NoticeLegible:
		if who.empty() {
			return FieldErrors{{"SpokeWith", M("Name the person at the customer who confirmed receiving the notice legibly.")}}
		}
		sh.NoticeLegible = who.sign(c)
		sh.log(c, ShipActLegible, M("shipping notice received legibly, confirmed by {{.By}}", "By", who.Name), "")
	}
	return nil
}

// ArrivalInput is what the clerk learns when the goods arrive.
type ArrivalInput struct {
	ArrivedOn Date
	// ReceiptSignedBy is the customer's person who signed the arrival
	// receipt; empty while the signed receipt is not back.
	ReceiptSignedBy string
	// ScanPath is a scan or photo of the signed receipt to attach ("" for none).
	ScanPath string
	// Problems in transit (damage, shortage, delay), if any.
	Problems string
}

// RecordArrival records the goods arriving (step 18): the day, problems in
// transit, and the signed receipt when it is already back.
func (sh *Shipment) RecordArrival(c Ctx, in ArrivalInput) error {
	if err := sh.allowed(ShipDoArrival); err != nil {
		return err
	}
	var fe FieldErrors
	if in.ArrivedOn.IsZero() || in.ArrivedOn.Before(sh.ShipDate) || in.ArrivedOn.After(c.Today()) {
		fe.Add("ArrivedOn", "Enter the day the goods arrived (between the ship date and today).")
	}
	if strings.TrimSpace(in.ScanPath) != "" && strings.TrimSpace(in.ReceiptSignedBy) == "" {
		fe.Add("ReceiptSignedBy", "Name who signed the arrival receipt.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	sh.ArrivedOn, sh.ArrivalBy, sh.Problems = in.ArrivedOn, c.By.Name, strings.TrimSpace(in.Problems)
	sh.Status = ShipArrived
	sh.log(c, ShipActArrived, M("arrived {{.On}}, {{.Days}} days late", "On", in.ArrivedOn.String(), "Days", sh.DaysLate(c.Today())), sh.Problems)
	if strings.TrimSpace(in.ReceiptSignedBy) != "" {
		return sh.RecordReceipt(c, in.ReceiptSignedBy)
	}
	return nil
}

// RecordReceipt records the arrival receipt signed by the customer's person.
func (sh *Shipment) RecordReceipt(c Ctx, signedBy string) error {
	if err := sh.allowed(ShipDoReceipt); err != nil {
		return err
	}
	if strings.TrimSpace(signedBy) == "" {
		return FieldErrors{{"ReceiptSignedBy", M("Name who signed the arrival receipt.")}}
	}
	sh.Receipt = Signer{Name: signedBy}.sign(c)
	sh.Status = ShipReceived
	sh.log(c, ShipActReceipt, M("arrival receipt signed by {{.By}}", "By", sh.Receipt.By), "")
	return nil
}

// SetFollowUp moves the day the clerk checks the arrival (after calling the carrier).
func (sh *Shipment) SetFollowUp(c Ctx, on Date, note string) error {
	if err := sh.allowed(ShipDoFollowUp); err != nil {
		return err
	}
	if on.IsZero() || on.Before(c.Today()) {
		return FieldErrors{{"FollowUpOn", M("Choose a follow-up day, today or later.")}}
	}
	from := sh.FollowUpOn
	sh.FollowUpOn = on
	sh.log(c, ShipActFollowUp, fieldChange("FollowUpOn", quoteShort(from.String()), quoteShort(on.String())), note)
	return nil
}

// VoidShipment voids a shipment recorded by mistake. It stays, with its
// reason and history; its quantities no longer count for the order.
func (sh *Shipment) VoidShipment(c Ctx, reason string) error {
	if err := sh.allowed(ShipDoVoid); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"Reason", M("Say why the shipment is voided.")}}
	}
	sh.Voided, sh.VoidReason = Signer{Name: c.By.Name, EmployeeID: c.By.ID}.sign(c), strings.TrimSpace(reason)
	sh.Status, sh.Completes, sh.Remainder = ShipVoid, false, false
	sh.log(c, ShipActVoid, M("voided"), sh.VoidReason)
	return nil
}
