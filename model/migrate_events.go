package model

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// migrateEventLines (after step 10's SQL added the events' Lines column)
// reads the English sentences earlier versions wrote into Changes (and the
// few they wrote into Note) back into Msgs, so an old history is shown in the reader's language
// too. A line no pattern reads stays where it was, shown as written: nothing
// is lost. The patterns are the formats of the writers before this step;
// they are frozen with it.
func migrateEventLines(tx *gorm.DB, _ *time.Location) error {
	type row struct {
		ID                   uint
		Entity, Action       string
		Lines, Changes, Note string
	}
	const batch = 2000
	var last uint
	for {
		var rows []row
		err := tx.Table("events").Select("id, entity, action, lines, changes, note").
			Where("id > ? AND (changes <> '' OR note <> '')", last).Order("id").Limit(batch).Find(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		last = rows[len(rows)-1].ID
		for _, r := range rows {
			e := Event{Entity: r.Entity, Action: r.Action, Lines: r.Lines}
			changes, note := readOldEvent(&e, r.Changes, r.Note)
			if e.Lines == r.Lines {
				continue
			}
			if err := tx.Table("events").Where("id = ?", r.ID).
				Updates(map[string]any{"lines": e.Lines, "changes": changes, "note": note}).Error; err != nil {
				return err
			}
		}
	}
}

// readOldEvent moves what it can read of an old event's Changes and Note
// into e's lines and returns what is left of each, to be shown as written.
func readOldEvent(e *Event, changes, note string) (string, string) {
	var keepChanges, keepNote []string
	for _, l := range strings.Split(changes, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if ms := readOldLine(l); ms != nil {
			e.say(ms...)
		} else {
			keepChanges = append(keepChanges, l)
		}
	}
	for _, l := range strings.Split(note, "\n") {
		if m, ok := readOldNote(e, l); ok {
			e.say(m)
		} else {
			keepNote = append(keepNote, l)
		}
	}
	return strings.Join(keepChanges, "\n"), strings.TrimSpace(strings.Join(keepNote, "\n"))
}

// oldLine is one format an earlier writer put in Changes.
type oldLine struct {
	re   *regexp.Regexp
	read func(m []string) []Msg
}

func one(m Msg) []Msg { return []Msg{m} }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// oldFlag reads a flag the old writers printed with %t (or quoted, in a diff).
func oldFlag(s string) any {
	switch strings.Trim(s, `"`) {
	case "true":
		return yesNo(true)
	case "false":
		return yesNo(false)
	}
	return s
}

const flag = `(true|false)`

// oldLines are tried in order; the first that matches the whole line reads it.
var oldLines = []oldLine{
	{regexp.MustCompile(`^line (\d+): (\S+) confirmed by (.*) \(plan ([+-]\d+)%, last ([+-]\d+)%\)$`), func(m []string) []Msg {
		return one(M("line {{.Line}}: {{.Price}} confirmed by {{.By}} (plan {{.Plan}}%, last {{.Last}}%)",
			"Line", atoi(m[1]), "Price", m[2], "By", m[3], "Plan", m[4], "Last", m[5]))
	}},
	{regexp.MustCompile(`^line (\d+) reported to the CS supervisor and the marketing director$`), func(m []string) []Msg {
		return one(M("line {{.Line}} reported to the CS supervisor and the marketing director", "Line", atoi(m[1])))
	}},
	{regexp.MustCompile(`^can produce: ` + flag + `, formula changed: ` + flag + `, old formula insisted: ` + flag + `, material in stock: ` + flag + `, signed by (.*)$`), func(m []string) []Msg {
		return one(M("can produce: {{.CanProduce}}, formula changed: {{.FormulaChanged}}, old formula insisted: {{.OldFormulaInsisted}}, material in stock: {{.MaterialInStock}}, signed by {{.By}}",
			"CanProduce", oldFlag(m[1]), "FormulaChanged", oldFlag(m[2]), "OldFormulaInsisted", oldFlag(m[3]), "MaterialInStock", oldFlag(m[4]), "By", m[5]))
	}},
	{regexp.MustCompile(`^production (\S*), finished (\S*), quantity (\S+), signed by (.*); ConfirmedDate: "(.*)" → "(.*)"$`), func(m []string) []Msg {
		return one(M("production {{.Production}}, finished {{.Finished}}, quantity {{.Qty}}, signed by {{.By}}; confirmed date {{.From}} → {{.To}}",
			"Production", m[1], "Finished", m[2], "Qty", m[3], "By", m[4], "From", m[5], "To", m[6]))
	}},
	{regexp.MustCompile(`^ConfirmedDate: "(.*)" → "(.*)", agreed by (.*)$`), func(m []string) []Msg {
		return one(M("confirmed date {{.From}} → {{.To}}, agreed by {{.By}}", "From", m[1], "To", m[2], "By", m[3]))
	}},
	{regexp.MustCompile(`^revision (\d+) issued: total (.+), promised (\S*), deposit due (.+)$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} issued: total {{.Total}}, promised {{.Promised}}, deposit due {{.Deposit}}",
			"Rev", atoi(m[1]), "Total", m[2], "Promised", m[3], "Deposit", m[4]))
	}},
	{regexp.MustCompile(`^revision (\d+) issued, replaces revision (\d+): total (.+), promised (\S*), deposit due (.+)$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} issued, replaces revision {{.Old}}: total {{.Total}}, promised {{.Promised}}, deposit due {{.Deposit}}",
			"Rev", atoi(m[1]), "Old", atoi(m[2]), "Total", m[3], "Promised", m[4], "Deposit", m[5]))
	}},
	{regexp.MustCompile(`^revision (\d+) faxed$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} faxed", "Rev", atoi(m[1])))
	}},
	{regexp.MustCompile(`^revision (\d+) received legibly, confirmed by (.*)$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} received legibly, confirmed by {{.By}}", "Rev", atoi(m[1]), "By", m[2]))
	}},
	{regexp.MustCompile(`^revision (\d+) came back with problems; a new revision is needed$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} came back with problems; a new revision is needed", "Rev", atoi(m[1])))
	}},
	{regexp.MustCompile(`^revision (\d+) signed by (.*), stamped, (\d+) days late$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} signed by {{.By}}, stamped, {{.Days}} days late", "Rev", atoi(m[1]), "By", m[2], "Days", atoi(m[3])))
	}},
	{regexp.MustCompile(`^revision (\d+) signed by (.*), (\d+) days late$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} signed by {{.By}}, {{.Days}} days late", "Rev", atoi(m[1]), "By", m[2], "Days", atoi(m[3])))
	}},
	{regexp.MustCompile(`^revision (\d+) was printed but not faxed; the order changed$`), func(m []string) []Msg {
		return one(M("revision {{.Rev}} was printed but not faxed; the order changed", "Rev", atoi(m[1])))
	}},
	{regexp.MustCompile(`^(deposit|balance) (.+) received on (\S+)$`), func(m []string) []Msg {
		return one(M("{{.Kind}} {{.Amount}} received on {{.On}}", "Kind", paymentWord(m[1]), "Amount", m[2], "On", m[3]))
	}},
	{regexp.MustCompile(`^(\d{4}-\d\d-\d\d): (\S+) made, finished: ` + flag + `$`), func(m []string) []Msg {
		return one(M("{{.Day}}: {{.Made}} made, finished: {{.Finished}}", "Day", m[1], "Made", m[2], "Finished", oldFlag(m[3])))
	}},
	{regexp.MustCompile(`^exception (\d+) reported by (.*)$`), func(m []string) []Msg {
		return one(M("exception {{.N}} reported by {{.By}}", "N", atoi(m[1]), "By", m[2]))
	}},
	{regexp.MustCompile(`^exception (\d+): sales told, escalated to (.*)$`), func(m []string) []Msg {
		return one(M("exception {{.N}}: sales told, escalated to {{.To}}", "N", atoi(m[1]), "To", m[2]))
	}},
	{regexp.MustCompile(`^exception (\d+): response agreed by (.*)$`), func(m []string) []Msg {
		return one(M("exception {{.N}}: response agreed by {{.By}}", "N", atoi(m[1]), "By", m[2]))
	}},
	{regexp.MustCompile(`^quantity OK: ` + flag + `, packaging OK: ` + flag + `, labels OK: ` + flag + `, inspector (.*); stocked in$`), func(m []string) []Msg {
		return one(M("quantity OK: {{.Qty}}, packaging OK: {{.Packaging}}, labels OK: {{.Labels}}, inspector {{.By}}; stocked in",
			"Qty", oldFlag(m[1]), "Packaging", oldFlag(m[2]), "Labels", oldFlag(m[3]), "By", m[4]))
	}},
	{regexp.MustCompile(`^quantity OK: ` + flag + `, packaging OK: ` + flag + `, labels OK: ` + flag + `, inspector (.*)$`), func(m []string) []Msg {
		return one(M("quantity OK: {{.Qty}}, packaging OK: {{.Packaging}}, labels OK: {{.Labels}}, inspector {{.By}}",
			"Qty", oldFlag(m[1]), "Packaging", oldFlag(m[2]), "Labels", oldFlag(m[3]), "By", m[4]))
	}},
	{regexp.MustCompile(`^balance (.+) for the produced value (.+)$`), func(m []string) []Msg {
		return one(M("balance {{.Balance}} for the produced value {{.Value}}", "Balance", m[1], "Value", m[2]))
	}},
	{regexp.MustCompile(`^cleared by (.*); paid (.+) of (.+)$`), func(m []string) []Msg {
		return one(M("cleared by {{.By}}; paid {{.Paid}} of {{.Value}}", "By", m[1], "Paid", m[2], "Value", m[3]))
	}},
	{regexp.MustCompile(`^shipping before the shipment request authorised by (.*)$`), func(m []string) []Msg {
		return one(M("shipping before the shipment request authorised by {{.By}}", "By", m[1]))
	}},
	{regexp.MustCompile(`^shipment request (\S+) issued$`), func(m []string) []Msg {
		return one(M("shipment request {{.No}} issued", "No", m[1]))
	}},
	{regexp.MustCompile(`^(Phone|Fax|Sales rep|Visit|E-mail) by (.*), (\d+) lines, total (.+)$`), func(m []string) []Msg {
		return one(orderTaken(M(m[1]), m[2], atoi(m[3]), m[4]))
	}},
	{regexp.MustCompile(`^line (\d+) added: product (\d+), (\S+) (.*) at (\S+)$`), func(m []string) []Msg {
		return one(M("line {{.Line}} added: product {{.Product}}, {{.Qty}} {{.Unit}} at {{.Price}}",
			"Line", atoi(m[1]), "Product", atoi(m[2]), "Qty", m[3], "Unit", m[4], "Price", m[5]))
	}},
	{regexp.MustCompile(`^a line was removed$`), func([]string) []Msg { return one(M("a line was removed")) }},
	// A line's changes: "line 2: Qty: "1.000" → "2.000"; Spec: "" → "A4"".
	{regexp.MustCompile(`^line (\d+): (.+)$`), func(m []string) []Msg {
		var out []Msg
		for _, part := range strings.Split(m[2], "; ") {
			f := oldFieldChange.FindStringSubmatch(part)
			if f == nil {
				return nil
			}
			out = append(out, M("line {{.Line}}: {{.Change}}", "Line", atoi(m[1]), "Change", readFieldChange(f)))
		}
		return out
	}},
	// The order's record of a new shipment: "shipment S-1: line 1: 5.000, line 2: 3.000; TCat 1234, expected 2026-03-02".
	{regexp.MustCompile(`^shipment (\S+): ((?:line \d+: \S+)(?:, line \d+: \S+)*); (.*) (\S*), expected (\S*)$`), func(m []string) []Msg {
		lines := strings.ReplaceAll(strings.TrimPrefix(m[2], "line "), ", line ", ", ")
		return one(M("shipment {{.No}}: lines {{.Lines}}; {{.Carrier}} {{.Tracking}}, expected {{.Expected}}",
			"No", m[1], "Lines", lines, "Carrier", m[3], "Tracking", m[4], "Expected", m[5]))
	}},
	{regexp.MustCompile(`^shipment (\S+): arrival receipt signed by (.*)$`), func(m []string) []Msg {
		return one(M("shipment {{.No}}: arrival receipt signed by {{.By}}", "No", m[1], "By", m[2]))
	}},
	{regexp.MustCompile(`^shipment (\S+): (shipping notice .*)$`), func(m []string) []Msg {
		step, ok := readNoticeStep(m[2])
		if !ok {
			return nil
		}
		return one(M("shipment {{.No}}: {{.Step}}", "No", m[1], "Step", step))
	}},
	{regexp.MustCompile(`^shipment (\S+) arrived (\S+)$`), func(m []string) []Msg {
		return one(M("shipment {{.No}} arrived {{.On}}", "No", m[1], "On", m[2]))
	}},
	{regexp.MustCompile(`^shipment (\S+) voided$`), func(m []string) []Msg {
		return one(M("shipment {{.No}} voided", "No", m[1]))
	}},
	{regexp.MustCompile(`^shipping notice .*$`), func(m []string) []Msg {
		if step, ok := readNoticeStep(m[0]); ok {
			return one(step)
		}
		return nil
	}},
	{regexp.MustCompile(`^arrived (\S+), (\d+) days late$`), func(m []string) []Msg {
		return one(M("arrived {{.On}}, {{.Days}} days late", "On", m[1], "Days", atoi(m[2])))
	}},
	{regexp.MustCompile(`^arrival receipt signed by (.*)$`), func(m []string) []Msg {
		return one(M("arrival receipt signed by {{.By}}", "By", m[1]))
	}},
	{regexp.MustCompile(`^receipt scan (\S+)$`), func(m []string) []Msg { return one(M("receipt scan {{.File}}", "File", m[1])) }},
	{regexp.MustCompile(`^voided$`), func([]string) []Msg { return one(M("voided")) }},
	{regexp.MustCompile(`^(note|action item) on (customer|vendor|product|order|shipment|ticket) (\d+): (.*)$`), func(m []string) []Msg {
		if m[1] == "action item" {
			return one(M("action item on {{.Kind}} {{.ID}}: {{.Title}}", "Kind", M(m[2]), "ID", atoi(m[3]), "Title", m[4]))
		}
		return one(M("note on {{.Kind}} {{.ID}}: {{.Title}}", "Kind", M(m[2]), "ID", atoi(m[3]), "Title", m[4]))
	}},
	{regexp.MustCompile(`^(\d+) action items and (\d+) orders to (.*)$`), func(m []string) []Msg {
		return one(M("{{.Items}} action items and {{.Orders}} orders to {{.To}}", "Items", atoi(m[1]), "Orders", atoi(m[2]), "To", m[3]))
	}},
	{regexp.MustCompile(`^Active: ` + flag + ` → ` + flag + `$`), func(m []string) []Msg {
		return one(fieldChange("Active", oldFlag(m[1]), oldFlag(m[2])))
	}},
	{regexp.MustCompile(`^Members: (\[[\d,]*\]) → (\[[\d,]*\])$`), func(m []string) []Msg {
		return one(fieldChange("Members", m[1], m[2]))
	}},
	{regexp.MustCompile(`^(Assignee|Clerk): (.*) → (.*)$`), func(m []string) []Msg {
		return one(fieldChange(m[1], m[2], m[3]))
	}},
	{regexp.MustCompile(`^handover$`), func([]string) []Msg { return one(M("handover")) }},
	// Any field of a diff, a setting, the slip's promised date, a follow-up day.
	{oldFieldChange, func(m []string) []Msg { return one(readFieldChange(m)) }},
}

// oldFieldChange is a diff line: a field name, then two %q values.
var oldFieldChange = regexp.MustCompile(`^([A-Za-z][\w.]*): ("(?:[^"\\]|\\.)*") → ("(?:[^"\\]|\\.)*")$`)

func readFieldChange(m []string) Msg {
	from, to := any(m[2]), any(m[3])
	if isFlag(m[2]) && isFlag(m[3]) {
		from, to = oldFlag(m[2]), oldFlag(m[3])
	}
	return fieldChange(m[1], from, to)
}

func isFlag(q string) bool { return q == `"true"` || q == `"false"` }

func readOldLine(l string) []Msg {
	for _, p := range oldLines {
		if m := p.re.FindStringSubmatch(l); m != nil {
			if ms := p.read(m); ms != nil {
				return ms
			}
		}
	}
	return nil
}

// oldNotes are the sentences earlier writers put in Note, beside the clerk's own.
var oldNotes = []oldLine{
	{regexp.MustCompile(`^signed confirmation \(revision (\d+), faxed (\S+)\) not back: (\d+) days late$`), func(m []string) []Msg {
		return one(M("signed confirmation (revision {{.Rev}}, faxed {{.Sent}}) not back: {{.Days}} days late", "Rev", atoi(m[1]), "Sent", m[2], "Days", atoi(m[3])))
	}},
	{regexp.MustCompile(`^signed copy with problems: confirm again as a new revision$`), func([]string) []Msg {
		return one(M("signed copy with problems: confirm again as a new revision"))
	}},
	{regexp.MustCompile(`^arrival receipt signed by (.*)$`), func(m []string) []Msg {
		return one(M("arrival receipt signed by {{.By}}", "By", m[1]))
	}},
	{regexp.MustCompile(`^expected arrival (\S+) is after the requested date (\S+): tell the customer$`), func(m []string) []Msg {
		return one(M("expected arrival {{.Expected}} is after the requested date {{.Requested}}: tell the customer", "Expected", m[1], "Requested", m[2]))
	}},
	{regexp.MustCompile(`^products or quantities changed: the technical check and the production date note must be signed again$`), func([]string) []Msg {
		return one(M("products or quantities changed: the technical check and the production date note must be signed again"))
	}},
	{regexp.MustCompile(`^tier A: released before the signed confirmation; it is still owed$`), func([]string) []Msg {
		return one(M("tier A: released before the signed confirmation; it is still owed"))
	}},
	{regexp.MustCompile(`^shipped before the paperwork on the CS supervisor's authority; the shipment request is overdue$`), func([]string) []Msg {
		return one(M("shipped before the paperwork on the CS supervisor's authority; the shipment request is overdue"))
	}},
	{regexp.MustCompile(`^no response needed$`), func([]string) []Msg { return one(M("no response needed")) }},
	{regexp.MustCompile(`^recurring task (\S+)$`), func(m []string) []Msg { return one(M("recurring task {{.No}}", "No", m[1])) }},
	{regexp.MustCompile(`^generated$`), func([]string) []Msg { return one(M("generated")) }},
	{regexp.MustCompile(`^DueOn: (\S*) → (\S*)$`), func(m []string) []Msg {
		return one(fieldChange("DueOn", strconv.Quote(m[1]), strconv.Quote(m[2])))
	}},
}

// readOldNote reads one line of an old note; a ticket's created event
// carried its type ("Quote – Request for quote").
func readOldNote(e *Event, l string) (Msg, bool) {
	if e.Entity == "ticket" && e.Action == TktCreated {
		for _, t := range TicketTypes {
			if t.Display() == l {
				return t.word(), true
			}
		}
	}
	for _, p := range oldNotes {
		if m := p.re.FindStringSubmatch(l); m != nil {
			return p.read(m)[0], true
		}
	}
	return Msg{}, false
}

var oldLegible = regexp.MustCompile(`^shipping notice received legibly, confirmed by (.*)$`)

// readNoticeStep reads a step of the shipping notice, on the shipment's
// history or quoted on the order's.
func readNoticeStep(l string) (Msg, bool) {
	switch l {
	case "shipping notice printed":
		return M("shipping notice printed"), true
	case "shipping notice sent to the customer":
		return M("shipping notice sent to the customer"), true
	}
	if m := oldLegible.FindStringSubmatch(l); m != nil {
		return M("shipping notice received legibly, confirmed by {{.By}}", "By", m[1]), true
	}
	return Msg{}, false
}
