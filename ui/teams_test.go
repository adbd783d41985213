package ui

import (
	"context"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestTeamsEditable shows seed 004's teams and members, changes a member's
// roles and part time, adds a person, and shows the model's refusal of a
// person already in the team.
func TestTeamsEditable(t *testing.T) {
	store := demoOffice(t, 0)
	d := newItemsDesk(t, store, person(t, store, "ML"))
	d.do(func() {
		d.shell.Show(SectionActionItems)
		d.sec.tabs.SelectIndex(2)
	})
	s := d.sec.teams
	if len(s.teams) < 4 || s.team.ID != s.teams[0].ID {
		t.Fatalf("%d teams, team %q open", len(s.teams), s.team.Code)
	}
	for i := range s.teams {
		if s.teams[i].Code == "POD-EU" {
			d.do(func() { s.teamList.Select(i) })
		}
	}
	if s.team.Code != "POD-EU" || len(s.members) != 4 {
		t.Fatalf("team %q with %d members", s.team.Code, len(s.members))
	}
	teamID := s.team.ID
	d.do(func() { s.memberList.Select(0) })
	first := s.members[0]
	if s.member.ID != first.ID || !s.person.Disabled() || s.roles.Text != strings.Join(first.RoleList(), "\n") {
		t.Fatalf("member form shows %d / %q", s.member.ID, s.roles.Text)
	}
	d.do(func() {
		s.roles.SetText("Order processing\n\nLead time quoting (A2P)\n")
		s.partTime.SetChecked(!first.PartTime)
		s.onSaveMember()
	})
	ms, _ := store.TeamMembers(context.Background(), teamID)
	var got *model.TeamMember
	for i := range ms {
		if ms[i].ID == first.ID {
			got = &ms[i]
		}
	}
	if got == nil || got.Roles != "Order processing\nLead time quoting (A2P)" || got.PartTime == first.PartTime {
		t.Fatalf("saved member %+v (problem %q)", got, s.memberFields.Other.Text)
	}
	// Saved again at once: the form holds the stored version, no conflict.
	d.do(func() { s.partTime.SetChecked(first.PartTime); s.onSaveMember() })
	if s.memberFields.Other.Visible() {
		t.Fatalf("second save: %q", s.memberFields.Other.Text)
	}

	// Add someone not in the team yet, then try to add them twice.
	in := map[uint]bool{}
	for _, m := range ms {
		in[m.EmployeeID] = true
	}
	newcomer := -1
	for i, p := range s.people {
		if !in[p.ID] {
			newcomer = i
			break
		}
	}
	for range 2 {
		d.do(func() {
			test := s.newMember.OnTapped
			test()
			s.person.SetSelectedIndex(newcomer)
			s.roles.SetText("Pick / Pack / Ship")
			s.onSaveMember()
		})
	}
	if got := s.memberFields.Problem("EmployeeID"); got != "This person is already a member of the team." {
		t.Errorf("adding twice: problem %q", got)
	}
	after, _ := store.TeamMembers(context.Background(), teamID)
	if len(after) != len(ms)+1 {
		t.Errorf("%d members after adding one to %d", len(after), len(ms))
	}

	// The team itself: the model refuses an empty name.
	d.do(func() { s.name.SetText(""); s.onSaveTeam() })
	if s.teamFields.Problem("Name") == "" {
		t.Error("an empty team name was not refused next to the field")
	}
	d.do(func() { s.name.SetText("Europe & resellers"); s.onSaveTeam() })
	stored, _ := store.Teams(context.Background())
	for _, tm := range stored {
		if tm.ID == teamID && tm.Name != "Europe & resellers" {
			t.Errorf("team name %q", tm.Name)
		}
	}
}
