package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// savedDoc says where a printed document went — the kept PDF's path —
// with buttons to open it again and to show its folder, and says so when
// no viewer could open it (the clerk then finds it in that folder).
type savedDoc struct {
	box     *fyne.Container
	path    *widget.Label
	open    *widget.Button
	folder  *widget.Button
	problem *widget.Label

	file string
	// opener hands a file or a folder to the system's viewer.
	opener func(path string) error
	// relayout lays out again the section holding box, whose height changes
	// when it is shown or hidden (a container does not tell its parent).
	relayout func()
}

func newSavedDoc(opener func(path string) error) *savedDoc {
	s := &savedDoc{path: widget.NewLabel(""), problem: newProblemLabel(), opener: opener}
	s.path.Wrapping = fyne.TextWrapBreak
	s.open = widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { s.opened(s.opener(s.file)) })
	s.folder = widget.NewButtonWithIcon(lang.L("Show in folder"), theme.FolderOpenIcon(), func() {
		s.opened(s.opener(filepath.Dir(s.file)))
	})
	s.box = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(s.open, s.folder), s.path), s.problem)
	s.box.Hide()
	return s
}

// show says the document was saved at path; openErr is what became of
// opening it (nil: it opened, or it was not asked to).
func (s *savedDoc) show(path string, openErr error) {
	s.file = path
	s.path.SetText(lang.L("Saved as {{.Path}}", map[string]any{"Path": path}))
	s.box.Show()
	s.opened(openErr)
	s.changed()
}

// changed lays out the section again after box was shown or hidden.
func (s *savedDoc) changed() {
	if s.relayout != nil {
		s.relayout()
	}
}

// opened says when the system could not open the document or its folder.
func (s *savedDoc) opened(err error) {
	if err == nil {
		setProblemText(s.problem, "")
		return
	}
	setProblemText(s.problem, lang.L("No viewer could open it ({{.Reason}}). Open the file from its folder: {{.Folder}}",
		map[string]any{"Reason": err.Error(), "Folder": filepath.Dir(s.file)}))
}

// hide takes the notice away (another order is shown).
func (s *savedDoc) hide() {
	if s.box.Visible() {
		s.box.Hide()
		s.changed()
	}
}
