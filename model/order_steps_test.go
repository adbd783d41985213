package model

import (
	"strings"
	"testing"
)

// TestOrderSteps walks orders to several points of the procedure and checks
// what the gate panel's steps say: done with a name, owed by whom, not
// needed, overdue. Two days pass after the faxes, so every sign-back is late.
func TestOrderSteps(t *testing.T) {
	f := newDesk(t)
	draft := f.intake(f.custB, 100)
	sent := f.toConfirmationSent(f.intake(f.custB, 100))
	tierA := f.do(f.toConfirmationSent(f.intake(f.custA, 100)), func(o *Order, c Ctx) error {
		return o.ReleaseProduction(c, SignerOf(f.prod), true)
	})
	late := f.toConfirmationSent(f.intake(f.custC, 100))
	signed := f.do(f.toConfirmationSent(f.intake(f.custB, 100)), func(o *Order, c Ctx) error {
		return o.RecordSignBack(c, SignBackInput{Stamped: true}) // back by fax before anyone called
	})
	f.advance(2 * day)
	late = f.do(late, func(o *Order, c Ctx) error { return nil }) // the slip rule runs on load
	office, _ := f.s.Office(f.ctx)

	type want struct {
		step                      string
		done, notNeeded, overdue  bool
		by, owes, missingContains string
	}
	tests := []struct {
		name  string
		order *Order
		want  []want
	}{
		{"draft", draft, []want{
			{step: "Intake memo complete", owes: "Owed by Chen Yi-chun (clerk)", missingContains: "submit it for checking"},
			{step: "Answer to the customer", notNeeded: true},
			{step: "Technical check", owes: "Owed by the technical department"},
			{step: "Deposit", owes: "Owed by the customer", missingContains: "30% of the total"},
		}},
		{"tier B faxed", sent, []want{
			{step: "Intake memo complete", done: true, by: "Chen Yi-chun"},
			{step: "Technical check", done: true, by: "Tsai Ming"},
			{step: "Production date note", done: true, by: "Aaron"},
			{step: "Confirmation faxed", done: true, by: "Chen Yi-chun"},
			{step: "Received legibly", owes: "Owed by Chen Yi-chun (clerk)", missingContains: "Call the customer"},
			{step: "Signed confirmation", overdue: true, owes: "Owed by the customer", missingContains: "2 days late"},
			{step: "Production released", owes: "Owed by Chen Yi-chun (clerk)"},
		}},
		{"tier A released early", tierA, []want{
			{step: "Signed confirmation", overdue: true, owes: "Owed by the customer", missingContains: "released before the signed confirmation"},
			{step: "Deposit", notNeeded: true},
			{step: "Production released", done: true, by: "Chen Yi-chun, Aaron"},
			{step: "Balance collection notice", notNeeded: true},
		}},
		{"signed back before the call", signed, []want{
			{step: "Received legibly", done: true},
			{step: "Signed confirmation", done: true},
		}},
		{"tier C late", late, []want{
			{step: "Signed confirmation", overdue: true, missingContains: "2 days late"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := f.events(tt.order)
			steps := tt.order.Steps(office, ev, f.clock.Now())
			if len(steps) != len(StepNames) {
				t.Fatalf("%d steps, want %d", len(steps), len(StepNames))
			}
			for i, s := range steps {
				if s.Name != StepNames[i] {
					t.Errorf("step %d is %q, want %q", i, s.Name, StepNames[i])
				}
			}
			for _, w := range tt.want {
				var s *Step
				for i := range steps {
					if steps[i].Name == w.step {
						s = &steps[i]
					}
				}
				if s.Done != w.done || s.NotNeeded != w.notNeeded || s.Overdue != w.overdue {
					t.Errorf("%s: done %v notNeeded %v overdue %v, want %v %v %v", w.step, s.Done, s.NotNeeded, s.Overdue, w.done, w.notNeeded, w.overdue)
				}
				if w.by != "" && s.By != w.by {
					t.Errorf("%s: by %q, want %q", w.step, s.By, w.by)
				}
				if w.done && s.At == nil {
					t.Errorf("%s: done without a time", w.step)
				}
				if w.owes != "" && s.Owes.String() != w.owes {
					t.Errorf("%s: owes %q, want %q", w.step, s.Owes.String(), w.owes)
				}
				var missing []string
				for _, m := range s.Missing {
					missing = append(missing, m.String())
				}
				if w.missingContains != "" && !strings.Contains(strings.Join(missing, " "), w.missingContains) {
					t.Errorf("%s: missing %q, want it to mention %q", w.step, missing, w.missingContains)
				}
			}
		})
	}
}
