package model

import (
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// TicketDefault is who a new ticket of a type goes to, and whether it needs
// a response at all: an office setting a manager edits (seed 000's "who and
// when to assign"), not code.
type TicketDefault struct {
	// Group is the code of the work group a new ticket goes to.
	Group string
	// ManagerID is the person who manages a new ticket of the type (the
	// quoting person for requests for quote); 0 leaves it in the New queue.
	ManagerID uint
	// NoResponse records what was sent: assigned to customer service and
	// completed on creation ("assign to CS then tag as resolved").
	NoResponse bool
}

// TicketDefault returns the office's default for a ticket type: what the
// settings say, or seed 000's defaults where they say nothing.
func (o Office) TicketDefault(code string) TicketDefault {
	if d, ok := o.TicketDefaults[code]; ok {
		return d
	}
	typ, _ := TicketTypeOf(code)
	return TicketDefault{Group: typ.DefaultGroup, NoResponse: typ.NoResponse}
}

func ticketSettingKey(code, what string) string { return "ticket." + code + "." + what }

// ticketDefaultFields adds each type's default to the settings' text form.
func (o Office) ticketDefaultFields(out map[string]string) {
	for _, typ := range TicketTypes {
		d := o.TicketDefault(typ.Code)
		out[ticketSettingKey(typ.Code, "group")] = d.Group
		out[ticketSettingKey(typ.Code, "manager")] = strconv.FormatUint(uint64(d.ManagerID), 10)
		out[ticketSettingKey(typ.Code, "no_response")] = strconv.FormatBool(d.NoResponse)
	}
}

// ticketDefaultsFrom reads the types' defaults back from the settings.
func ticketDefaultsFrom(kv map[string]string) map[string]TicketDefault {
	out := map[string]TicketDefault{}
	for _, typ := range TicketTypes {
		d := TicketDefault{Group: typ.DefaultGroup, NoResponse: typ.NoResponse}
		if v, ok := kv[ticketSettingKey(typ.Code, "group")]; ok {
			d.Group = strings.ToUpper(strings.TrimSpace(v))
		}
		if v, err := strconv.ParseUint(kv[ticketSettingKey(typ.Code, "manager")], 10, 32); err == nil {
			d.ManagerID = uint(v)
		}
		if v, err := strconv.ParseBool(kv[ticketSettingKey(typ.Code, "no_response")]); err == nil {
			d.NoResponse = v
		}
		out[typ.Code] = d
	}
	return out
}

// checkTicketDefaults refuses a default manager who has left or a group
// the office does not have: a new ticket would go nowhere.
func checkTicketDefaults(tx *gorm.DB, o Office) error {
	var fe FieldErrors
	for _, typ := range TicketTypes {
		d := o.TicketDefault(typ.Code)
		if d.ManagerID != 0 {
			if err := requireActiveEmployee(tx, d.ManagerID, "TicketDefaults."+typ.Code); err != nil {
				return err
			}
		}
		if d.Group != "" && groupByCode(tx, d.Group) == 0 && d.Group != typ.DefaultGroup {
			fe = append(fe, FieldError{"TicketDefaults." + typ.Code, M("There is no active group {{.Code}}.", "Code", d.Group)})
		}
	}
	return fe.Err()
}

// settingWord names a setting in a line of history: a ticket type's default
// reads "Quote – Request for quote: default manager", its parts translated.
func settingWord(key string) Msg {
	parts := strings.Split(key, ".")
	if len(parts) == 3 && parts[0] == "ticket" {
		if typ, ok := TicketTypeOf(parts[1]); ok {
			what := map[string]string{"group": "default group", "manager": "default manager", "no_response": "no response needed"}[parts[2]]
			return M("{{.Type}}: {{.What}}", "Type", typ.word(), "What", M(what))
		}
	}
	return M(key)
}

// settingValue is a setting's value as a line of history shows it: a
// default manager by name rather than by number.
func settingValue(tx *gorm.DB, key, v string) any {
	if strings.HasPrefix(key, "ticket.") && strings.HasSuffix(key, ".manager") {
		if v == "0" || v == "" {
			return M("nobody")
		}
		var e Employee
		if tx.Select("id, name").Take(&e, v).Error == nil {
			return e.Name
		}
	}
	return quoteShort(v)
}

// SetTicketDefault changes a type's default on this copy of the settings
// (the map is copied, so an Office read elsewhere is not changed with it).
func (o *Office) SetTicketDefault(code string, d TicketDefault) {
	m := make(map[string]TicketDefault, len(TicketTypes))
	for _, typ := range TicketTypes {
		m[typ.Code] = o.TicketDefault(typ.Code)
	}
	d.Group = strings.ToUpper(strings.TrimSpace(d.Group))
	m[code] = d
	o.TicketDefaults = m
}
