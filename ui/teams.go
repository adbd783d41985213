package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// memberColumns are the widths of the member list: name, roles, part time.
var memberColumns = []float32{1.6, 3.6, 1.1}

// teamKinds are the model's team kinds in the order the kind select lists them.
var teamKinds = []string{model.TeamPod, model.TeamOperations, model.TeamBranch, model.TeamRepair}

// teamsScreen shows the organisation of seed 004: the teams (pods,
// operations support, branches, repair), their members and each member's
// roles, and edits them. The model checks every change.
type teamsScreen struct {
	teamList   *widget.List
	memberList *widget.List
	status     *widget.Label
	// The team on the right.
	code, name, vision, culture *Entry
	kind                        *Select
	teamFields                  *FieldForm
	saveTeam, newTeam           *widget.Button
	// The member being edited or added.
	person                *Select
	roles                 *Entry
	partTime              *Check
	memberFields          *FieldForm
	saveMember, newMember *widget.Button
	content               fyne.CanvasObject

	store   teamsStore
	desk    *Desk
	work    *jobs
	teams   []model.Team
	members []model.TeamMember
	people  []model.Employee
	team    *model.Team       // the team on the form; new when ID is 0
	member  *model.TeamMember // the member on the form; new when ID is 0
}

// teamsStore is the store as the Teams tab uses it; a test hands it one that fails.
type teamsStore interface {
	Employees(ctx context.Context, includeInactive bool) ([]model.Employee, error)
	SaveTeam(ctx context.Context, by model.Actor, t *model.Team) error
	SaveTeamMember(ctx context.Context, by model.Actor, m *model.TeamMember) error
	TeamMembers(ctx context.Context, teamID uint) ([]model.TeamMember, error)
	Teams(ctx context.Context) ([]model.Team, error)
}

func newTeamsScreen(store *model.Store, desk *Desk, work *jobs) *teamsScreen {
	s := &teamsScreen{store: store, desk: desk, work: work, status: widget.NewLabel(""),
		code: NewEntry(), name: NewEntry(), vision: NewMultiLineEntry(), culture: NewMultiLineEntry(),
		roles: NewMultiLineEntry(), teamFields: NewFieldForm(), memberFields: NewFieldForm(),
		team: &model.Team{Active: true}, member: &model.TeamMember{}}
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide()
	kinds := []string{lang.L("Pod (customer-service team for a region)"), lang.L("Operations support"), lang.L("Branch"), lang.L("Repair and returns")}
	s.kind = NewSelect(kinds, nil)
	s.person = NewSelect(nil, nil)
	s.partTime = NewCheck(lang.L("Part time"), nil)
	s.roles.SetPlaceHolder(lang.L("One role a line, for example: Order processing"))
	s.teamList = widget.NewList(func() int { return len(s.teams) },
		func() fyne.CanvasObject { return newColumns([]float32{1.4, 3}) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.teams) {
				setCells(o, s.teams[id].Code, s.teams[id].Name)
			}
		})
	s.teamList.OnSelected = func(id widget.ListItemID) {
		if id < len(s.teams) {
			t := s.teams[id]
			s.openTeam(&t)
		}
	}
	s.memberList = widget.NewList(func() int { return len(s.members) },
		func() fyne.CanvasObject { return newColumns(memberColumns) }, s.bindMember)
	s.memberList.OnSelected = func(id widget.ListItemID) {
		if id < len(s.members) {
			m := s.members[id]
			s.openMember(&m)
		}
	}
	s.saveTeam = widget.NewButtonWithIcon(lang.L("Save team"), theme.DocumentSaveIcon(), s.onSaveTeam)
	s.newTeam = widget.NewButtonWithIcon(lang.L("New team"), theme.ContentAddIcon(), func() {
		s.teamList.UnselectAll()
		s.openTeam(&model.Team{Active: true, Kind: model.TeamPod})
	})
	s.saveMember = widget.NewButtonWithIcon(lang.L("Save member"), theme.DocumentSaveIcon(), s.onSaveMember)
	s.saveMember.Importance = widget.HighImportance
	s.newMember = widget.NewButtonWithIcon(lang.L("Add member"), theme.ContentAddIcon(), func() {
		s.memberList.UnselectAll()
		s.openMember(&model.TeamMember{TeamID: s.team.ID})
	})

	tf := s.teamFields
	tf.Add("Code", lang.L("Code"), s.code)
	tf.Add("Name", lang.L("Name"), s.name)
	tf.Add("Kind", lang.L("Kind"), s.kind)
	tf.Add("Vision", lang.L("Vision"), s.vision)
	tf.Add("Culture", lang.L("Culture"), s.culture)
	mf := s.memberFields
	mf.Add("EmployeeID", lang.L("Person"), s.person)
	mf.Add("Roles", lang.L("Roles"), s.roles)
	mf.Add("PartTime", "", s.partTime)

	bold := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewBorder(container.NewVBox(bold(lang.L("Teams")), s.status), container.NewHBox(s.newTeam), nil, nil, s.teamList)
	members := container.NewBorder(container.NewVBox(bold(lang.L("Members")),
		newHeader(memberColumns, lang.L("Person"), lang.L("Roles"), lang.L("Part time"))), nil, nil, nil, s.memberList)
	editors := container.NewVScroll(container.NewVBox(
		bold(lang.L("Member")), mf.Content(), container.NewHBox(s.saveMember, s.newMember),
		widget.NewSeparator(), bold(lang.L("Team")), tf.Content(), container.NewHBox(s.saveTeam)))
	right := container.NewHSplit(members, editors)
	right.SetOffset(0.55)
	split := container.NewHSplit(left, right)
	split.SetOffset(0.26)
	s.content = split
	s.openTeam(s.team)
	return s
}

