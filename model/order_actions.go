package model

import (
	"fmt"
	"strings"
)

// Signer names the person who signs a gate: an employee (EmployeeID set) or
// someone outside the office (a customer's person, by name only).
type Signer struct {
	Name       string
	EmployeeID uint
}

// SignerOf returns an employee as a signer.
func SignerOf(e *Employee) Signer { return Signer{Name: e.Name, EmployeeID: e.ID} }

func (s Signer) sign(c Ctx) Signature {
	sig := Signature{By: strings.TrimSpace(s.Name), At: c.stamp()}
	if s.EmployeeID != 0 {
		id := s.EmployeeID
		sig.ByID = &id
	}
	return sig
}

func (s Signer) empty() bool { return strings.TrimSpace(s.Name) == "" }

// Submit moves a complete intake memo to checking (step 3).
func (o *Order) Submit(c Ctx) error {
	if err := o.Allowed(DoSubmit, c); err != nil {
		return err
	}
	o.moveTo(c, StateChecking, "")
	return nil
}

// RecordAnswerGiven records that the customer got the answer promised at step 4.
func (o *Order) RecordAnswerGiven(c Ctx, note string) error {
	if err := o.Allowed(DoAnswerGiven, c); err != nil {
		return err
	}
	o.AnswerGivenAt, o.AnswerGivenBy = c.stamp(), c.By.Name
	o.log(c, string(DoAnswerGiven), Msg{}, note)
	return nil
}

// ConfirmPrice records the salesperson's confirmation of a line whose price
// strays from the plan or the last price (step 5). The salesperson of the
// order confirms; when the doubt was escalated, the CS supervisor or the
// marketing director may confirm instead.
func (o *Order) ConfirmPrice(c Ctx, lineNo int, by Signer, note string) error {
	if err := o.Allowed(DoConfirmPrice, c); err != nil {
		return err
	}
	l := o.Line(lineNo)
	if l == nil || !l.CheckPrice(c.Office.PriceTolerancePct).Beyond {
		return FieldErrors{{"Line", M("Line {{.Line}} needs no price confirmation.", "Line", lineNo)}}
	}
	if by.empty() {
		return FieldErrors{{"ConfirmedBy", M("Name the person who confirmed the price: a verbal answer is not enough.")}}
	}
	if err := c.MaySign(SignOffPrice, o, by); err != nil {
		return err
	}
	l.PriceConfirmed, l.PriceNote = by.sign(c), strings.TrimSpace(note)
	d := l.CheckPrice(c.Office.PriceTolerancePct)
	o.logSigned(c, string(DoConfirmPrice), M("line {{.Line}}: {{.Price}} confirmed by {{.By}} (plan {{.Plan}}%, last {{.Last}}%)",
		"Line", lineNo, "Price", l.UnitPrice.String(), "By", by.Name, "Plan", fmt.Sprintf("%+d", d.PlanPct), "Last", fmt.Sprintf("%+d", d.LastPct)), note)
	return nil
}

func (o *Order) mayConfirmPrice(by Signer, office Office) bool {
	if o.SalespersonID != nil && by.EmployeeID == *o.SalespersonID {
		return true
	}
	escalated := false
	for _, l := range o.Lines {
		escalated = escalated || l.PriceReported != nil
	}
	return (escalated || o.SalespersonID == nil) && by.EmployeeID != 0 &&
		(by.EmployeeID == office.CSSupervisorID || by.EmployeeID == office.MarketingDirectorID)
}

// ReportPriceDoubt records that a price doubt on a line was reported to the
// CS supervisor and the marketing director (step 5).
func (o *Order) ReportPriceDoubt(c Ctx, lineNo int, note string) error {
	if err := o.Allowed(DoReportPrice, c); err != nil {
		return err
	}
	l := o.Line(lineNo)
	if l == nil {
		return FieldErrors{{"Line", M("There is no line {{.Line}}.", "Line", lineNo)}}
	}
	l.PriceReported = c.stamp()
	o.log(c, string(DoReportPrice), M("line {{.Line}} reported to the CS supervisor and the marketing director", "Line", lineNo), note)
	return nil
}

// TechnicalInput is what the technical department writes and signs (step 6).
type TechnicalInput struct {
	CanProduce, FormulaChanged, OldFormulaInsisted, MaterialInStock bool
	OldFormulaConfirmation                                          string
	Note                                                            string
	SignedBy                                                        Signer
}

