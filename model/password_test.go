package model

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestSignIn checks the password against the stored hash: the right one
// signs in, a wrong one, an unknown person and someone who left are
// refused alike, and nobody without a password gets in.
func TestSignIn(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	yc := clerk(t, s, "Chen Yi-chun", "YC", false)
	gone := clerk(t, s, "Gone Person", "GP", false)
	fresh := clerk(t, s, "No Password", "NP", false)
	for _, e := range []*Employee{boss, yc, gone} {
		if err := s.SetPassword(ctx, boss.Actor(), e.ID, "", "secret-"+e.Initials); err != nil {
			t.Fatalf("set password of %s: %v", e.Initials, err)
		}
	}
	if err := s.SetEmployeeActive(ctx, boss.Actor(), gone.ID, false, "left"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, code, password string
		want                 uint // 0: refused
		refusal              string
	}{
		{"initials and password", "YC", "secret-YC", yc.ID, ""},
		{"lower-case initials", "yc", "secret-YC", yc.ID, ""},
		{"full name", "Chen Yi-chun", "secret-YC", yc.ID, ""},
		{"wrong password", "YC", "secret-ML", 0, "The name or the password is wrong."},
		{"unknown person", "ZZ", "secret-YC", 0, "The name or the password is wrong."},
		{"inactive person", "GP", "secret-GP", 0, "The name or the password is wrong."},
		{"no password yet", "NP", "", 0, "has no password yet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := s.SignIn(ctx, tc.code, tc.password)
			if tc.want != 0 {
				if err != nil || e.ID != tc.want {
					t.Fatalf("SignIn(%q) = %v, %v; want employee %d", tc.code, e, err, tc.want)
				}
				return
			}
			var r *Refusal
			if !errors.As(err, &r) || !strings.Contains(r.Msg.String(), tc.refusal) {
				t.Fatalf("SignIn(%q) = %v, %v; want the refusal %q", tc.code, e, err, tc.refusal)
			}
		})
	}
	_ = fresh
}

// TestPasswordNeverStoredInClear looks for the password in the table that
// keeps it and in the history of the change.
func TestPasswordNeverStoredInClear(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	const pw = "Tr0ub4dor&3"
	if err := s.SetPassword(ctx, boss.Actor(), boss.ID, "", pw); err != nil {
		t.Fatal(err)
	}
	var p EmployeePassword
	if err := s.db.Take(&p, boss.ID).Error; err != nil {
		t.Fatal(err)
	}
	if p.Hash == "" || strings.Contains(p.Hash, pw) || !strings.HasPrefix(p.Hash, "$2") {
		t.Errorf("stored hash %q: want a bcrypt hash without the password", p.Hash)
	}
	var events []Event
	s.db.Find(&events)
	for _, ev := range events {
		if strings.Contains(ev.English(), pw) || strings.Contains(ev.Note, pw) {
			t.Errorf("event %q holds the password", ev.English())
		}
	}
}

// TestSignInSlowsAfterFiveWrong types wrong passwords: the first five are
// only refused, then each try must wait (even with the right password),
// and the count holds in a second store on the same database, as another
// desk or a CLI run would open it.
func TestSignInSlowsAfterFiveWrong(t *testing.T) {
	ctx := context.Background()
	target := testTarget(t)
	clock := clockAt(at(2026, 11, 20, 9, 0))
	open := func() *Store {
		s, err := Open(ctx, target, Options{Clock: clock.Now, Location: taipei, Create: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	s := open()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	if err := s.SetPassword(ctx, boss.Actor(), boss.ID, "", "right-one"); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= FreeTries; i++ {
		if _, err := s.SignIn(ctx, "ML", "wrong"); err == nil || !strings.Contains(err.Error(), "wrong") {
			t.Fatalf("wrong try %d: %v", i, err)
		}
	}
	other := open() // another desk
	if _, err := other.SignIn(ctx, "ML", "right-one"); err == nil || !strings.Contains(err.Error(), "Try again in 30 seconds") {
		t.Fatalf("sixth try at once, on another desk: %v; want to wait 30 seconds", err)
	}
	clock.Add(31 * time.Second)
	if _, err := other.SignIn(ctx, "ML", "wrong"); err == nil || !strings.Contains(err.Error(), "The name or the password is wrong") {
		t.Fatalf("sixth try after the wait: %v", err)
	}
	clock.Add(31 * time.Second)
	if _, err := s.SignIn(ctx, "ML", "right-one"); err == nil || !strings.Contains(err.Error(), "Try again in 29 seconds") {
		t.Fatalf("seventh try 31 s after the sixth: %v; want the doubled wait", err)
	}
	clock.Add(30 * time.Second)
	if _, err := s.SignIn(ctx, "ML", "right-one"); err != nil {
		t.Fatalf("right password after the wait: %v", err)
	}
	// A good sign-in forgets the wrong tries.
	if _, err := s.SignIn(ctx, "ML", "wrong"); err == nil || strings.Contains(err.Error(), "Try again") {
		t.Fatalf("after a good sign-in: %v", err)
	}
}

// TestSetPassword: a manager sets and resets anyone's password; a person
// changes their own with the current one; nobody else may.
func TestSetPassword(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	boss := clerk(t, s, "Wang Mei-ling", "ML", true)
	yc := clerk(t, s, "Chen Yi-chun", "YC", false)
	ch := clerk(t, s, "Lin Chih-hao", "CH", false)
	steps := []struct {
		name          string
		by            *Employee
		who           *Employee
		old, password string
		fails         string
		signsIn       string
	}{
		{"a person chooses their first password", ch, ch, "", "first-CH", "", "first-CH"},
		{"a manager sets a clerk's", boss, yc, "", "first-YC", "", "first-YC"},
		{"a clerk may not set another's", yc, ch, "", "mine-now", "Only a manager", "first-CH"},
		{"a clerk changes her own", yc, yc, "first-YC", "second-YC", "", "second-YC"},
		{"with the wrong current one", yc, yc, "nope", "third-YC", "current password is wrong", "second-YC"},
		{"a manager resets a forgotten one", boss, yc, "", "reset-YC", "", "reset-YC"},
		{"too short", boss, yc, "", "abc", "at least 4", "reset-YC"},
	}
	for _, st := range steps {
		err := s.SetPassword(ctx, st.by.Actor(), st.who.ID, st.old, st.password)
		if st.fails == "" && err != nil || st.fails != "" && (err == nil || !strings.Contains(Say(err).String(), st.fails)) {
			t.Fatalf("%s: %v; want %q", st.name, err, st.fails)
		}
		if _, err := s.SignIn(ctx, st.who.Initials, st.signsIn); err != nil {
			t.Fatalf("%s: sign in with %q: %v", st.name, st.signsIn, err)
		}
	}
}
