package model

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Setting is one office-wide setting, shared by every desk on the database.
// (What belongs to one desk only — who sits there, the last filter — is kept
// in that desk's Preferences instead.)
type Setting struct {
	Key       string    `gorm:"primaryKey;size:60"`
	Value     string    `gorm:"type:text;not null"`
	UpdatedAt time.Time `gorm:"not null"`
	UpdatedBy string    `gorm:"size:80;not null"`
}

// Office holds the office-wide settings the rules and documents use.
type Office struct {
	CompanyNameZH  string
	CompanyNameEN  string
	CompanyAddress string
	CompanyPhone   string
	CompanyFax     string
	CompanyEmail   string
	// Remittance is the bank and account the customer pays into, printed
	// on the balance collection notice ("台灣銀行 中山分行 帳號 …").
	Remittance string
	// Logo is the office's logo (PNG or JPEG) printed in the letterhead. It
	// is not among the settings every rule reads: only PrintOffice fills it.
	Logo []byte `json:"-"`
	// CompanyTaxID is the company's tax ID (統一編號), printed on documents.
	CompanyTaxID string
	// TaxRatePct is the business tax rate (營業稅, 5 % in Taiwan) the
	// confirmation and the balance notice add to the untaxed amount.
	TaxRatePct int
	// PricesIncludeTax says the prices already include the business tax:
	// documents print "tax included" instead of adding it.
	PricesIncludeTax bool
	// TimeZone is the office's IANA time zone (Asia/Taipei): documents print
	// the calendar day there, whatever the desk's own clock says.
	TimeZone string
	// PriceTolerancePct is how far (in percent) a line's unit price may stray
	// from the price plan or the customer's last price before the salesperson
	// must confirm it by name (seed 002 step 5).
	PriceTolerancePct int
	// SlipWorkingDays makes the sign-back slip rule count working days
	// (Monday to Friday, not Holidays) instead of calendar days.
	SlipWorkingDays bool
	// Holidays are the days off the slip rule skips when counting working days.
	Holidays []Date
	// BilingualLabels prints document labels in both Chinese and English.
	BilingualLabels bool
	// PaperSize is "A4" or "Letter".
	PaperSize string
	// CSSupervisorID is the customer-service supervisor (客服主管): price doubts
	// and production exceptions are reported to them, and only they may
	// authorise shipping before the paperwork (seed 002 steps 5, 11, 14).
	CSSupervisorID uint
	// MarketingDirectorID is the marketing director (營銷總監), who is told of
	// price doubts and production exceptions too.
	MarketingDirectorID uint
	// SignOffGroups names, by its code, the group whose people sign each
	// department's gate (technical note → TECH...). Stored as settings so an
	// office whose departments have other codes can point the gates at them.
	SignOffGroups map[SignOff]string
	// TicketDefaults is, by ticket type code, who a new ticket goes to and
	// whether it needs a response (TicketDefault).
	TicketDefaults map[string]TicketDefault
	// LockMinutes locks every desk after that many idle minutes, asking for
	// the password again (0 never locks).
	LockMinutes int
	// Demo marks the demo office (orderdesk-demo.db): the window's title and
	// every printed page say DEMO, so its invented orders are never taken
	// for real ones.
	Demo bool
}

// DefaultOffice is what a new database starts with.
func DefaultOffice() Office {
	return Office{
		CompanyNameZH:     "萬國彩印股份有限公司",
		CompanyNameEN:     "Wan Kuo Colour Printing Co., Ltd.",
		PriceTolerancePct: 3,
		TaxRatePct:        5,
		// Prices include the tax until an office says otherwise: the
		// deposit and balance rules count the order's total as it is, so a
		// document that added tax would ask for more than the gates need.
		PricesIncludeTax: true,
		TimeZone:         DefaultTimeZone,
		PaperSize:        "A4",
		SignOffGroups:    maps.Clone(defaultSignOffGroups),
	}
}

// SignOffGroup returns the code of the group that signs a department's gate.
func (o Office) SignOffGroup(g SignOff) string {
	if code := o.SignOffGroups[g]; code != "" {
		return code
	}
	return defaultSignOffGroups[g]
}

