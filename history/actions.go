package history

import "orderdesk/model"

// ActionName returns the English name of an event's action, the key of its
// translation; an action it does not know is shown as written.
func ActionName(entity, action string) string {
	switch entity {
	case "order":
		if n, ok := orderActions[action]; ok {
			return n
		}
	case "shipment":
		if n, ok := shipmentActions[action]; ok {
			return n
		}
	case "ticket":
		if n, ok := ticketActions[action]; ok {
			return n
		}
	case "rma":
		if n, ok := rmaActions[action]; ok {
			return n
		}
	}
	if n, ok := recordActions[action]; ok {
		return n
	}
	return action
}

// Actions lists every action name, for the translation test.
func Actions() []string {
	var out []string
	for _, m := range []map[string]string{orderActions, shipmentActions, ticketActions, rmaActions, recordActions} {
		for _, n := range m {
			out = append(out, n)
		}
	}
	return out
}

var orderActions = map[string]string{
	model.ActCreated: "Order taken", model.ActUpdated: "Changed",
	model.OrdState: "State changed", model.OrdSlip: "Promised date slipped",
	"qc_passed": "QC passed, stocked in", "qc_failed": "QC failed", "checks_voided": "Checks voided",
	"revision_superseded": "Revision superseded", "exception_escalated": "Exception escalated",
	"exception_response": "Exception response agreed",
	"shipment":           "Shipment recorded", "shipping_notice": "Shipping notice", "shipment_arrived": "Shipment arrived",
	"arrival_receipt": "Arrival receipt signed", "shipment_voided": "Shipment voided",
	string(model.DoSubmit): "Submit for checking", string(model.DoAnswerGiven): "Answer given to the customer",
	string(model.DoConfirmPrice): "Record price confirmation", string(model.DoReportPrice): "Report price doubt",
	string(model.DoTechnicalCheck): "Technical check", string(model.DoProductionDate): "Production date note",
	string(model.DoLoosenDate): "Loosen promised date", string(model.DoIssueConfirmation): "Confirmation checked and issued",
	string(model.DoRecordFax): "Confirmation faxed", string(model.DoConfirmLegible): "Fax received legibly",
	string(model.DoSignBack): "Sign-back received", string(model.DoRevise): "New revision",
	string(model.DoDeposit): "Deposit received", string(model.DoRelease): "Release production",
	string(model.DoCopyToTech): "Copy to technical department", string(model.DoProgress): "Progress entry",
	string(model.DoException): "Production exception", string(model.DoQC): "QC result",
	string(model.DoBalanceNotice): "Balance notice issued", string(model.DoBalancePayment): "Balance received",
	string(model.DoFinance): "Finance clearance", string(model.DoEmergency): "Authorise shipping before paperwork",
	string(model.DoShipmentRequest): "Issue shipment request", string(model.DoShipped): "Shipped",
	string(model.DoDelivered): "Arrival receipt signed", string(model.DoHold): "Put on hold",
	string(model.DoResume): "Resume", string(model.DoCancel): "Cancel order", string(model.DoDecline): "Decline order",
	model.ActReassigned: "Clerk handed over", model.OrdSignatureChecked: "Signature checked",
}

var shipmentActions = map[string]string{
	model.ActCreated: "Shipment recorded", model.ShipActNotice: "Shipping notice printed",
	model.ShipActSent: "Shipping notice sent", model.ShipActLegible: "Shipping notice received legibly",
	model.ShipActArrived: "Arrived", model.ShipActReceipt: "Arrival receipt signed",
	model.ShipActScan: "Receipt scan attached", model.ShipActFollowUp: "Follow-up day set", model.ShipActVoid: "Shipment voided",
}

var ticketActions = map[string]string{
	model.TktCreated: "created", model.TktStatus: "status", model.TktExtension: "extension",
	model.TktAssigned: "Manager assigned", model.TktPriority: "priority", model.TktUpdated: "updated",
	model.TktMerged: "merged", model.TktRecurred: "recurred", model.TktQuote: "Quote", model.ActReassigned: "Handed over",
}

// rmaActions are a return's steps (model/rma.go), named as its states are.
var rmaActions = map[string]string{
	model.ActCreated: "Opened", "authorized": "Authorized", "received": "Goods received", "inspected": "Inspected",
	"decided": "Decided", "replacement": "Replacement shipped", "closed": "Closed", "cancelled": "Cancelled",
}

// recordActions are the master data's, the notes' and the settings'.
var recordActions = map[string]string{
	model.ActCreated: "Created", model.ActUpdated: "Changed", model.ActDeactivated: "Deactivated",
	model.ActReactivated: "Reactivated", model.ActImported: "Imported", model.ActDone: "Marked done",
	model.ActReopened: "Reopened", model.ActReassigned: "Handed over",
}
