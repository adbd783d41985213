package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orderdesk/internal/testkit"
	"orderdesk/model"
)

// TestOrdersReadSlippedDatesWithoutAWindow: a week after an order's
// confirmation was faxed and not signed back, orders show and orders list
// print the promised date and slipped days the window would show, on a
// database no window ever opened (so the hourly slip rule never ran).
func TestOrdersReadSlippedDatesWithoutAWindow(t *testing.T) {
	taipei := testkit.Taipei
	now := time.Date(2026, 3, 10, 10, 0, 0, 0, taipei)
	openWith := func(create bool) func(ctx context.Context, target string) (*model.Store, error) {
		return func(ctx context.Context, target string) (*model.Store, error) {
			return model.Open(ctx, target, model.Options{Clock: func() time.Time { return now }, Location: taipei, Create: create})
		}
	}
	open := openWith(false)
	db := filepath.Join(t.TempDir(), "office.db")
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Run(context.Background(), &Env{Stdout: &out, Stderr: &errOut, Open: open, Create: openWith(true)}, args); code != 0 {
			t.Fatalf("orderdesk %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
		return out.String()
	}
	run("demo", "-db", db, "-orders", "60")

	now = now.AddDate(0, 0, 7)
	late, want := lateOrder(t, open, db)
	show := run("orders", "show", "-db", db, late.No)
	line := fmt.Sprintf("%s (confirmed %s, slipped %d days)", want.PromisedDate, want.ConfirmedDate, want.SlipDays)
	if !strings.Contains(show, line) {
		t.Errorf("orders show %s says\n%s\nwant the promised line %q", late.No, firstLines(show, 12), line)
	}
	list := run("orders", "list", "-db", db, "-sign-back", "-n", "0")
	cell := fmt.Sprintf("%s (+%d)", want.PromisedDate, want.SlipDays)
	if !strings.Contains(lineOf(list, late.No), cell) {
		t.Errorf("orders list has %q for %s, want %q", lineOf(list, late.No), late.No, cell)
	}
	// A second read moves nothing more: the days were counted once.
	if again := run("orders", "show", "-db", db, late.No); !strings.Contains(again, line) {
		t.Errorf("a second orders show says\n%s", firstLines(again, 12))
	}
}

// lateOrder returns an order awaiting its signed confirmation whose date
// the slip rule moves today, as stored and as the rule leaves it.
func lateOrder(t *testing.T, open Opener, db string) (stored, slipped *model.Order) {
	t.Helper()
	ctx := context.Background()
	s, err := open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Orders(ctx, model.OrderFilter{View: model.ViewAwaitingSignBack})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.RuleCtx(ctx, model.System)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		o, err := s.OrderByNo(ctx, r.No)
		if err != nil {
			t.Fatal(err)
		}
		stored, _ := s.OrderByNo(ctx, r.No)
		if o.ApplySlip(c) {
			return stored, o
		}
	}
	t.Fatalf("none of the %d orders awaiting sign-back slips a week later", len(rows))
	return nil, nil
}

// Opener opens a database, as Env.Open does.
type Opener = func(ctx context.Context, target string) (*model.Store, error)

func lineOf(out, no string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, no) {
			return l
		}
	}
	return ""
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TestOrdersShowPrintsDeliveryTerms: orders show prints an export order's
// Incoterm and named place (the demo's A004 buys FOB Keelung), and says
// nothing of delivery terms for a domestic order.
func TestOrdersShowPrintsDeliveryTerms(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "office.db")
	open := func(ctx context.Context, target string) (*model.Store, error) {
		return model.Open(ctx, target, model.Options{Location: testkit.Taipei})
	}
	create := func(ctx context.Context, target string) (*model.Store, error) {
		return model.Open(ctx, target, model.Options{Location: testkit.Taipei, Create: true})
	}
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Run(ctx, &Env{Stdout: &out, Stderr: &errOut, Open: open, Create: create}, args); code != 0 {
			t.Fatalf("orderdesk %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
		return out.String()
	}
	run("demo", "-db", db, "-orders", "0")
	s, err := open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	staff, err := s.Employees(ctx, false)
	if err != nil || len(staff) == 0 {
		t.Fatal(err)
	}
	no := map[string]string{}
	for _, code := range []string{"A004", "A001"} {
		c, err := s.CustomerByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		o := model.NewOrderFor(c, nil, model.ChannelPhone, time.Now())
		if err := s.CreateOrder(ctx, staff[0].Actor(), o); err != nil {
			t.Fatal(err)
		}
		no[code] = o.No
	}
	s.Close()
	if show := run("orders", "show", "-db", db, no["A004"]); !strings.Contains(show, "Delivery terms  FOB Keelung (Incoterms 2020)") {
		t.Errorf("orders show of an export order says\n%s", firstLines(show, 14))
	}
	if show := run("orders", "show", "-db", db, no["A001"]); strings.Contains(show, "Delivery terms") {
		t.Errorf("orders show of a domestic order says\n%s", firstLines(show, 14))
	}
}
