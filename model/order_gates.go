package model

import "time"

// Signature is a named person's signature on a gate, and when it was given.
// The seed is explicit that a verbal confirmation is invalid: every gate is
// signed by name, and recorded by the clerk who entered it.
type Signature struct {
	// By is the signer's name as written; ByID is set when the signer is an employee.
	By   string `gorm:"size:80;not null;default:''"`
	ByID *uint
	At   *time.Time
}

// Signed reports whether the signature was given.
func (s Signature) Signed() bool { return s.At != nil && s.By != "" }

// TechnicalCheck is the technical department's written confirmation
// (seed 002 step 6): can it be produced as ordered, has the process formula
// changed, is raw material in stock. A verbal answer is invalid: the note
// is written and signed.
type TechnicalCheck struct {
	CanProduce     bool `gorm:"not null;default:false"`
	FormulaChanged bool `gorm:"not null;default:false"`
	// OldFormulaInsisted: the formula changed but the customer insists on the
	// old one, confirmed in writing (OldFormulaConfirmation names that document).
	OldFormulaInsisted     bool   `gorm:"not null;default:false"`
	OldFormulaConfirmation string `gorm:"size:120;not null;default:''"`
	MaterialInStock        bool   `gorm:"not null;default:false"`
	// Note is the written material note (原材料儲備情況書寫說明).
	Note       string    `gorm:"type:text;not null;default:''"`
	Signed     Signature `gorm:"embedded;embeddedPrefix:signed_"`
	RecordedBy string    `gorm:"size:80;not null;default:''"`
}

// Done reports whether the technical check has been signed.
func (t TechnicalCheck) Done() bool { return t.Signed.Signed() }

// ProductionDateNote is production's written confirmation of the dates and
// quantity (seed 002 step 7). The finished date is when the goods are done
// after rewinding — not the ship date.
type ProductionDateNote struct {
	ProductionDate Date      `gorm:"size:10"`
	FinishedDate   Date      `gorm:"size:10"`
	Qty            Qty       `gorm:"not null;default:0"`
	Note           string    `gorm:"type:text;not null;default:''"`
	Signed         Signature `gorm:"embedded;embeddedPrefix:signed_"`
	RecordedBy     string    `gorm:"size:80;not null;default:''"`
}

// Done reports whether production has signed the dates.
func (p ProductionDateNote) Done() bool { return p.Signed.Signed() }

// LoosenedDate records a promised date loosened for the customer's payment
// method or urgency, which the salesperson must agree to (step 8.1).
type LoosenedDate struct {
	To         Date      `gorm:"size:10"`
	Reason     string    `gorm:"size:200;not null;default:''"`
	AgreedBy   Signature `gorm:"embedded;embeddedPrefix:agreed_"`
	RecordedBy string    `gorm:"size:80;not null;default:''"`
}

// ProductionRelease is the production order (生產指令單, step 10): the clerk
// signs it, production's responsible person signs it, a copy goes to the
// technical department.
type ProductionRelease struct {
	ClerkSigned      Signature  `gorm:"embedded;embeddedPrefix:clerk_"`
	ProductionSigned Signature  `gorm:"embedded;embeddedPrefix:prod_"`
	CopyToTechAt     *time.Time // when the copy went to the technical department
	// BeforeSignBack marks a tier A order released before its signed confirmation was back.
	BeforeSignBack bool `gorm:"not null;default:false"`
}

// Released reports whether production has been released.
func (r ProductionRelease) Released() bool { return r.ClerkSigned.Signed() }

// QCInspection is the inspection of finished goods with QC against the
// release standard (產品出廠標準, step 12.1), and the stock-in.
type QCInspection struct {
	QuantityOK  bool      `gorm:"not null;default:false"`
	PackagingOK bool      `gorm:"not null;default:false"`
	LabelsOK    bool      `gorm:"not null;default:false"`
	Passed      bool      `gorm:"not null;default:false"`
	Note        string    `gorm:"type:text;not null;default:''"`
	Inspector   Signature `gorm:"embedded;embeddedPrefix:inspector_"`
	StockedInAt *time.Time
	// Failures counts failed inspections, each of which is on the order's history.
	Failures   int    `gorm:"not null;default:0"`
	RecordedBy string `gorm:"size:80;not null;default:''"`
}

// BalanceNotice is the balance collection notice (餘款催收通知書) for tier B
// and C customers, for the value of the produced quantity (step 13.2).
type BalanceNotice struct {
	Amount   Money     `gorm:"not null;default:0"`
	IssuedBy Signature `gorm:"embedded;embeddedPrefix:issued_"`
}

// FinanceClearance is finance's signature that payment is in order for the
// delivery and payment terms of the contract (step 13).
type FinanceClearance struct {
	TermsChecked Signature `gorm:"embedded;embeddedPrefix:terms_"`
	Signed       Signature `gorm:"embedded;embeddedPrefix:signed_"`
	Note         string    `gorm:"type:text;not null;default:''"`
}

// Cleared reports whether finance has signed.
func (f FinanceClearance) Cleared() bool { return f.Signed.Signed() }

// EmergencyShipping records the CS supervisor's authority to ship before the
// shipment request is written (step 14.2). The missing paperwork stays
// overdue until the request is issued.
type EmergencyShipping struct {
	Authorised Signature `gorm:"embedded;embeddedPrefix:auth_"`
	Reason     string    `gorm:"type:text;not null;default:''"`
}

// Active reports whether shipping before the paperwork was authorised.
func (e EmergencyShipping) Active() bool { return e.Authorised.Signed() }

// ShippingAndArrival records the shipment leaving and the signed arrival
// receipt coming back (steps 16–18).
type ShippingAndArrival struct {
	ShippedOn       Date   `gorm:"size:10"`
	ShippedBy       string `gorm:"size:80;not null;default:''"`
	ExpectedArrival Date   `gorm:"size:10"`
	ArrivedOn       Date   `gorm:"size:10"`
	// ReceiptSignedBy is the customer's person who signed the arrival receipt (到貨回單).
	ReceiptSignedBy string `gorm:"size:80;not null;default:''"`
	RecordedBy      string `gorm:"size:80;not null;default:''"`
}
