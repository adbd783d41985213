package model

import (
	"strings"

	"gorm.io/gorm"
)

// Seed 001: "all projects must have a contract linked to them and no
// charges for projects may appear on customers managed service contracts."
// A Project ticket's contract may therefore not be its customer's
// managed-service contract (Customer.ManagedContractRef). The rule is
// checked here once, after any rule that sets the ticket's contract, makes
// it a Project, moves it to another customer or completes it
// (Store.applyTicket): SetExtension, Complete and Edit.

// SameContract reports whether two contract references name the same
// contract: spaces around them and letter case do not count, and an empty
// reference names none.
func SameContract(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a != "" && strings.EqualFold(a, b)
}

// ProjectContractProblem returns why a ticket of extension ext may not be
// charged to contract when its customer's managed-service contract is
// managed, or nil when it may.
func ProjectContractProblem(ext Extension, contract, managed, customer string) FieldErrors {
	if ext != ExtProject || !SameContract(contract, managed) {
		return nil
	}
	return FieldErrors{{"ContractRef", M("{{.Contract}} is the managed-service contract of {{.Customer}}: project work may not be charged to it. Enter the project's own contract.",
		"Contract", strings.TrimSpace(contract), "Customer", customer)}}
}

// projectContractKey is what the rule reads of a ticket, to tell whether a
// rule changed it.
type projectContractKey struct {
	ext      Extension
	contract string
	customer uint
	status   TicketStatus
}

func (t *Ticket) projectContractKey() projectContractKey {
	k := projectContractKey{ext: t.Ext, contract: t.ContractRef, status: t.Status}
	if t.CustomerID != nil {
		k.customer = *t.CustomerID
	}
	return k
}

// checkProjectContract refuses what a rule did to t when it left a
// Project ticket charged to its customer's managed-service contract. Only
// a rule that changed what the rule reads (or completed the ticket, which
// confirms its contract) is checked, so a ticket stored before the rule
// can still be put on hold or cancelled.
func checkProjectContract(tx *gorm.DB, before projectContractKey, t *Ticket) error {
	after := t.projectContractKey()
	completed := after.status == TicketCompleted && before.status != TicketCompleted
	after.status = before.status
	if after == before && !completed {
		return nil
	}
	if t.Ext != ExtProject || t.CustomerID == nil || strings.TrimSpace(t.ContractRef) == "" {
		return nil
	}
	var cu Customer
	if err := tx.Select("id, code, name_zh, name_en, managed_contract_ref").Take(&cu, *t.CustomerID).Error; err != nil {
		return err
	}
	if fe := ProjectContractProblem(t.Ext, t.ContractRef, cu.ManagedContractRef, cu.Display()); fe != nil {
		return fe
	}
	return nil
}