// RecordTechnicalCheck records the technical department's signed note.
func (o *Order) RecordTechnicalCheck(c Ctx, in TechnicalInput) error {
	if err := o.Allowed(DoTechnicalCheck, c); err != nil {
		return err
	}
	var fe FieldErrors
	if in.SignedBy.empty() {
		fe.Add("SignedBy", "The technical note must be signed by name: a verbal confirmation is not valid.")
	}
	if strings.TrimSpace(in.Note) == "" {
		fe.Add("Note", "Write the technical department's note on raw material and process.")
	}
	if in.OldFormulaInsisted && !in.FormulaChanged {
		fe.Add("OldFormulaInsisted", "The customer can only insist on the old formula when the formula has changed.")
	}
	if in.OldFormulaInsisted && strings.TrimSpace(in.OldFormulaConfirmation) == "" {
		fe.Add("OldFormulaConfirmation", "Name the customer's written confirmation of the old formula.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	if err := c.MaySign(SignOffTechnical, o, in.SignedBy); err != nil {
		return err
	}
	o.Tech = TechnicalCheck{CanProduce: in.CanProduce, FormulaChanged: in.FormulaChanged,
		OldFormulaInsisted: in.OldFormulaInsisted, OldFormulaConfirmation: strings.TrimSpace(in.OldFormulaConfirmation),
		MaterialInStock: in.MaterialInStock, Note: strings.TrimSpace(in.Note), Signed: in.SignedBy.sign(c), RecordedBy: c.By.Name}
	o.logSigned(c, string(DoTechnicalCheck), M("can produce: {{.CanProduce}}, formula changed: {{.FormulaChanged}}, old formula insisted: {{.OldFormulaInsisted}}, material in stock: {{.MaterialInStock}}, signed by {{.By}}",
		"CanProduce", yesNo(in.CanProduce), "FormulaChanged", yesNo(in.FormulaChanged), "OldFormulaInsisted", yesNo(in.OldFormulaInsisted),
		"MaterialInStock", yesNo(in.MaterialInStock), "By", in.SignedBy.Name), in.Note)
	return nil
}

// ProductionDateInput is what production writes and signs (step 7).
type ProductionDateInput struct {
	ProductionDate, FinishedDate Date
	Qty                          Qty
	// PerUnit, when set, is the quantity production confirms of each unit
	// the order is sold in: rolls and reams are never added into one
	// number. Qty is then taken from it when the order has a single unit.
	PerUnit  map[string]Qty
	Note     string
	SignedBy Signer
}

// UnitsOf returns the units the order's lines are sold in, in line order,
// each with the quantity ordered of it.
func (o *Order) UnitsOf() ([]string, map[string]Qty) {
	var units []string
	sum := map[string]Qty{}
	for _, l := range o.Lines {
		if _, ok := sum[l.Unit]; !ok {
			units = append(units, l.Unit)
		}
		sum[l.Unit] += l.Qty
	}
	return units, sum
}

// ProdQtyField names the field of the quantity of one unit in the
// production-date note ("Qty.roll").
func ProdQtyField(unit string) string { return "Qty." + unit }

// RecordProductionDate records production's signed dates. The finished date
// (after rewinding, not the ship date) becomes the date the confirmation promises.
func (o *Order) RecordProductionDate(c Ctx, in ProductionDateInput) error {
	if err := o.Allowed(DoProductionDate, c); err != nil {
		return err
	}
	var fe FieldErrors
	if in.SignedBy.empty() {
		fe.Add("SignedBy", "The production date note must be signed by name: a verbal confirmation is not valid.")
	}
	if in.ProductionDate.IsZero() {
		fe.Add("ProductionDate", "Enter the production date.")
	}
	switch {
	case in.FinishedDate.IsZero():
		fe.Add("FinishedDate", "Enter the finished-goods date.")
	case in.FinishedDate.Before(in.ProductionDate):
		fe.Add("FinishedDate", "The goods cannot be finished before production starts.")
	case in.FinishedDate.Before(c.Today()):
		fe.Add("FinishedDate", "The finished-goods date is in the past.")
	}
	qtyText := in.Qty.String()
	if len(in.PerUnit) > 0 {
		units, _ := o.UnitsOf()
		var parts []string
		for _, u := range units {
			if in.PerUnit[u] <= 0 {
				fe.Add(ProdQtyField(u), "Enter the quantity production confirms.")
			}
			parts = append(parts, in.PerUnit[u].String()+" "+u)
		}
		in.Qty, qtyText = 0, strings.Join(parts, ", ")
		if len(units) == 1 {
			in.Qty = in.PerUnit[units[0]]
		}
	} else if in.Qty <= 0 {
		fe.Add("Qty", "Enter the quantity production confirms.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	if err := c.MaySign(SignOffProductionDate, o, in.SignedBy); err != nil {
		return err
	}
	o.ProdDate = ProductionDateNote{ProductionDate: in.ProductionDate, FinishedDate: in.FinishedDate, Qty: in.Qty,
		Note: strings.TrimSpace(in.Note), Signed: in.SignedBy.sign(c), RecordedBy: c.By.Name}
	from := o.ConfirmedDate
	o.ConfirmedDate = in.FinishedDate
	if !o.Loosen.To.IsZero() && o.Loosen.To.After(in.FinishedDate) {
		o.ConfirmedDate = o.Loosen.To
	}
	o.PromisedDate = o.ConfirmedDate
	o.logSigned(c, string(DoProductionDate), M("production {{.Production}}, finished {{.Finished}}, quantity {{.Qty}}, signed by {{.By}}; confirmed date {{.From}} → {{.To}}",
		"Production", in.ProductionDate.String(), "Finished", in.FinishedDate.String(), "Qty", qtyText, "By", in.SignedBy.Name,
		"From", from.String(), "To", o.ConfirmedDate.String()), in.Note)
	return nil
}

// LoosenPromisedDate moves the promised date later than production's for the
// customer's payment method or urgency, with the salesperson's agreement (step 8.1).
func (o *Order) LoosenPromisedDate(c Ctx, to Date, reason string, agreedBy Signer) error {
	if err := o.Allowed(DoLoosenDate, c); err != nil {
		return err
	}
	var fe FieldErrors
	if !to.After(o.ProdDate.FinishedDate) {
		fe.Add("To", "A loosened date is later than production's finished date ({{.Date}}).", "Date", o.ProdDate.FinishedDate.String())
	}
	if strings.TrimSpace(reason) == "" {
		fe.Add("Reason", "Say why the date is loosened (payment method, urgency).")
	}
	if agreedBy.empty() || o.SalespersonID != nil && agreedBy.EmployeeID != *o.SalespersonID {
		fe.Add("AgreedBy", "The order's salesperson must agree to a loosened date.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	from := o.ConfirmedDate
	o.Loosen = LoosenedDate{To: to, Reason: strings.TrimSpace(reason), AgreedBy: agreedBy.sign(c), RecordedBy: c.By.Name}
	o.ConfirmedDate, o.PromisedDate = to, to
	o.log(c, string(DoLoosenDate), M("confirmed date {{.From}} → {{.To}}, agreed by {{.By}}", "From", from.String(), "To", to.String(), "By", agreedBy.Name), reason)
	return nil
}

// IssueConfirmation prints a new revision of the order confirmation (step 8).
// A revision replaces the one before it; its promised date is the confirmed
// date, or the date as it has slipped so far if that is later, so a new
// revision never promises earlier than the customer was already told.
func (o *Order) IssueConfirmation(c Ctx, document string) error {
	if err := o.Allowed(DoIssueConfirmation, c); err != nil {
		return err
	}
	if prev := o.Revision(); prev != nil {
		prev.Superseded = true
	}
	promised := o.ConfirmedDate
	if o.PromisedDate.After(promised) {
		promised = o.PromisedDate
	}
	o.CurrentRev++
	o.Revisions = append(o.Revisions, ConfirmationRevision{OrderID: o.ID, Rev: o.CurrentRev,
		Issued: Signer{Name: c.By.Name, EmployeeID: c.By.ID}.sign(c), PromisedDate: promised, Total: o.Total, Document: document})
	o.ConfirmedDate, o.PromisedDate, o.SlipDays = promised, promised, 0
	o.DepositDue = 0
	if o.Customer != nil && o.Tier() != TierA && o.Customer.DepositPercent > 0 {
		// The deposit is a share of what the customer pays, tax and all:
		// the same total the confirmation prints.
		o.DepositDue = c.Office.Tax(o.Total).Total.Percent(o.Customer.DepositPercent)
	}
	if o.AnswerPromisedBy != nil && o.AnswerGivenAt == nil {
		o.AnswerGivenAt, o.AnswerGivenBy = c.stamp(), c.By.Name
	}
	issued := M("revision {{.Rev}} issued: total {{.Total}}, promised {{.Promised}}, deposit due {{.Deposit}}",
		"Rev", o.CurrentRev, "Total", FormatMoney(o.Total, o.Currency), "Promised", promised.String(), "Deposit", FormatMoney(o.DepositDue, o.Currency))
	if o.CurrentRev > 1 {
		issued = M("revision {{.Rev}} issued, replaces revision {{.Old}}: total {{.Total}}, promised {{.Promised}}, deposit due {{.Deposit}}",
			"Rev", o.CurrentRev, "Old", o.CurrentRev-1, "Total", FormatMoney(o.Total, o.Currency), "Promised", promised.String(), "Deposit", FormatMoney(o.DepositDue, o.Currency))
	}
	o.log(c, string(DoIssueConfirmation), issued, document)
	return nil
}

// RecordFaxSent records that the current revision was faxed: the order
// awaits the signed copy, and the slip clock starts.
func (o *Order) RecordFaxSent(c Ctx) error {
	if err := o.Allowed(DoRecordFax, c); err != nil {
		return err
	}
	r := o.Revision()
	r.FaxedAt, r.FaxedBy = c.stamp(), c.By.Name
	o.SignBackOwedSince, o.SignedBackAt = r.FaxedAt, nil
	o.log(c, string(DoRecordFax), M("revision {{.Rev}} faxed", "Rev", r.Rev), "")
	if o.State == StateChecking {
		o.moveTo(c, StateConfirmationSent, "")
	}
	return nil
}

// ConfirmFaxLegible records the call in which the customer confirmed the fax
// arrived legibly, and whom the clerk spoke to.
func (o *Order) ConfirmFaxLegible(c Ctx, spokeWith string) error {
	if err := o.Allowed(DoConfirmLegible, c); err != nil {
		return err
	}
	if strings.TrimSpace(spokeWith) == "" {
		return FieldErrors{{"SpokeWith", M("Name the person at the customer who confirmed the fax is legible.")}}
	}
	r := o.Revision()
	r.Legible = Signer{Name: spokeWith}.sign(c)
	o.log(c, string(DoConfirmLegible), M("revision {{.Rev}} received legibly, confirmed by {{.By}}", "Rev", r.Rev, "By", spokeWith), "")
	return nil
}

// SignBackInput describes the signed or stamped copy that came back.
type SignBackInput struct {
	// Contact is the customer's person who signed (one allowed to sign), or nil for a company stamp only.
	Contact *Contact
	Stamped bool
	// Problems found on the returned copy; any makes it a faulty sign-back.
	Problems string
}

// RecordSignBack records the returned confirmation (step 9). A copy with
// errors, an unclear signature or stamp, or unclear special requirements
// sends the order back to checking for a new revision; the slip stops at
// the day the copy came back either way.
func (o *Order) RecordSignBack(c Ctx, in SignBackInput) error {
	if err := o.Allowed(DoSignBack, c); err != nil {
		return err
	}
	var fe FieldErrors
	switch {
	case in.Contact == nil && !in.Stamped:
		fe.Add("Contact", "Choose who signed, or tick that it carries the company stamp.")
	case in.Contact != nil && (in.Contact.CustomerID == nil || *in.Contact.CustomerID != o.CustomerID):
		fe.Add("Contact", "{{.Name}} is not a contact of this customer.", "Name", in.Contact.Name)
	case in.Contact != nil && !in.Contact.CanSign && !in.Stamped:
		fe.Add("Contact", "{{.Name}} may not sign confirmations for the customer: ask for the designated person's signature or the company stamp.", "Name", in.Contact.Name)
	}
	if err := fe.Err(); err != nil {
		return err
	}
	o.recordSignBack(c, in)
	return nil
}

// recordSignBack is RecordSignBack once the input is known good (a scan
// matched by its barcode records through it too).
func (o *Order) recordSignBack(c Ctx, in SignBackInput) {
	o.ApplySlip(c)
	r := o.Revision()
	name := ""
	if in.Contact != nil {
		name = in.Contact.Name
		id := in.Contact.ID
		r.SignerContactID = &id
	} else if o.Customer != nil {
		name = o.Customer.Name(o.Customer.DocLanguage)
	}
	r.SignedBack, r.Stamped, r.ReceivedBy = Signer{Name: name}.sign(c), in.Stamped, c.By.Name
	r.Problems = strings.TrimSpace(in.Problems)
	o.SignBackOwedSince = nil
	if r.Problems != "" {
		o.log(c, string(DoSignBack), M("revision {{.Rev}} came back with problems; a new revision is needed", "Rev", r.Rev), r.Problems)
		if o.State == StateConfirmationSent {
			r.Superseded = true
			o.moveTo(c, StateChecking, "", M("signed copy with problems: confirm again as a new revision"))
		}
		return
	}
	o.SignedBackAt = r.SignedBack.At
	back := M("revision {{.Rev}} signed by {{.By}}, {{.Days}} days late", "Rev", r.Rev, "By", name, "Days", o.SlipDays)
	if in.Stamped {
		back = M("revision {{.Rev}} signed by {{.By}}, stamped, {{.Days}} days late", "Rev", r.Rev, "By", name, "Days", o.SlipDays)
	}
	o.log(c, string(DoSignBack), back, "")
}

// Revise sends a faxed confirmation back to checking for a new revision
// (the customer changed something, or the confirmation was wrong).
func (o *Order) Revise(c Ctx, reason string) error {
	if err := o.Allowed(DoRevise, c); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"Reason", M("Say why a new revision is needed.")}}
	}
	o.ApplySlip(c)
	if r := o.Revision(); r != nil {
		r.Superseded, r.ReplacedBecause = true, strings.TrimSpace(reason)
	}
	o.SignBackOwedSince, o.SignedBackAt = nil, nil
	o.moveTo(c, StateChecking, reason)
	return nil
}

// RecordPayment records money received for the order: a deposit before
// production, or the balance before shipping.
func (o *Order) RecordPayment(c Ctx, kind string, amount Money, receivedOn Date, reference string) error {
	action := DoDeposit
	if kind == PaymentBalance {
		action = DoBalancePayment
	} else if kind != PaymentDeposit {
		return FieldErrors{{"Kind", M("Choose deposit or balance.")}}
	}
	if err := o.Allowed(action, c); err != nil {
		return err
	}
	var fe FieldErrors
	if amount <= 0 {
		fe.Add("Amount", "Enter the amount received.")
	}
	switch {
	case receivedOn.IsZero():
		fe.Add("ReceivedOn", "Enter the day the money arrived.")
	case receivedOn.After(c.Today()):
		fe.Add("ReceivedOn", "The day the money arrived cannot be in the future.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	o.Payments = append(o.Payments, Payment{OrderID: o.ID, Kind: kind, Amount: amount, ReceivedOn: receivedOn, Reference: strings.TrimSpace(reference)})
	o.recomputeTotals()
	o.log(c, string(action), M("{{.Kind}} {{.Amount}} received on {{.On}}", "Kind", paymentWord(kind), "Amount", FormatMoney(amount, o.Currency), "On", receivedOn.String()), reference)
	return nil
}

// ReleaseProduction releases the production order (steps 9–10): the clerk
// signs it and production's responsible person signs it. A tier A order may
// be released before its signed confirmation is back; it then stays owed.
func (o *Order) ReleaseProduction(c Ctx, productionSigner Signer, copyToTechnical bool) error {
	if err := o.Allowed(DoRelease, c); err != nil {
		return err
	}
	if productionSigner.empty() {
		return FieldErrors{{"ProductionSigner", M("Production's responsible person must sign the production order.")}}
	}
	if err := c.MaySign(SignOffProductionOrder, o, productionSigner); err != nil {
		return err
	}
	o.ApplySlip(c)
	o.Release = ProductionRelease{ClerkSigned: Signer{Name: c.By.Name, EmployeeID: c.By.ID}.sign(c),
		ProductionSigned: productionSigner.sign(c), BeforeSignBack: o.SignBackOwedSince != nil}
	if copyToTechnical {
		o.Release.CopyToTechAt = c.stamp()
	}
	said := []Msg{M("production order signed by {{.By}}", "By", productionSigner.Name), enteredBy(c)}
	if o.Release.BeforeSignBack {
		said = append(said, M("tier A: released before the signed confirmation; it is still owed"))
	}
	o.moveTo(c, StateReleased, "", said...)
	return nil
}

// RecordCopyToTechnical records that the technical department got its copy of the production order.
func (o *Order) RecordCopyToTechnical(c Ctx) error {
	if err := o.Allowed(DoCopyToTech, c); err != nil {
		return err
	}
	o.Release.CopyToTechAt = c.stamp()
	o.log(c, string(DoCopyToTech), Msg{}, "")
	return nil
}

// RecordProgress adds a line of the daily production report; the first one
// puts the order in production.
func (o *Order) RecordProgress(c Ctx, day Date, made Qty, finished bool, note string) error {
	if err := o.Allowed(DoProgress, c); err != nil {
		return err
	}
	var fe FieldErrors
	if day.IsZero() || day.After(c.Today()) {
		fe.Add("Day", "Enter the day of the production report (today or earlier).")
	}
	if made < 0 {
		fe.Add("Made", "The quantity made cannot be negative.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	o.Progress = append(o.Progress, ProgressEntry{OrderID: o.ID, Day: day, Made: made, Finished: finished, Note: strings.TrimSpace(note)})
	if finished && o.ProdDone == nil {
		o.ProdDone = c.stamp()
	}
	o.log(c, string(DoProgress), M("{{.Day}}: {{.Made}} made, finished: {{.Finished}}", "Day", day.String(), "Made", made.String(), "Finished", yesNo(finished)), note)
	if o.State == StateReleased {
		o.moveTo(c, StateInProduction, "")
	}
	return nil
}

// ReportException records a production or technical exception production
// reported (step 11.1). Sales is told and it goes to the CS supervisor and
// the marketing director; the response agreed with the customer follows.
func (o *Order) ReportException(c Ctx, reportedBy Signer, description string) error {
	if err := o.Allowed(DoException, c); err != nil {
		return err
	}
	var fe FieldErrors
	if reportedBy.empty() {
		fe.Add("ReportedBy", "Name who in production reported it.")
	}
	if strings.TrimSpace(description) == "" {
		fe.Add("Description", "Describe the exception.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	o.Exceptions = append(o.Exceptions, ProductionException{OrderID: o.ID, Reported: reportedBy.sign(c), Description: strings.TrimSpace(description)})
	o.log(c, string(DoException), M("exception {{.N}} reported by {{.By}}", "N", len(o.Exceptions), "By", reportedBy.Name), description)
	return nil
}

// EscalateException records that sales was told and the exception escalated
// to the CS supervisor and the marketing director (named in escalatedTo).
func (o *Order) EscalateException(c Ctx, n int, escalatedTo string) error {
	e, err := o.exception(n)
	if err != nil {
		return err
	}
	if strings.TrimSpace(escalatedTo) == "" {
		return FieldErrors{{"EscalatedTo", M("Name whom the exception was escalated to.")}}
	}
	e.SalesToldAt, e.EscalatedAt, e.EscalatedTo = c.stamp(), c.stamp(), strings.TrimSpace(escalatedTo)
	o.log(c, "exception_escalated", M("exception {{.N}}: sales told, escalated to {{.To}}", "N", n, "To", escalatedTo), "")
	return nil
}

// AgreeExceptionResponse records the response agreed with the customer for an exception.
func (o *Order) AgreeExceptionResponse(c Ctx, n int, response string, agreedBy Signer) error {
	e, err := o.exception(n)
	if err != nil {
		return err
	}
	var fe FieldErrors
	if strings.TrimSpace(response) == "" {
		fe.Add("Response", "Write the response agreed with the customer.")
	}
	if agreedBy.empty() {
		fe.Add("AgreedBy", "Name who agreed the response.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	e.Response, e.Agreed = strings.TrimSpace(response), agreedBy.sign(c)
	o.log(c, "exception_response", M("exception {{.N}}: response agreed by {{.By}}", "N", n, "By", agreedBy.Name), response)
	return nil
}

func (o *Order) exception(n int) (*ProductionException, error) {
	if n < 1 || n > len(o.Exceptions) {
		return nil, FieldErrors{{"Exception", M("There is no exception {{.N}} on this order.", "N", n)}}
	}
	if o.State.Closed() {
		return nil, o.Allowed(DoException, Ctx{})
	}
	return &o.Exceptions[n-1], nil
}

// QCInput is the result of inspecting the finished goods with QC (step 12.1).
type QCInput struct {
	// Produced is the quantity counted for each line number.
	Produced                          map[int]Qty
	QuantityOK, PackagingOK, LabelsOK bool
	Inspector                         Signer
	Note                              string
}

// RecordQC records the inspection against the release standard. When
// quantity, packaging and labels all pass, QC stocks the goods in and the
// order is inspected; a failed inspection stays on the order's history and
// the order stays in production.
func (o *Order) RecordQC(c Ctx, in QCInput) error {
	if err := o.Allowed(DoQC, c); err != nil {
		return err
	}
	var fe FieldErrors
	if in.Inspector.empty() {
		fe.Add("Inspector", "Name the QC inspector.")
	}
	tol := 0
	if o.TolerancePct != nil {
		tol = *o.TolerancePct
	}
	for _, l := range o.Lines {
		q, ok := in.Produced[l.LineNo]
		if !ok || q < 0 {
			fe.Add("Produced", "Line {{.Line}}: enter the quantity counted.", "Line", l.LineNo)
			continue
		}
		if in.QuantityOK && !withinTolerance(q, l.Qty, tol) {
			fe.Add("Produced", "Line {{.Line}}: {{.Made}} counted against {{.Ordered}} ordered is outside the ±{{.Tol}}% tolerance.",
				"Line", l.LineNo, "Made", q.String(), "Ordered", l.Qty.String(), "Tol", tol)
		}
	}
	if err := fe.Err(); err != nil {
		return err
	}
	if err := c.MaySign(SignOffQC, o, in.Inspector); err != nil {
		return err
	}
	passed := in.QuantityOK && in.PackagingOK && in.LabelsOK
	o.QC.QuantityOK, o.QC.PackagingOK, o.QC.LabelsOK, o.QC.Passed = in.QuantityOK, in.PackagingOK, in.LabelsOK, passed
	o.QC.Inspector, o.QC.Note, o.QC.RecordedBy = in.Inspector.sign(c), strings.TrimSpace(in.Note), c.By.Name
	qc := func(text string) Msg {
		return M(text, "Qty", yesNo(in.QuantityOK), "Packaging", yesNo(in.PackagingOK), "Labels", yesNo(in.LabelsOK), "By", in.Inspector.Name)
	}
	if !passed {
		o.QC.Failures++
		o.logSigned(c, "qc_failed", qc("quantity OK: {{.Qty}}, packaging OK: {{.Packaging}}, labels OK: {{.Labels}}, inspector {{.By}}"), in.Note)
		return nil
	}
	for i := range o.Lines {
		o.Lines[i].ProducedQty = in.Produced[o.Lines[i].LineNo]
	}
	o.QC.StockedInAt = c.stamp()
	o.logSigned(c, "qc_passed", qc("quantity OK: {{.Qty}}, packaging OK: {{.Packaging}}, labels OK: {{.Labels}}, inspector {{.By}}; stocked in"), in.Note)
	o.moveTo(c, StateInspected, "")
	return nil
}

// withinTolerance reports whether made is within ±tol% of ordered.
func withinTolerance(made, ordered Qty, tol int) bool {
	diff := int64(made - ordered)
	if diff < 0 {
		diff = -diff
	}
	return diff*100 <= int64(ordered)*int64(tol)
}

// IssueBalanceNotice issues the balance collection notice for the produced
// quantity to a tier B or C customer (step 13.2).
func (o *Order) IssueBalanceNotice(c Ctx) error {
	if err := o.Allowed(DoBalanceNotice, c); err != nil {
		return err
	}
	o.Balance = BalanceNotice{Amount: o.BalanceDueWithTax(c.Office), IssuedBy: Signer{Name: c.By.Name, EmployeeID: c.By.ID}.sign(c)}
	o.log(c, string(DoBalanceNotice), M("balance {{.Balance}} for the produced value {{.Value}}", "Balance", FormatMoney(o.Balance.Amount, o.Currency), "Value", FormatMoney(o.ProducedValue(), o.Currency)), "")
	return nil
}

// ClearFinance records finance's signature that payment is in order (step 13).
func (o *Order) ClearFinance(c Ctx, signer Signer, note string) error {
	if err := o.Allowed(DoFinance, c); err != nil {
		return err
	}
	if signer.empty() {
		return FieldErrors{{"SignedBy", M("Finance must sign the clearance by name.")}}
	}
	if err := c.MaySign(SignOffFinance, o, signer); err != nil {
		return err
	}
	o.Finance = FinanceClearance{TermsChecked: Signer{Name: c.By.Name, EmployeeID: c.By.ID}.sign(c), Signed: signer.sign(c), Note: strings.TrimSpace(note)}
	o.logSigned(c, string(DoFinance), M("cleared by {{.By}}; paid {{.Paid}} of {{.Value}}", "By", signer.Name, "Paid", FormatMoney(o.PaidTotal(), o.Currency), "Value", FormatMoney(o.ProducedValue(), o.Currency)), note)
	o.moveTo(c, StateCleared, "")
	return nil
}

// AuthoriseEmergencyShipping records the CS supervisor's authority to ship
// before the shipment request is written (step 14.2). The request stays
// overdue until it is issued.
func (o *Order) AuthoriseEmergencyShipping(c Ctx, supervisor Signer, reason string) error {
	if err := o.Allowed(DoEmergency, c); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"Reason", M("Say why the goods must ship before the paperwork.")}}
	}
	if err := c.MaySign(SignOffEmergency, o, supervisor); err != nil {
		return err
	}
	o.Emergency = EmergencyShipping{Authorised: supervisor.sign(c), Reason: strings.TrimSpace(reason)}
	o.logSigned(c, string(DoEmergency), M("shipping before the shipment request authorised by {{.By}}", "By", supervisor.Name), reason)
	return nil
}

// ShipmentRequestInput is what the clerk re-checks before telling shipping (step 14.1).
type ShipmentRequestInput struct {
	ShipTo, Receiver, Phone string
	// Checked confirms the clerk re-checked address, receiver and contact against the order.
	Checked bool
	Note    string
}

// IssueShipmentRequest writes the shipment request numbered no. Nothing
// ships without one; after an emergency shipment it is the missing paperwork.
func (o *Order) IssueShipmentRequest(c Ctx, no string, in ShipmentRequestInput) error {
	if err := o.Allowed(DoShipmentRequest, c); err != nil {
		return err
	}
	var fe FieldErrors
	if strings.TrimSpace(in.ShipTo) == "" {
		fe.Add("ShipTo", "Enter the delivery address.")
	}
	if strings.TrimSpace(in.Receiver) == "" {
		fe.Add("Receiver", "Enter who receives the goods.")
	}
	if m := checkPhone(strings.TrimSpace(in.Phone)); strings.TrimSpace(in.Phone) == "" {
		fe.Add("Phone", "Enter the receiver's phone number.")
	} else if !m.IsZero() {
		fe = append(fe, FieldError{"Phone", m})
	}
	if !in.Checked {
		fe.Add("Checked", "Re-check the address, receiver and contact against the order, then tick that you did.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	me := Signer{Name: c.By.Name, EmployeeID: c.By.ID}
	o.Requests = append(o.Requests, ShipmentRequest{No: no, OrderID: o.ID, Issued: me.sign(c), ShipTo: strings.TrimSpace(in.ShipTo),
		Receiver: strings.TrimSpace(in.Receiver), Phone: strings.TrimSpace(in.Phone), Checked: me.sign(c),
		AfterEmerg: o.State == StateShipped, Note: strings.TrimSpace(in.Note)})
	o.RequestNo = no
	o.log(c, string(DoShipmentRequest), M("shipment request {{.No}} issued", "No", no), in.Note)
	return nil
}

// recordShipped records the goods leaving (step 16). Unexported: an order
// ships only with a shipment (takeShipment), never by its state alone.
func (o *Order) recordShipped(c Ctx, shippedOn, expectedArrival Date) error {
	if err := o.Allowed(DoShipped, c); err != nil {
		return err
	}
	var fe FieldErrors
	if shippedOn.IsZero() || shippedOn.After(c.Today()) {
		fe.Add("ShippedOn", "Enter the day the goods left (today or earlier).")
	}
	if expectedArrival.IsZero() || expectedArrival.Before(shippedOn) {
		fe.Add("ExpectedArrival", "Enter the expected arrival, on or after the ship date.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	o.Shipping.ShippedOn, o.Shipping.ExpectedArrival, o.Shipping.ShippedBy = shippedOn, expectedArrival, c.By.Name
	var said []Msg
	if len(o.Requests) == 0 {
		said = append(said, M("shipped before the paperwork on the CS supervisor's authority; the shipment request is overdue"))
	}
	o.moveTo(c, StateShipped, "", said...)
	return nil
}

// ReturnToCleared takes a shipped order back to waiting for shipping: the
// only shipment that counted was voided, so nothing has left after all.
// The ship date and the expected arrival are cleared; the shipment request,
// or the CS supervisor's emergency authority with the request still owed,
// stays as it was, so the order ships again through the same gate.
func (o *Order) ReturnToCleared(c Ctx, reason string) error {
	if o.State != StateShipped {
		return Refuse("Order {{.No}} has not shipped: only a shipped order goes back to waiting for shipping.", "No", o.No)
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"Reason", M("Say why the order goes back to waiting for shipping.")}}
	}
	o.Shipping.ShippedOn, o.Shipping.ShippedBy, o.Shipping.ExpectedArrival = Date{}, "", Date{}
	o.moveTo(c, StateCleared, strings.TrimSpace(reason))
	return nil
}

// recordDelivered records the arrival receipt signed by the customer (step 18).
// Unexported: an order is delivered only when its shipments have arrived
// with signed receipts (deliverIfComplete), so the shipments say so too.
func (o *Order) recordDelivered(c Ctx, arrivedOn Date, receiptSignedBy string) error {
	if err := o.Allowed(DoDelivered, c); err != nil {
		return err
	}
	var fe FieldErrors
	if arrivedOn.IsZero() || arrivedOn.Before(o.Shipping.ShippedOn) || arrivedOn.After(c.Today()) {
		fe.Add("ArrivedOn", "Enter the day the goods arrived (between the ship date and today).")
	}
	if strings.TrimSpace(receiptSignedBy) == "" {
		fe.Add("ReceiptSignedBy", "Name who signed the arrival receipt.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	o.Shipping.ArrivedOn, o.Shipping.ReceiptSignedBy, o.Shipping.RecordedBy = arrivedOn, strings.TrimSpace(receiptSignedBy), c.By.Name
	o.moveTo(c, StateDelivered, "", M("arrival receipt signed by {{.By}}", "By", receiptSignedBy))
	return nil
}

// Hold puts the order on hold; Resume returns it to where it was.
func (o *Order) Hold(c Ctx, reason string) error {
	if err := o.Allowed(DoHold, c); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"Reason", M("Say why the order is put on hold.")}}
	}
	o.HeldFrom = o.State
	o.moveTo(c, StateOnHold, reason)
	return nil
}

// Resume takes the order off hold, back to the state it was held in.
func (o *Order) Resume(c Ctx) error {
	if err := o.Allowed(DoResume, c); err != nil {
		return err
	}
	to := o.HeldFrom
	o.HeldFrom = ""
	o.moveTo(c, to, "")
	return nil
}

// Cancel cancels the order with a reason. Nothing is deleted: lines, gates
// and history stay.
func (o *Order) Cancel(c Ctx, reason string) error {
	if err := o.Allowed(DoCancel, c); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"Reason", M("Say why the order is cancelled.")}}
	}
	o.CloseReason, o.SignBackOwedSince = strings.TrimSpace(reason), nil
	o.moveTo(c, StateCancelled, reason)
	return nil
}

// Decline declines an order that cannot be produced (step 6.1), optionally
// naming the new-product sampling request the customer was offered instead.
func (o *Order) Decline(c Ctx, reason, samplingRequest string) error {
	if err := o.Allowed(DoDecline, c); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return FieldErrors{{"Reason", M("Say why the order is declined.")}}
	}
	o.CloseReason, o.SamplingRequest = strings.TrimSpace(reason), strings.TrimSpace(samplingRequest)
	o.moveTo(c, StateDeclined, reason)
	return nil
}
