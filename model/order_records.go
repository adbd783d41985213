package model

import "time"

// ConfirmationRevision is one issue of the order confirmation
// (銷售部客戶訂單確認書). A revision is printed, faxed, confirmed received
// legibly, and comes back signed or stamped; a return with problems is
// confirmed again as a new revision, which restarts the slip clock.
type ConfirmationRevision struct {
	Row
	OrderID uint `gorm:"not null;uniqueIndex:idx_rev,priority:1"`
	Rev     int  `gorm:"not null;uniqueIndex:idx_rev,priority:2"`
	// Issued is the clerk who printed and checked it.
	Issued Signature `gorm:"embedded;embeddedPrefix:issued_"`
	// PromisedDate is the finished-goods date this revision states.
	PromisedDate Date  `gorm:"size:10"`
	Total        Money `gorm:"not null"`
	FaxedAt      *time.Time
	FaxedBy      string `gorm:"size:80;not null;default:''"`
	// Legible is the phone call confirming the customer received the fax legibly.
	Legible Signature `gorm:"embedded;embeddedPrefix:legible_"`
	// SignedBack is the customer's signature or stamp on the returned copy:
	// By is the signer's name, At when it came back.
	SignedBack      Signature `gorm:"embedded;embeddedPrefix:signed_"`
	SignerContactID *uint
	Stamped         bool   `gorm:"not null;default:false"`
	ReceivedBy      string `gorm:"size:80;not null;default:''"`
	// Problems found on the returned copy (errors, an unclear signature or
	// stamp, unclear special requirements); a revision with problems is replaced.
	Problems   string `gorm:"type:text;not null;default:''"`
	Superseded bool   `gorm:"not null;default:false"`
	// ReplacedBecause is why a new revision replaces this one, as the
	// clerk gave it; the next revision prints it beside "Rev 2 replaces Rev 1".
	ReplacedBecause string `gorm:"type:text;not null;default:''"`
	// Document is the file the revision was printed to, kept under the user's documents.
	Document string `gorm:"size:400;not null;default:''"`
}

func (r *ConfirmationRevision) label() string  { return "confirmation revision" }
func (r *ConfirmationRevision) entity() string { return "revision" }

// Faxed reports whether the revision went out.
func (r *ConfirmationRevision) Faxed() bool { return r.FaxedAt != nil }

// SignedOK reports whether the revision came back signed without problems.
func (r *ConfirmationRevision) SignedOK() bool { return r.SignedBack.Signed() && r.Problems == "" }

// Payment kinds.
const (
	PaymentDeposit = "deposit" // before production (tier B/C customers that owe one)
	PaymentBalance = "balance" // before shipping
)

// paymentWord is a payment kind as a word of history.
func paymentWord(kind string) Msg {
	if kind == PaymentDeposit {
		return M("deposit")
	}
	return M("balance")
}

// Payment is money received for an order, as finance reports it.
type Payment struct {
	Row
	OrderID    uint   `gorm:"not null;index"`
	Kind       string `gorm:"size:10;not null"`
	Amount     Money  `gorm:"not null"`
	ReceivedOn Date   `gorm:"size:10;not null"`
	Reference  string `gorm:"size:80;not null;default:''"`
}

func (p *Payment) label() string  { return "payment" }
func (p *Payment) entity() string { return "payment" }

// ProgressEntry is a line of the daily production report (生產日報表) about the order.
type ProgressEntry struct {
	Row
	OrderID uint   `gorm:"not null;index"`
	Day     Date   `gorm:"size:10;not null"`
	Made    Qty    `gorm:"not null"` // quantity made that day
	Note    string `gorm:"type:text;not null;default:''"`
	// Finished marks production's report that the order is complete.
	Finished bool `gorm:"not null;default:false"`
}

func (p *ProgressEntry) label() string  { return "progress entry" }
func (p *ProgressEntry) entity() string { return "progress" }

// ProductionException is a production or technical problem production
// reported (step 11.1): customer service tells sales, escalates to the CS
// supervisor and the marketing director, and they agree a response with
// the customer.
type ProductionException struct {
	Row
	OrderID     uint      `gorm:"not null;index"`
	Reported    Signature `gorm:"embedded;embeddedPrefix:reported_"`
	Description string    `gorm:"type:text;not null"`
	SalesToldAt *time.Time
	EscalatedTo string `gorm:"size:200;not null;default:''"`
	EscalatedAt *time.Time
	Response    string    `gorm:"type:text;not null;default:''"`
	Agreed      Signature `gorm:"embedded;embeddedPrefix:agreed_"`
}

func (e *ProductionException) label() string  { return "production exception" }
func (e *ProductionException) entity() string { return "exception" }

// Open reports whether no response has been agreed yet.
func (e *ProductionException) Open() bool { return !e.Agreed.Signed() }

// ShipmentRequest is the shipment request (商品銷售發貨(申請)通知單): nothing
// ships without one. The clerk re-checks the address, receiver and contact
// before telling shipping.
type ShipmentRequest struct {
	Row
	No         string    `gorm:"size:16;not null;uniqueIndex"`
	OrderID    uint      `gorm:"not null;index"`
	Issued     Signature `gorm:"embedded;embeddedPrefix:issued_"`
	ShipTo     string    `gorm:"size:300;not null"`
	Receiver   string    `gorm:"size:80;not null"`
	Phone      string    `gorm:"size:40;not null"`
	Checked    Signature `gorm:"embedded;embeddedPrefix:checked_"`
	AfterEmerg bool      `gorm:"not null;default:false"` // written after an emergency shipment
	Note       string    `gorm:"type:text;not null;default:''"`
}

func (r *ShipmentRequest) label() string  { return "shipment request " + r.No }
func (r *ShipmentRequest) entity() string { return "shipment_request" }