// Content returns the screen's widgets.
func (s *teamsScreen) Content() fyne.CanvasObject { return s.content }

// Shown loads the teams and the people who may join them.
func (s *teamsScreen) Shown() { s.reload(s.team.ID) }

// reload loads the teams and people, then opens the team with id (0: the first).
func (s *teamsScreen) reload(id uint) {
	s.work.Go(func() func() {
		ctx := context.Background()
		teams, err := s.store.Teams(ctx)
		var people []model.Employee
		if err == nil {
			people, err = s.store.Employees(ctx, false)
		}
		return func() {
			if err != nil {
				setInfo(s.status, SayLoadErr(err))
				return
			}
			s.teams, s.people = teams, people
			s.teamList.Refresh()
			s.teamList.UnselectAll() // so Select opens the team again, with what was just saved
			for i := range teams {
				if teams[i].ID == id || (id == 0 && i == 0) {
					s.teamList.Select(i)
					return
				}
			}
		}
	})
}

// openTeam shows a team and loads its members.
func (s *teamsScreen) openTeam(t *model.Team) {
	s.team = t
	s.code.SetText(t.Code)
	s.name.SetText(t.Name)
	s.kind.SetSelectedIndex(indexOf(teamKinds, t.Kind))
	s.vision.SetText(t.Vision)
	s.culture.SetText(t.Culture)
	s.teamFields.Clear()
	s.members = nil
	s.memberList.UnselectAll()
	s.memberList.Refresh()
	s.openMember(&model.TeamMember{TeamID: t.ID})
	if t.ID == 0 {
		s.newMember.Disable()
		return
	}
	s.newMember.Enable()
	s.loadMembers(t.ID, 0)
}

// loadMembers loads a team's members and opens the one with memberID, if any.
func (s *teamsScreen) loadMembers(teamID, memberID uint) {
	s.work.Go(func() func() {
		ms, err := s.store.TeamMembers(context.Background(), teamID)
		return func() {
			if s.team.ID != teamID {
				return
			}
			if err != nil {
				setInfo(s.status, SayLoadErr(err))
				return
			}
			s.members = ms
			s.memberList.Refresh()
			s.memberList.UnselectAll()
			for i := range ms {
				if ms[i].ID == memberID {
					s.memberList.Select(i)
				}
			}
		}
	})
}

func (s *teamsScreen) bindMember(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.members) {
		return
	}
	m := &s.members[id]
	name := ""
	if m.Employee != nil {
		name = m.Employee.Display()
	}
	part := ""
	if m.PartTime {
		part = lang.L("Part time")
	}
	setCells(o, name, strings.Join(m.RoleList(), ", "), part)
}

// openMember puts a member on the member form; a new one chooses the person.
func (s *teamsScreen) openMember(m *model.TeamMember) {
	s.member = m
	opts := make([]string, 0, len(s.people)+1)
	sel := -1
	for i := range s.people {
		opts = append(opts, s.people[i].Display())
		if s.people[i].ID == m.EmployeeID {
			sel = i
		}
	}
	if sel < 0 && m.Employee != nil { // someone who has left keeps their membership
		opts = append(opts, m.Employee.Display())
		sel = len(opts) - 1
	}
	s.person.Options = opts
	if sel >= 0 {
		s.person.SetSelectedIndex(sel)
	} else {
		s.person.ClearSelected()
	}
	if m.IsNew() {
		s.person.Enable()
		s.saveMember.SetText(lang.L("Add to the team"))
	} else {
		s.person.Disable()
		s.saveMember.SetText(lang.L("Save member"))
	}
	if m.TeamID == 0 {
		s.saveMember.Disable()
	} else {
		s.saveMember.Enable()
	}
	s.roles.SetText(strings.Join(m.RoleList(), "\n"))
	s.partTime.SetChecked(m.PartTime)
	s.memberFields.Clear()
}

// onSaveMember adds the person to the team or saves their roles.
func (s *teamsScreen) onSaveMember() {
	if s.desk.Employee() == nil {
		s.memberFields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	m := *s.member
	m.Team, m.Employee = nil, nil // the ids decide
	if m.IsNew() {
		m.EmployeeID = 0
		if i := s.person.SelectedIndex(); i >= 0 && i < len(s.people) {
			m.EmployeeID = s.people[i].ID
		}
	}
	m.SetRoles(strings.Split(s.roles.Text, "\n"))
	m.PartTime = s.partTime.Checked
	by, teamID := s.desk.Actor(), s.team.ID
	s.work.Go(func() func() {
		err := s.store.SaveTeamMember(context.Background(), by, &m)
		return func() {
			if err != nil {
				if !s.memberFields.Show(err) {
					s.memberFields.SetOther(SayErr(err))
				}
				return
			}
			setInfo(s.status, lang.L("Saved."))
			s.loadMembers(teamID, m.ID)
		}
	})
}

// onSaveTeam saves the team on the form.
func (s *teamsScreen) onSaveTeam() {
	if s.desk.Employee() == nil {
		s.teamFields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	t := *s.team
	t.Code, t.Name, t.Vision, t.Culture = s.code.Text, s.name.Text, s.vision.Text, s.culture.Text
	t.Kind = ""
	if i := s.kind.SelectedIndex(); i >= 0 {
		t.Kind = teamKinds[i]
	}
	by := s.desk.Actor()
	s.work.Go(func() func() {
		err := s.store.SaveTeam(context.Background(), by, &t)
		return func() {
			if err != nil {
				if !s.teamFields.Show(err) {
					s.teamFields.SetOther(SayErr(err))
				}
				return
			}
			setInfo(s.status, lang.L("Saved."))
			s.reload(t.ID)
		}
	})
}
