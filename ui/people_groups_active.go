package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// groupActiveDialog deactivates one of the active groups (with a reason)
// or reactivates one of the inactive ones; the model decides who may and
// which group must stay (one that signs a gate).
type groupActiveDialog struct {
	dialog  *dialog.CustomDialog
	which   *Select
	reason  *Entry // nil when reactivating
	problem *widget.Label
	save    *widget.Button
}

// openGroupActiveDialog asks which group to deactivate (active false) or
// reactivate, reading the groups it offers off the UI goroutine first.
func (s *peopleScreen) openGroupActiveDialog(active bool) {
	s.work.Go(func() func() {
		ctx := context.Background()
		groups, err := s.store.Groups(ctx)
		if active {
			groups, err = s.store.InactiveGroups(ctx)
		}
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayLoadErr(err))
				return
			}
			if len(groups) == 0 && active {
				s.form.status.SetText(lang.L("No group is inactive."))
				return
			}
			s.showGroupActiveDialog(active, groups)
		}
	})
}

func (s *peopleScreen) showGroupActiveDialog(active bool, groups []model.Group) {
	g := &groupActiveDialog{problem: newProblemLabel()}
	names := make([]string, len(groups))
	for i := range groups {
		names[i] = groups[i].Code + " " + groups[i].Display()
	}
	g.which = NewSelect(names, nil)
	rows := []fyne.CanvasObject{widget.NewLabel(lang.L("Group")), g.which}
	title, verb := lang.L("Reactivate group"), lang.L("Reactivate")
	if !active {
		title, verb = lang.L("Deactivate group"), lang.L("Deactivate")
		g.reason = NewEntry()
		g.reason.SetPlaceHolder(lang.L("Why is the group no longer used?"))
		rows = append(rows, widget.NewLabel(lang.L("Reason")), g.reason)
	}
	by := s.desk.Actor()
	g.save = widget.NewButtonWithIcon(verb, theme.ConfirmIcon(), func() {
		i := g.which.SelectedIndex()
		if i < 0 {
			setProblemText(g.problem, lang.L("Choose the group."))
			return
		}
		grp, reason := groups[i], ""
		if g.reason != nil {
			reason = g.reason.Text
		}
		submitDialog(&s.work, problemLine{g.problem}, g.save, g.dialog,
			func(ctx context.Context) (struct{}, error) {
				return struct{}{}, s.store.SetGroupActive(ctx, by, grp.ID, active, reason)
			},
			func(struct{}) {
				msg := lang.L("Group {{.Group}} reactivated.", map[string]any{"Group": grp.Display()})
				if !active {
					msg = lang.L("Group {{.Group}} deactivated: its members keep their history, and it is offered nowhere.", map[string]any{"Group": grp.Display()})
				}
				s.form.status.SetText(msg)
				s.showGroups(s.form.record().ID)
			})
	})
	g.save.Importance = widget.HighImportance
	g.dialog = newRowsDialog(s.win, title, rows, g.problem, g.save, fyne.NewSize(480, 240))
	s.tools.active = g
	g.dialog.Show()
}
