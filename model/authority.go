package model

import (
	"context"
	"slices"

	"gorm.io/gorm"
)

// SignOff is a gate the procedure reserves for one department or one
// person (DESIGN.md, "Who signs what"). The person at the desk records it;
// the signer named on it must be entitled to sign.
type SignOff string

// The sign-offs of seed 002 whose signer is checked.
const (
	SignOffTechnical       SignOff = "technical"        // technical note (feasibility, material), step 6
	SignOffProductionDate  SignOff = "production_date"  // production-date note, step 7
	SignOffProductionOrder SignOff = "production_order" // production order, step 10
	SignOffQC              SignOff = "qc"               // QC inspection and stock-in, step 12
	SignOffFinance         SignOff = "finance"          // finance clearance, step 13
	SignOffEmergency       SignOff = "emergency"        // shipping before the paperwork, step 14.2
	SignOffPrice           SignOff = "price"            // an off-price line confirmed, step 5
	SignOffReturns         SignOff = "returns"          // a return's steps (RMA), seed 004's Repair & Returns team
)

// DepartmentSignOffs are the gates a department group signs; the office
// settings say which group (by its code) that is.
var DepartmentSignOffs = []SignOff{SignOffTechnical, SignOffProductionDate, SignOffProductionOrder, SignOffQC, SignOffFinance, SignOffReturns}

// defaultSignOffGroups are the group codes of seed 004's departments, which a
// new office starts with; a manager may point a gate at another group.
var defaultSignOffGroups = map[SignOff]string{
	SignOffTechnical:       "TECH",
	SignOffProductionDate:  "PROD",
	SignOffProductionOrder: "PROD",
	SignOffQC:              "QC",
	SignOffFinance:         "FIN",
	SignOffReturns:         "RR",
}

// Name returns what the gate's sign-off is called, as a word of a sentence.
func (g SignOff) Name() Msg {
	switch g {
	case SignOffTechnical:
		return M("the technical note")
	case SignOffProductionDate:
		return M("the production date note")
	case SignOffProductionOrder:
		return M("the production order")
	case SignOffQC:
		return M("the QC inspection and stock-in")
	case SignOffFinance:
		return M("the finance clearance")
	case SignOffEmergency:
		return M("shipping before the paperwork")
	case SignOffPrice:
		return M("an off-price line")
	case SignOffReturns:
		return M("the return's steps")
	}
	return M(string(g))
}

// Staff is who belongs where: each active employee's group codes (active
// groups only). The store fills it for every rule it runs, so a rule can
// tell whether a signer belongs to a gate's department without a query.
type Staff map[uint][]string

// In reports whether the active employee id belongs to the group code.
func (s Staff) In(id uint, code string) bool {
	return slices.Contains(s[id], code)
}

// loadStaff reads every active employee's active groups, in one query
// (every rule the store runs reads it).
func loadStaff(db *gorm.DB) (Staff, error) {
	var rows []struct {
		EmployeeID uint
		Code       *string // none: in no active group
	}
	err := db.Table("employees e").Select("e.id AS employee_id, g.code").
		Joins("LEFT JOIN group_members gm ON gm.employee_id = e.id").
		Joins("LEFT JOIN groups g ON g.id = gm.group_id AND g.active = ?", true).
		Where("e.active = ?", true).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	st := make(Staff, len(rows))
	for _, r := range rows {
		codes, ok := st[r.EmployeeID]
		if !ok {
			codes = []string{}
		}
		if r.Code != nil {
			codes = append(codes, *r.Code)
		}
		st[r.EmployeeID] = codes
	}
	return st, nil
}

// MaySign returns nil when signer may sign gate on order o, or the refusal
// that says why not. It is the one rule behind every gate's sign-off and
// behind the signer pickers (EligibleSigners), so no interface can differ.
func (c Ctx) MaySign(gate SignOff, o *Order, signer Signer) error {
	if signer.EmployeeID == 0 {
		return Refuse("{{.Gate}} is signed by a person of the office: choose them from the list of employees.", "Gate", gate.Name())
	}
	if _, active := c.Staff[signer.EmployeeID]; !active {
		return Refuse("{{.Name}} is not an active employee and cannot sign {{.Gate}}.", "Name", signer.Name, "Gate", gate.Name())
	}
	switch gate {
	case SignOffEmergency:
		switch {
		case c.Office.CSSupervisorID == 0:
			return Refuse("No CS supervisor is named in the office settings: a manager must name one first.")
		case signer.EmployeeID != c.Office.CSSupervisorID:
			return Refuse("Only the CS supervisor may authorise shipping before the paperwork; {{.Name}} is not the CS supervisor.", "Name", signer.Name)
		}
		return nil
	case SignOffPrice:
		if o == nil || !o.mayConfirmPrice(signer, c.Office) {
			return Refuse("The order's salesperson confirms a price, or the CS supervisor or marketing director once the doubt was reported to them.")
		}
		return nil
	}
	code := c.Office.SignOffGroup(gate)
	if !c.Staff.In(signer.EmployeeID, code) {
		return Refuse("{{.Name}} is not in group {{.Group}}: {{.Gate}} is signed by that department.",
			"Name", signer.Name, "Group", code, "Gate", gate.Name())
	}
	return nil
}

// EligibleSigners returns the people who may sign gate on order o (o may be
// nil for a department's gate), by name: the signer pickers offer only these.
func (s *Store) EligibleSigners(ctx context.Context, gate SignOff, o *Order) ([]Employee, error) {
	c, err := s.RuleCtx(ctx, System)
	if err != nil {
		return nil, err
	}
	people, err := s.Employees(ctx, false)
	if err != nil {
		return nil, err
	}
	return c.Eligible(gate, o, people), nil
}

// Eligible returns those of people who may sign gate on o, in their order.
func (c Ctx) Eligible(gate SignOff, o *Order, people []Employee) []Employee {
	var out []Employee
	for i := range people {
		if c.MaySign(gate, o, SignerOf(&people[i])) == nil {
			out = append(out, people[i])
		}
	}
	return out
}

// PresetSigner returns whom a signer picker for gate on o shows chosen: the
// person at the desk (c.By) when they may sign it themselves, else nobody
// (0). Never someone else, not even the only eligible person or the order's
// salesperson: naming another person as the signer is the clerk's
// deliberate choice, and every picker follows this one rule.
func (c Ctx) PresetSigner(gate SignOff, o *Order) uint {
	if c.By.ID == 0 || c.MaySign(gate, o, Signer{Name: c.By.Name, EmployeeID: c.By.ID}) != nil {
		return 0
	}
	return c.By.ID
}

// requireOtherGrants refuses a person giving themselves a role, a group or
// the manager flag: someone else must. The only active manager of an
// office is the exception, since nobody else could (the first start).
func requireOtherGrants(tx *gorm.DB, by Actor, employeeID uint) error {
	if by.ID == 0 || by.ID != employeeID {
		return nil
	}
	var others int64
	if err := tx.Model(&Employee{}).Where("manager = ? AND active = ? AND id <> ?", true, true, by.ID).Count(&others).Error; err != nil {
		return err
	}
	if others > 0 {
		return Refuse("Nobody grants themselves a role or a group: another manager must make this change.")
	}
	return nil
}
