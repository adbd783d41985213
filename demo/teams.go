package demo

import (
	"strings"

	"orderdesk/model"
)

// member is a person in a team with the roles the chart gives them.
type member struct {
	initials string
	partTime bool
	roles    []string
}

// teams is seed 004's organisation chart, as written.
var teams = []struct {
	code, name, kind string
	vision, culture  []string
	members          []member
}{
	{"POD-EU", "Sewer / Europe / Partnered Re-sellers", model.TeamPod,
		[]string{"Order Processing Heavy", "Entry level OF team member", "Very little production support needed", "Salesforce Maintenance", "Some sales qualifications"},
		[]string{"People who are OK in their role mixed with new hires who are motivated to succeed", "New people can flex into the other teams to pick/pack/ship", "Their non-demanding, non-complex customer base really like them", "Typically one \"rising-star\" on this team"},
		[]member{
			{"AD", false, []string{"Order Processing SAEU/NL", "Partnered Re-sellers", "Opportunity follow up", "Follow up open quotes", "Order Fulfillment Support", "Pick/Pack/Ship & train new OF hires"}},
			{"KS", false, []string{"Dealer Support", "Order Processing", "Order Fulfillment", "Lead Time Quoting (A2P)"}},
			{"SC", true, []string{"Lead time expediting - Sewer", "Shop scheduling", "Pick / Pack / Ship when very busy"}},
			{"KY", false, []string{"Pick / Pack / Ship", "Backup SAEU/NL Order Processing", "Cross train - Sewer Dealer Support"}},
		}},
	{"POD-NA", "North American Sales & Branches", model.TeamPod,
		[]string{"Assurance experts: can process all service orders", "React quickly, when needed: no process barriers, little time spent waiting for information", "Customer familiarity: know the plant and the job, what is urgent and what can wait", "Branch support: can allocate for walk-in orders; branches can hand off orders", "RSM support: same level of support as a branch for inquiries and quotes", "Provides on-boarding and training to other teams", "Under certain circumstances, can order purchased parts"},
		[]string{"This team WOWs customers", "Not the most technical, but Branch Managers and RSMs fill the void", "Anyone can answer the phone", "Do anything for the customer, understand the urgency and balance accordingly", "Always having fun"},
		[]member{
			{"RA", false, []string{"Pull / Pack / Ship"}},
			{"WE", false, []string{"Transfer Orders", "Order Processing", "Cross train to Customer Support", "Pull / Pack / Ship", "Write POs for redistributed parts"}},
			{"KSI", false, []string{"Customer Support", "Technical Quoting", "On-boarding and Employee Training/development"}},
			{"GR", false, []string{"Branch Customer Support", "Cross Train to AE Quoting", "Lead Time Quoting (A2P)", "Help Branches set up will call and receiving bins", "Back-up Material Coordinator"}},
		}},
	{"POD-ROW", "Rest of World (ROW)", model.TeamPod,
		[]string{"Logistics experts", "Facilitating/improving the ease of account management (AR aging, logistic standards)", "Lowest mis-ships, highest on-time delivery", "This team can flex anywhere", "Provides advanced training to other teams"},
		[]string{"Highly technical", "Can be trusted"},
		[]member{
			{"DA", false, []string{"ROW Sales Support", "Lead Time Quoting (A2P)", "ROW Order Processing / Quote Creation"}},
			{"KR", false, []string{"Logistics", "Pick Pack Ship", "Cross train to process ROW orders"}},
			{"KSH", true, []string{"Pull / Pack / Ship"}},
		}},
	{"OPS", "Operations Support for Customer Service", model.TeamOperations,
		[]string{"Production coordination, procurement, order fulfilment & shipping, assembly, AR and credit support, shop"},
		[]string{"Order fulfilment & shipping: flex players, the newest of the new hires"},
		[]member{
			{"AA", false, []string{"Master Production Scheduling", "Lead-time expediting", "Directs production based on customer need"}},
			{"AN", false, []string{"Material Coordination", "RMAs"}},
			{"GR", false, []string{"Redistributed/BTO order writing"}},
			{"CI", false, []string{"Procurement"}},
			{"MT", false, []string{"Assembly (large, small, kits)"}},
			{"MA", false, []string{"AR and Credit Support"}},
		}},
	{"BRANCH", "Branches", model.TeamBranch,
		[]string{"Walk-in customers", "Future CS team members should be considered here", "Can write POs, but no longer deals with PO suggestions"},
		nil, nil},
	{"REPAIR", "Repair and Returns", model.TeamRepair,
		[]string{"A stepping-stone position", "Very standardized", "A place to kick the tires on a rising star", "Flex into a helper for any customer-service pod"},
		nil, nil},
}

func (b *builder) addTeams() error {
	for _, t := range teams {
		team := &model.Team{Code: t.code, Name: t.name, Kind: t.kind, Vision: lines(t.vision), Culture: lines(t.culture), Active: true}
		if err := b.s.SaveTeam(b.ctx, b.manager(), team); err != nil {
			return err
		}
		for _, m := range t.members {
			tm := &model.TeamMember{TeamID: team.ID, EmployeeID: b.people[m.initials].ID, PartTime: m.partTime}
			tm.SetRoles(m.roles)
			if err := b.s.SaveTeamMember(b.ctx, b.grantor(tm.EmployeeID), tm); err != nil {
				return err
			}
		}
	}
	return nil
}

func lines(ss []string) string { return strings.Join(ss, "\n") }
