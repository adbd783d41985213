package model

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// Team kinds, after the organisation of seed 004.
const (
	TeamPod        = "pod"        // a customer-service pod serving a region
	TeamOperations = "operations" // operations support for customer service
	TeamBranch     = "branch"     // branches serving walk-in customers
	TeamRepair     = "repair"     // repair and returns
)

// Team is a pod or support group of seed 004, with its vision and culture
// as the organisation chart states them.
type Team struct {
	Row
	Code    string `gorm:"size:20;not null;uniqueIndex"`
	Name    string `gorm:"size:120;not null"`
	Kind    string `gorm:"size:20;not null"`
	Vision  string `gorm:"type:text;not null;default:''"`
	Culture string `gorm:"type:text;not null;default:''"`
	Active  bool   `gorm:"not null"`
}

func (t *Team) label() string  { return "team " + t.Code }
func (t *Team) entity() string { return "team" }

// TeamMember puts a person in a team with the roles they hold there
// ("Order processing", "Lead time quoting (A2P)", "Pick / pack / ship").
type TeamMember struct {
	Row
	TeamID     uint      `gorm:"not null;uniqueIndex:idx_team_member,priority:1"`
	EmployeeID uint      `gorm:"not null;uniqueIndex:idx_team_member,priority:2;index"`
	Team       *Team     `gorm:"constraint:OnDelete:RESTRICT"`
	Employee   *Employee `gorm:"constraint:OnDelete:RESTRICT"`
	// Roles holds one role per line.
	Roles string `gorm:"type:text;not null;default:''"`
	// PartTime marks members the chart lists as part time.
	PartTime bool `gorm:"not null"`
}

func (m *TeamMember) label() string  { return "team member" }
func (m *TeamMember) entity() string { return "team_member" }

// RoleList returns the member's roles.
func (m *TeamMember) RoleList() []string {
	var out []string
	for _, r := range strings.Split(m.Roles, "\n") {
		if r = strings.TrimSpace(r); r != "" {
			out = append(out, r)
		}
	}
	return out
}

// SetRoles replaces the member's roles.
func (m *TeamMember) SetRoles(roles []string) {
	var clean []string
	for _, r := range roles {
		if r = strings.TrimSpace(r); r != "" {
			clean = append(clean, r)
		}
	}
	m.Roles = strings.Join(clean, "\n")
}

// Validate returns every problem with the team's fields.
func (t *Team) Validate() FieldErrors {
	var fe FieldErrors
	if !codePattern(t.Code) {
		fe.Add("Code", "Use 1 to 20 letters, digits or dashes.")
	}
	if t.Name == "" {
		fe.Add("Name", "Enter the team's name.")
	}
	switch t.Kind {
	case TeamPod, TeamOperations, TeamBranch, TeamRepair:
	default:
		fe.Add("Kind", "Choose what kind of team this is.")
	}
	return fe
}

// SaveTeam stores a new or changed team.
func (s *Store) SaveTeam(ctx context.Context, by Actor, t *Team) error {
	t.Code = normaliseCode(t.Code)
	t.Name = strings.TrimSpace(t.Name)
	if fe := t.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, t, func(tx *gorm.DB) error {
		if taken(tx, &Team{}, "code", t.Code, t.ID) {
			return FieldErrors{{"Code", M("This code is already in use.")}}
		}
		return nil
	})
}

// SaveTeamMember adds a person to a team or changes their roles there.
func (s *Store) SaveTeamMember(ctx context.Context, by Actor, m *TeamMember) error {
	return s.save(ctx, by, m, func(tx *gorm.DB) error {
		if err := requireManager(tx, by, M("Only a manager may put people in a team or change their roles.")); err != nil {
			return err
		}
		if err := requireOtherGrants(tx, by, m.EmployeeID); err != nil {
			return err
		}
		if m.IsNew() {
			if err := requireActiveEmployee(tx, m.EmployeeID, "EmployeeID"); err != nil {
				return err
			}
			var n int64
			tx.Model(&TeamMember{}).Where("team_id = ? AND employee_id = ?", m.TeamID, m.EmployeeID).Count(&n)
			if n > 0 {
				return FieldErrors{{"EmployeeID", M("This person is already a member of the team.")}}
			}
		}
		return nil
	})
}

// Teams returns the active teams in the order of the organisation chart (by code).
func (s *Store) Teams(ctx context.Context) ([]Team, error) {
	var out []Team
	return out, s.reader(ctx).Where("active = ?", true).Order("code").Find(&out).Error
}

// TeamMembers returns a team's members with their employees, by name.
func (s *Store) TeamMembers(ctx context.Context, teamID uint) ([]TeamMember, error) {
	var out []TeamMember
	err := s.reader(ctx).Preload("Employee").Joins("JOIN employees e ON e.id = team_members.employee_id").
		Where("team_members.team_id = ?", teamID).Order("e.name").Find(&out).Error
	return out, err
}