// IsHoliday reports whether d is one of the office's holidays.
func (o Office) IsHoliday(d Date) bool {
	for _, h := range o.Holidays {
		if h == d {
			return true
		}
	}
	return false
}

// fields maps each setting's key to its text form.
func (o Office) fields() map[string]string {
	hol := make([]string, len(o.Holidays))
	for i, h := range o.Holidays {
		hol[i] = h.String()
	}
	out := map[string]string{
		"company.name_zh":           o.CompanyNameZH,
		"company.name_en":           o.CompanyNameEN,
		"company.address":           o.CompanyAddress,
		"company.phone":             o.CompanyPhone,
		"company.fax":               o.CompanyFax,
		"company.email":             o.CompanyEmail,
		"company.remittance":        o.Remittance,
		"company.tax_id":            o.CompanyTaxID,
		"tax.rate_pct":              strconv.Itoa(o.TaxRatePct),
		"tax.prices_include":        strconv.FormatBool(o.PricesIncludeTax),
		"office.time_zone":          o.TimeZone,
		"price.tolerance_pct":       strconv.Itoa(o.PriceTolerancePct),
		"slip.working_days":         strconv.FormatBool(o.SlipWorkingDays),
		"slip.holidays":             strings.Join(hol, ","),
		"docs.bilingual":            strconv.FormatBool(o.BilingualLabels),
		"docs.paper":                o.PaperSize,
		"people.cs_supervisor":      strconv.FormatUint(uint64(o.CSSupervisorID), 10),
		"people.marketing_director": strconv.FormatUint(uint64(o.MarketingDirectorID), 10),
		"desk.lock_minutes":         strconv.Itoa(o.LockMinutes),
		"office.demo":               strconv.FormatBool(o.Demo),
	}
	for _, g := range DepartmentSignOffs {
		out["gate."+string(g)] = o.SignOffGroup(g)
	}
	o.ticketDefaultFields(out)
	return out
}

func officeFrom(kv map[string]string) Office {
	o := DefaultOffice()
	str := func(key string, dst *string) {
		if v, ok := kv[key]; ok {
			*dst = v
		}
	}
	str("company.name_zh", &o.CompanyNameZH)
	str("company.name_en", &o.CompanyNameEN)
	str("company.address", &o.CompanyAddress)
	str("company.phone", &o.CompanyPhone)
	str("company.fax", &o.CompanyFax)
	str("company.email", &o.CompanyEmail)
	str("company.remittance", &o.Remittance)
	str("company.tax_id", &o.CompanyTaxID)
	str("docs.paper", &o.PaperSize)
	str("office.time_zone", &o.TimeZone)
	if v, err := strconv.Atoi(kv["tax.rate_pct"]); err == nil {
		o.TaxRatePct = v
	}
	if v, err := strconv.ParseBool(kv["tax.prices_include"]); err == nil {
		o.PricesIncludeTax = v
	}
	if v, err := strconv.Atoi(kv["price.tolerance_pct"]); err == nil {
		o.PriceTolerancePct = v
	}
	if v, err := strconv.ParseUint(kv["people.cs_supervisor"], 10, 32); err == nil {
		o.CSSupervisorID = uint(v)
	}
	if v, err := strconv.ParseUint(kv["people.marketing_director"], 10, 32); err == nil {
		o.MarketingDirectorID = uint(v)
	}
	for _, g := range DepartmentSignOffs {
		if v := strings.ToUpper(strings.TrimSpace(kv["gate."+string(g)])); v != "" {
			o.SignOffGroups[g] = v
		}
	}
	o.TicketDefaults = ticketDefaultsFrom(kv)
	if v, err := strconv.Atoi(kv["desk.lock_minutes"]); err == nil {
		o.LockMinutes = v
	}
	o.Demo, _ = strconv.ParseBool(kv["office.demo"])
	o.SlipWorkingDays, _ = strconv.ParseBool(kv["slip.working_days"])
	o.BilingualLabels, _ = strconv.ParseBool(kv["docs.bilingual"])
	for _, part := range strings.Split(kv["slip.holidays"], ",") {
		if d, err := ParseDate(part); err == nil && !d.IsZero() {
			o.Holidays = append(o.Holidays, d)
		}
	}
	return o
}

