package model

import "time"

// Slip actions on events.
const OrdSlip = "slip"

// ApplySlip applies the slip rule of seed 002 step 9.3: when the signed
// confirmation is not back on the day it was faxed, the promised date moves
// one day later for each day it is late. Days are calendar days, or working
// days (Monday to Friday, not the office's holidays) when the office says so;
// the date then moves by working days too, since production works those.
//
// The clock runs from the fax of the current revision until the signed copy
// is back or production is released (a tier A order released early is being
// made already, so its date no longer waits on the paper). A revision
// returned with problems stops the clock; the next revision starts its own.
// Each move is recorded as an event. It returns whether the date moved.
func (o *Order) ApplySlip(c Ctx) bool {
	if o.SignBackOwedSince == nil || o.Release.Released() || o.ConfirmedDate.IsZero() {
		return false
	}
	sent := DateOf(o.SignBackOwedSince.In(c.Now.Location()))
	late := lateDays(sent, c.Today(), c.Office)
	if late <= o.SlipDays {
		return false
	}
	from := o.PromisedDate
	o.SlipDays = late
	o.PromisedDate = addDays(o.ConfirmedDate, late, c.Office)
	o.log(c, OrdSlip, fieldChange("PromisedDate", quoteShort(from.String()), quoteShort(o.PromisedDate.String())), "")
	last := &o.pending[len(o.pending)-1]
	last.say(M("signed confirmation (revision {{.Rev}}, faxed {{.Sent}}) not back: {{.Days}} days late",
		"Rev", o.CurrentRev, "Sent", sent.String(), "Days", late))
	return true
}

// lateDays counts the days after sent up to and including today: all of
// them, or only the working ones.
func lateDays(sent, today Date, office Office) int {
	if !today.After(sent) {
		return 0
	}
	if !office.SlipWorkingDays {
		return sent.DaysUntil(today)
	}
	n := 0
	for d := sent.AddDays(1); !d.After(today); d = d.AddDays(1) {
		if office.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// addDays moves d later by n calendar days, or by n working days.
func addDays(d Date, n int, office Office) Date {
	if !office.SlipWorkingDays {
		return d.AddDays(n)
	}
	for n > 0 {
		d = d.AddDays(1)
		if office.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// SlippedDate returns the promised date as the slip rule moves it at time
// now: the stored date, or later when days have passed since the last
// run of the slip rule (the list shows it live).
func (r OrderRow) SlippedDate(now time.Time, office Office) Date {
	late := r.DaysLate(now, office)
	if late <= r.SlipDays || r.ConfirmedDate.IsZero() {
		return r.PromisedDate
	}
	return addDays(r.ConfirmedDate, late, office)
}
