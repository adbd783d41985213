package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"orderdesk/model"
)

// TestOrdersStepSignsWithAuthority: orders step records a gate through the
// model's authority: a clerk outside Finance cannot sign the finance
// clearance herself (exit 1, nothing changes), but may enter it signed by
// a person of Finance, and the event names both.
func TestOrdersStepSignsWithAuthority(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	// The demo office as of a day in March, when it has orders at every gate.
	taipei, err := time.LoadLocation("Asia/Taipei")
	if err != nil {
		t.Fatal(err)
	}
	opts := model.Options{Clock: func() time.Time { return time.Date(2026, 3, 10, 10, 0, 0, 0, taipei) }, Location: taipei}
	open := func(create bool) func(ctx context.Context, target string) (*model.Store, error) {
		return func(ctx context.Context, target string) (*model.Store, error) {
			o := opts
			o.Create = create
			return model.Open(ctx, target, o)
		}
	}
	run := func(password string, args ...string) (int, string) {
		t.Helper()
		t.Setenv(PasswordEnv, password)
		var out, errOut bytes.Buffer
		code := Run(context.Background(), &Env{Stdout: &out, Stderr: &errOut, Open: open(false), Create: open(true)}, args)
		return code, out.String() + errOut.String()
	}
	if code, out := run("", "demo", "-db", db, "-orders", "400"); code != 0 {
		t.Fatalf("demo: %s", out)
	}
	ctx := context.Background()
	s, err := open(false)(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	// An inspected order whose finance clearance is next (a tier B or C
	// order needs its balance notice first).
	rows, err := s.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateInspected})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.RuleCtx(ctx, model.System)
	no := ""
	for _, r := range rows {
		if o, err := s.OrderByNo(ctx, r.No); err == nil && o.Allowed(model.DoFinance, c) == nil {
			no = o.No
			break
		}
	}
	if no == "" {
		t.Fatalf("no order of the demo office awaits its finance clearance (%d inspected)", len(rows))
	}
	finance, _ := s.EligibleSigners(ctx, model.SignOffFinance, nil)
	people, _ := s.Employees(ctx, false)
	var clerk *model.Employee
	for i := range people {
		if !slices.ContainsFunc(finance, func(e model.Employee) bool { return e.ID == people[i].ID }) {
			clerk = &people[i]
			break
		}
	}
	s.Close()
	if len(finance) == 0 || clerk == nil {
		t.Fatalf("finance signers %v, a clerk outside Finance %v", finance, clerk)
	}
	fin := finance[0]

	code, out := run("demo", "orders", "step", no, "finance", "-db", db, "-as", clerk.Initials)
	if code != 1 || !strings.Contains(out, "is not in group FIN") {
		t.Fatalf("the clerk signs finance herself: exit %d\n%s", code, out)
	}
	code, out = run("demo", "orders", "step", no, "finance", "-db", db, "-as", clerk.Initials, "-signer", "NOBODY")
	if code != 1 {
		t.Fatalf("an unknown signer: exit %d\n%s", code, out)
	}
	code, out = run("demo", "orders", "step", no, "finance", "-signer", fin.Initials, "-note", "paid in full", "-db", db, "-as", clerk.Initials)
	if code != 0 || !strings.Contains(out, "now cleared") {
		t.Fatalf("the clerk enters finance signed by %s: exit %d\n%s", fin.Initials, code, out)
	}

	s, err = open(false)(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o, _ := s.OrderByNo(ctx, no)
	if o.State != model.StateCleared || o.Finance.Signed.ByID == nil || *o.Finance.Signed.ByID != fin.ID || o.Finance.TermsChecked.By != clerk.Name {
		t.Errorf("the order after the step: state %s, signed %+v, entered %+v", o.State, o.Finance.Signed, o.Finance.TermsChecked)
	}
	events, _ := s.EventsFor(ctx, "order", o.ID)
	last := events[len(events)-1]
	if last.By != clerk.Name || !strings.Contains(last.English(), fin.Name) {
		t.Errorf("the last event: by %s, %q", last.By, last.English())
	}
}