// Validate returns every problem with the settings.
func (o Office) Validate() FieldErrors {
	var fe FieldErrors
	if o.CompanyNameZH == "" && o.CompanyNameEN == "" {
		fe.Add("CompanyNameZH", "Enter the company's name; it heads every document.")
	}
	if o.PriceTolerancePct < 0 || o.PriceTolerancePct > 100 {
		fe.Add("PriceTolerancePct", "The price tolerance is a percentage from 0 to 100.")
	}
	if o.TaxRatePct < 0 || o.TaxRatePct > 100 {
		fe.Add("TaxRatePct", "The business tax rate is a percentage from 0 to 100.")
	}
	if _, err := LoadTimeZone(o.TimeZone); err != nil {
		fe = append(fe, FieldError{"TimeZone", M("{{.Zone}} is not a time zone; enter one such as Asia/Taipei.", "Zone", o.TimeZone)})
	}
	if o.LockMinutes < 0 || o.LockMinutes > 24*60 {
		fe.Add("LockMinutes", "Lock the desk after 0 (never) to 1440 idle minutes.")
	}
	if o.PaperSize != "A4" && o.PaperSize != "Letter" {
		fe.Add("PaperSize", "Choose A4 or Letter.")
	}
	for field, v := range map[string]string{"CompanyPhone": o.CompanyPhone, "CompanyFax": o.CompanyFax} {
		if m := checkPhone(v); !m.IsZero() {
			fe = append(fe, FieldError{field, m})
		}
	}
	return fe
}

// Office returns the office-wide settings, with defaults for any not yet set.
func (s *Store) Office(ctx context.Context) (Office, error) {
	return loadOffice(s.reader(ctx))
}

func loadOffice(db *gorm.DB) (Office, error) {
	var rows []Setting
	if err := db.Where("key <> ?", logoKey).Find(&rows).Error; err != nil { // the logo: PrintOffice
		return Office{}, fmt.Errorf("read settings: %w", err)
	}
	kv := make(map[string]string, len(rows))
	for _, r := range rows {
		kv[r.Key] = r.Value
	}
	return officeFrom(kv), nil
}

// SaveOffice stores changed office settings. Only a manager may change them,
// since they change the rules every desk follows.
func (s *Store) SaveOffice(ctx context.Context, by Actor, o Office) error {
	sort.Slice(o.Holidays, func(i, j int) bool { return o.Holidays[i].Before(o.Holidays[j]) })
	if fe := o.Validate(); len(fe) > 0 {
		return fe
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := requireManager(tx, by, M("Only a manager may change the office settings.")); err != nil {
			return err
		}
		if err := checkTicketDefaults(tx, o); err != nil {
			return err
		}
		if err := checkGateGroups(tx, o); err != nil {
			return err
		}
		return writeOffice(tx, by, s.now(), o)
	})
	if err == nil {
		s.loc.Store(o.Location()) // this desk dates in the new zone at once; others when they next open
	}
	return err
}

func writeOffice(tx *gorm.DB, by Actor, now time.Time, o Office) error {
	old, err := loadOffice(tx)
	if err != nil {
		return err
	}
	before, after := old.fields(), o.fields()
	keys := make([]string, 0, len(after))
	for k := range after {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var changes []Msg
	for _, k := range keys {
		if before[k] == after[k] {
			continue
		}
		row := Setting{Key: k, Value: after[k], UpdatedAt: now, UpdatedBy: by.Name}
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		changes = append(changes, M("{{.Field}}: {{.From}} → {{.To}}", "Field", settingWord(k),
			"From", settingValue(tx, k, before[k]), "To", settingValue(tx, k, after[k])))
	}
	if len(changes) == 0 {
		return nil
	}
	return logEvent(tx, eventWith(Event{Entity: "settings", At: now, By: by.Name, ByID: by.ID, Action: ActUpdated}, changes...))
}

// IsWorkingDay reports whether d is a working day: Monday to Friday and not a holiday.
func (o Office) IsWorkingDay(d Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !o.IsHoliday(d)
}
