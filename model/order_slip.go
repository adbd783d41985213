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
	late, promised := slipAt(o.SignBackOwedSince, o.Release.Released(), o.ConfirmedDate, o.PromisedDate, o.SlipDays, c.Now, c.Office)
	if late == o.SlipDays {
		return false
	}
	sent := DateOf(o.SignBackOwedSince.In(c.Now.Location()))
	from := o.PromisedDate
	o.SlipDays, o.PromisedDate = late, promised
	o.log(c, OrdSlip, fieldChange("PromisedDate", quoteShort(from.String()), quoteShort(o.PromisedDate.String())), "")
	last := &o.pending[len(o.pending)-1]
	last.say(M("signed confirmation (revision {{.Rev}}, faxed {{.Sent}}) not back: {{.Days}} days late",
		"Rev", o.CurrentRev, "Sent", sent.String(), "Days", late))
	return true
}

// slipAt is the one computation of the slipped date: how many days the
// slip rule has moved the promised date at time now (in the office's time
// zone) and the date it has moved it to. It is the stored slip and date
// when the rule moves nothing: nothing owed, production released (a tier A
// order released before its sign-back stops slipping there), no confirmed
// date, or not later than the slip already counted. ApplySlip records it;
// the order list shows it live between the hourly passes.
func slipAt(owedSince *time.Time, released bool, confirmed, promised Date, slipDays int, now time.Time, office Office) (int, Date) {
	if owedSince == nil || released || confirmed.IsZero() {
		return slipDays, promised
	}
	late := lateDays(DateOf(owedSince.In(now.Location())), DateOf(now), office)
	if late <= slipDays {
		return slipDays, promised
	}
	return late, addDays(confirmed, late, office)
}

// SlippedDate returns the promised date as the slip rule moves it at time
// now: the stored date, or later when days have passed since the last run
// of the slip rule (the list shows it live).
func (r OrderRow) SlippedDate(now time.Time, office Office) Date {
	_, d := slipAt(r.SignBackOwedSince, r.RelClerkAt != nil, r.ConfirmedDate, r.PromisedDate, r.SlipDays, now, office)
	return d
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
