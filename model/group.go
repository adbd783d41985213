package model

import (
	"context"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// Group is a work group and its queue (seed 003): Customer Service, Finance,
// Shipping, Sales, Technical, Production, QC... Action items and tickets can
// be assigned to a group; its members work them.
type Group struct {
	Row
	Code   string `gorm:"size:20;not null;uniqueIndex"`
	Name   string `gorm:"size:80;not null"`
	NameZH string `gorm:"size:40;not null;default:''"`
	Active bool   `gorm:"not null"`
}

func (g *Group) label() string  { return "group " + g.Code }
func (g *Group) entity() string { return "group" }

// Display returns the group's name for a clerk, in both scripts when known.
func (g *Group) Display() string {
	if g.NameZH != "" {
		return g.Name + " " + g.NameZH
	}
	return g.Name
}

// StandardGroups are the departments of seed 004's organisation, which a
// new office starts with: the gates of seed 002 are signed by their people.
var StandardGroups = []Group{
	{Code: "CS", Name: "Customer Service", NameZH: "客服"},
	{Code: "SALES", Name: "Sales", NameZH: "業務"},
	{Code: "TECH", Name: "Technical", NameZH: "技術"},
	{Code: "PROD", Name: "Production", NameZH: "生產"},
	{Code: "QC", Name: "Quality control", NameZH: "品管"},
	{Code: "FIN", Name: "Finance", NameZH: "財務"},
	{Code: "SHIP", Name: "Shipping", NameZH: "出貨"},
	{Code: "MKT", Name: "Marketing", NameZH: "營銷"},
	{Code: "MGMT", Name: "Management", NameZH: "管理"},
	// Seed 004's Repair and Returns team: authorizes, receives and decides
	// returns (RMAs); QC inspects what comes back.
	{Code: "RR", Name: "Repair & Returns", NameZH: "維修退貨"},
}

// GroupMember puts an employee in a group.
type GroupMember struct {
	GroupID    uint      `gorm:"primaryKey"`
	EmployeeID uint      `gorm:"primaryKey;index"`
	Group      *Group    `gorm:"constraint:OnDelete:RESTRICT"`
	Employee   *Employee `gorm:"constraint:OnDelete:RESTRICT"`
}

// Validate returns every problem with the group's fields.
func (g *Group) Validate() FieldErrors {
	var fe FieldErrors
	if !codePattern(g.Code) {
		fe.Add("Code", "Use 1 to 20 letters, digits or dashes.")
	}
	if g.Name == "" {
		fe.Add("Name", "Enter the group's name.")
	}
	return fe
}

// SaveGroup stores a new or changed group.
func (s *Store) SaveGroup(ctx context.Context, by Actor, g *Group) error {
	g.Code = strings.ToUpper(strings.TrimSpace(g.Code))
	g.Name = strings.TrimSpace(g.Name)
	if fe := g.Validate(); len(fe) > 0 {
		return fe
	}
	return s.save(ctx, by, g, func(tx *gorm.DB) error {
		if err := requirePeopleManager(tx, by); err != nil {
			return err
		}
		if taken(tx, &Group{}, "code", g.Code, g.ID) {
			return FieldErrors{{"Code", M("This code is already in use.")}}
		}
		return nil
	})
}

// Groups returns the active groups by name.
func (s *Store) Groups(ctx context.Context) ([]Group, error) {
	var out []Group
	return out, s.reader(ctx).Where("active = ?", true).Order("name").Find(&out).Error
}

// GroupByCode returns one group by its code ("CS", "FIN").
func (s *Store) GroupByCode(ctx context.Context, code string) (*Group, error) {
	var g Group
	err := s.reader(ctx).Where("code = ?", strings.ToUpper(code)).Take(&g).Error
	if err == gorm.ErrRecordNotFound {
		return nil, ErrNotFound
	}
	return &g, err
}

// SetGroupMembers makes exactly members the people of group, with an event.
func (s *Store) SetGroupMembers(ctx context.Context, by Actor, groupID uint, members []uint) error {
	if err := by.valid(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := requirePeopleManager(tx, by); err != nil {
			return err
		}
		var before []uint
		if err := tx.Model(&GroupMember{}).Where("group_id = ?", groupID).Order("employee_id").Pluck("employee_id", &before).Error; err != nil {
			return err
		}
		for _, id := range members {
			// Someone who left stays in the groups they were in; only a
			// newcomer must be active.
			if slices.Contains(before, id) {
				continue
			}
			if err := requireActiveEmployee(tx, id, "Members"); err != nil {
				return err
			}
		}
		if slices.Contains(members, by.ID) && !slices.Contains(before, by.ID) && !soleManager(tx, by.ID) {
			return Refuse("Nobody grants themselves a right or a role: ask another manager.")
		}
		if err := tx.Where("group_id = ?", groupID).Delete(&GroupMember{}).Error; err != nil {
			return err
		}
		for _, id := range members {
			if err := tx.Create(&GroupMember{GroupID: groupID, EmployeeID: id}).Error; err != nil {
				return err
			}
		}
		return logEvent(tx, eventWith(Event{Entity: "group", EntityID: groupID, At: s.now(), By: by.Name, ByID: by.ID,
			Action: ActUpdated}, fieldChange("Members", idList(before), idList(members))))
	})
}

// GroupsOf returns the groups an employee belongs to.
func (s *Store) GroupsOf(ctx context.Context, employeeID uint) ([]Group, error) {
	var out []Group
	err := s.reader(ctx).Joins("JOIN group_members gm ON gm.group_id = groups.id").
		Where("gm.employee_id = ? AND groups.active = ?", employeeID, true).Order("groups.name").Find(&out).Error
	return out, err
}

// MembersOf returns the active people of a group.
func (s *Store) MembersOf(ctx context.Context, groupID uint) ([]Employee, error) {
	var out []Employee
	err := s.reader(ctx).Joins("JOIN group_members gm ON gm.employee_id = employees.id").
		Where("gm.group_id = ? AND employees.active = ?", groupID, true).Order("employees.name").Find(&out).Error
	return out, err
}
