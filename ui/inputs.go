package ui

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entry is a widget.Entry for OrderDesk's forms: the window's shortcuts
// (Ctrl+S, Ctrl+N…) and Esc work while the cursor is in it, Tab always moves
// to the next field (even in a multi-line address), and it can report
// leaving the field so a format can be checked then.
type Entry struct {
	widget.Entry
	// OnFocusLost is called when the cursor leaves the entry.
	OnFocusLost func()
	// OnDown is called on the Down key in a single-line entry (a search box
	// moves into its list).
	OnDown func()

	focused func() // set by a FieldForm to scroll the entry into view
	edited  func() // set by a FieldForm to clear a problem the clerk fixed
}

// NewEntry returns a single-line form entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns a multi-line form entry (addresses, notes).
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// AcceptsTab is false so Tab leaves a multi-line field: a clerk moving
// through the form by keyboard would otherwise be stuck in the address.
func (e *Entry) AcceptsTab() bool { return false }

// TypedShortcut hands the window's shortcuts to the window, the rest to the entry.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if !forwardShortcut(e, s) {
		defer e.tellEdited(e.Text)
		e.Entry.TypedShortcut(s)
	}
}

// TypedRune types into the entry, tells the form when its text changed and
// tells the idle lock the clerk is there.
func (e *Entry) TypedRune(r rune) {
	noteInput(e)
	defer e.tellEdited(e.Text)
	e.Entry.TypedRune(r)
}

// Tapped places the cursor, and tells the idle lock the clerk is there.
func (e *Entry) Tapped(ev *fyne.PointEvent) {
	noteInput(e)
	e.Entry.Tapped(ev)
}

// tellEdited tells the form the clerk changed the text that was before.
func (e *Entry) tellEdited(before string) {
	if e.edited != nil && e.Text != before {
		e.edited()
	}
}

// TypedKey handles Esc (cancel the edit) and Down, then the entry's own keys.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	noteInput(e)
	if forwardEscape(e, ev) {
		return
	}
	if ev.Name == fyne.KeyDown && !e.MultiLine && e.OnDown != nil {
		e.OnDown()
		return
	}
	defer e.tellEdited(e.Text)
	e.Entry.TypedKey(ev)
}

// FocusGained brings the entry into view when a form scrolls.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	if e.focused != nil {
		e.focused()
	}
}

func (e *Entry) onFocus(fn func()) { e.focused = fn }

// FocusLost tells OnFocusLost after the entry's own handling.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnFocusLost != nil {
		e.OnFocusLost()
	}
}

// Select is a widget.Select for forms: Esc reaches the window, and typing
// picks as it goes the option with a word starting with what was typed
// ("mat" picks Matt Chen; a letter typed again steps to the next one), so a
// tier, a person or a customer is chosen without the mouse.
type Select struct {
	widget.Select
	focused func()
	fit     bool // as wide as the longest option

	typed      string // typed so far, forgotten after a pause
	typedPause uiTimer
}

// typeAheadPause is the pause after which a select forgets what was typed.
const typeAheadPause = time.Second

// NewSelect returns a form select with options and a change handler.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options = options
	s.OnChanged = changed
	s.PlaceHolder = lang.L("Choose…")
	s.ExtendBaseWidget(s)
	return s
}

// fitOptions makes the select as wide as its longest option. Fyne sizes a
// select by its placeholder ("Choose…"), so the order list's view picker
// showed "Awaiting …" for "Awaiting sign-back". For a picker of a few fixed
// options: a list of people or customers would widen the whole form.
func (s *Select) fitOptions() *Select {
	s.fit = true
	return s
}

// MinSize is the select's own, or wide enough for the longest option after
// fitOptions.
func (s *Select) MinSize() fyne.Size {
	min := s.Select.MinSize()
	if !s.fit {
		return min
	}
	th := s.Theme()
	size := th.Size(theme.SizeNameText)
	longest := float32(0)
	for _, o := range s.Options {
		longest = max(longest, fyne.MeasureText(o, size, fyne.TextStyle{}).Width)
	}
	// The select's own chrome (its padding and the drop-down icon) is what
	// it adds to the placeholder; the label pads its text on both sides.
	chrome := min.Width - fyne.MeasureText(s.PlaceHolder, size, fyne.TextStyle{}).Width
	min.Width = max(min.Width, longest+chrome+2*th.Size(theme.SizeNameInnerPadding))
	return min
}

// TypedKey handles Esc, then the select's own keys (Space/Up/Down open the
// list, Left/Right step through it); a space while a name is being typed
// belongs to the name.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	noteInput(s)
	if ev.Name == fyne.KeySpace && s.typed != "" {
		return // a space inside a name being typed ("kevin s"): TypedRune has it
	}
	if !forwardEscape(s, ev) {
		s.Select.TypedKey(ev)
	}
}

// FocusGained brings the select into view when a form scrolls.
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	if s.focused != nil {
		s.focused()
	}
}

func (s *Select) onFocus(fn func()) { s.focused = fn }

// TypedRune adds r to what was typed and picks the option it finds.
func (s *Select) TypedRune(r rune) {
	if len(s.Options) == 0 || unicode.IsSpace(r) && s.typed == "" {
		return // a space first opens the list (TypedKey)
	}
	noteInput(s)
	s.typed += strings.ToLower(string(r))
	s.typedPause.reset(typeAheadPause, func() { s.typed = "" })
	if i := typeAhead(s.Options, s.typed, s.SelectedIndex()); i >= 0 && i != s.SelectedIndex() {
		s.SetSelectedIndex(i)
	}
}

// typeAhead finds the option for typed (lower case) from the option at
// current: the first with a word starting with typed, else one holding it
// anywhere; a single letter, or one letter typed again and again, steps to
// the next option with a word starting with it. -1 when none matches.
func typeAhead(options []string, typed string, current int) int {
	n := len(options)
	first := []rune(typed)[0]
	step := strings.Count(typed, string(first)) == utf8.RuneCountInString(typed)
	want, from := typed, max(current, 0)
	if step {
		want, from = string(first), current+1
	}
	for _, match := range []func(string) bool{
		func(o string) bool { return wordStarts(o, want) },
		func(o string) bool { return !step && strings.Contains(o, want) },
	} {
		for i := range n {
			j := ((from+i)%n + n) % n
			if match(strings.ToLower(options[j])) {
				return j
			}
		}
	}
	return -1
}

// wordStarts reports whether a word of option (lower case) starts with
// want: "chen yi-chun (yc)" for "yi", "yc" and "chen".
func wordStarts(option, want string) bool {
	for i := 0; i < len(option); {
		if strings.HasPrefix(option[i:], want) {
			return true
		}
		// The next word starts after a rune that is no letter or digit.
		j := strings.IndexFunc(option[i:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if j < 0 {
			return false
		}
		i += j + utf8.RuneLen([]rune(option[i+j:])[0])
	}
	return false
}

// Check is a widget.Check for forms whose Esc reaches the window.
type Check struct {
	widget.Check
	focused func()
}

// NewCheck returns a form check box.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey handles Esc, then the check's own keys.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	noteInput(c)
	if !forwardEscape(c, ev) {
		c.Check.TypedKey(ev)
	}
}

// Tapped toggles the box, and tells the idle lock the clerk is there.
func (c *Check) Tapped(ev *fyne.PointEvent) {
	noteInput(c)
	c.Check.Tapped(ev)
}

// FocusGained brings the check box into view when a form scrolls.
func (c *Check) FocusGained() {
	c.Check.FocusGained()
	if c.focused != nil {
		c.focused()
	}
}

func (c *Check) onFocus(fn func()) { c.focused = fn }
