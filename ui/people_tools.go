package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/csvio"
	"orderdesk/model"
)

// peopleTools are the People section's buttons beside the list (import and
// export the people as CSV) and below the groups (new, rename, deactivate
// and reactivate group).
// Exporting is for everyone; the rest only for a manager (setEditable),
// as the model allows.
type peopleTools struct {
	importer  *csvImport
	export    *widget.Button
	newGroup  *widget.Button
	editGroup *widget.Button
	// offGroup and onGroup deactivate and reactivate a group.
	offGroup, onGroup *widget.Button
	// docsDir is where the export is written (the documents folder).
	docsDir string
	// group is the open group dialog, for tests.
	group *groupDialog
	// active is the open deactivate or reactivate dialog, for tests.
	active *groupActiveDialog
	// exportPeople writes every person as CSV (csvio takes the whole store,
	// which the screen does not hold).
	exportPeople func(ctx context.Context, w io.Writer) (int, error)
}

func (s *peopleScreen) newTools(w fyne.Window, store *model.Store, desk *Desk) {
	s.tools.importer = newCSVImport(w, store, desk, &s.work, "people", lang.L("Import CSV…"), lang.L("Import people"),
		func() {
			s.list.Reload()
			if id := s.form.record().ID; id != 0 {
				s.reload(id) // the open person may be among the rows
			}
		})
	s.tools.export = widget.NewButtonWithIcon(lang.L("Export CSV"), theme.DocumentSaveIcon(), s.onExport)
	s.tools.newGroup = widget.NewButtonWithIcon(lang.L("New group…"), theme.ContentAddIcon(), func() { s.openGroupDialog(nil) })
	s.tools.editGroup = widget.NewButton(lang.L("Rename group…"), func() { s.openGroupDialog(s.all) })
	s.tools.offGroup = widget.NewButton(lang.L("Deactivate group…"), func() { s.openGroupActiveDialog(false) })
	s.tools.onGroup = widget.NewButton(lang.L("Reactivate group…"), func() { s.openGroupActiveDialog(true) })
	s.tools.docsDir = documentsDir()
	s.tools.exportPeople = func(ctx context.Context, w io.Writer) (int, error) { return csvio.ExportPeople(ctx, store, w) }
}

// onExport writes every person, inactive ones too, to a CSV file in the
// documents folder (UTF-8 with a byte-order mark, for Excel).
func (s *peopleScreen) onExport() {
	path := filepath.Join(s.tools.docsDir, "OrderDesk", "people", fmt.Sprintf("people-%s.csv", s.store.Today()))
	s.work.Go(func() func() {
		var n int
		err := writeFileAtomically(path, func(w io.Writer) (err error) {
			n, err = s.tools.exportPeople(context.Background(), w)
			return err
		})
		return func() {
			if err != nil {
				s.form.fields.SetOther(SayErr(err))
				return
			}
			s.form.status.SetText(lang.L("{{.N}} people written to {{.Path}}", map[string]any{"N": n, "Path": path}))
		}
	})
}

// groupDialog adds a group (groups nil) or renames one of groups.
type groupDialog struct {
	dialog  *dialog.CustomDialog
	which   *Select // the group renamed; nil when adding
	code    *Entry
	name    *Entry
	nameZH  *Entry
	problem *widget.Label
	save    *widget.Button
}

// openGroupDialog asks for a new group's code and names, or for the group
// to rename and its new names; the model checks and records the change.
func (s *peopleScreen) openGroupDialog(groups []model.Group) {
	g := &groupDialog{code: NewEntry(), name: NewEntry(), nameZH: NewEntry(), problem: newProblemLabel()}
	title := lang.L("New group")
	var chosen *model.Group
	rows := []fyne.CanvasObject{}
	if groups != nil {
		title = lang.L("Rename group")
		names := make([]string, len(groups))
		for i := range groups {
			names[i] = groups[i].Code + " " + groups[i].Display()
		}
		g.which = NewSelect(names, func(picked string) {
			for i := range names {
				if names[i] == picked {
					chosen = &groups[i]
					g.name.SetText(chosen.Name)
					g.nameZH.SetText(chosen.NameZH)
				}
			}
		})
		rows = append(rows, widget.NewLabel(lang.L("Group")), g.which)
	} else {
		g.code.SetPlaceHolder("QA")
		rows = append(rows, widget.NewLabel(lang.L("Code")), g.code)
	}
	rows = append(rows, widget.NewLabel(lang.L("Name")), g.name, widget.NewLabel(lang.L("Name (Chinese)")), g.nameZH)
	by := s.desk.Actor()
	g.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() {
		grp := &model.Group{Code: g.code.Text, Active: true}
		if g.which != nil {
			if chosen == nil {
				setProblemText(g.problem, lang.L("Choose the group to rename."))
				return
			}
			c := *chosen
			grp = &c
		}
		grp.Name, grp.NameZH = g.name.Text, g.nameZH.Text
		submitDialog(&s.work, problemLine{g.problem}, g.save, g.dialog,
			func(ctx context.Context) (*model.Group, error) { return grp, s.store.SaveGroup(ctx, by, grp) },
			func(grp *model.Group) {
				s.form.status.SetText(lang.L("Group {{.Group}} saved.", map[string]any{"Group": grp.Display()}))
				s.showGroups(s.form.record().ID)
			})
	})
	g.save.Importance = widget.HighImportance
	g.dialog = newRowsDialog(s.win, title, rows, g.problem, g.save, fyne.NewSize(440, 260))
	s.tools.group = g
	g.dialog.Show()
}
