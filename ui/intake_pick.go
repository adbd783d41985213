package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is a form Entry that lets its owner see a key first: the
// intake's lines grid uses it for Enter (add a line) and Delete (remove an
// empty line).
type keyEntry struct {
	Entry
	// onKey sees each key first and reports whether it handled it.
	onKey func(ev *fyne.KeyEvent) bool
	// self is the outermost widget, which the canvas knows.
	self fyne.CanvasObject
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.self = e
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey offers the key to onKey, passes Esc to the window, and the rest to the entry.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	if forwardEscape(e.self, ev) {
		return
	}
	e.Entry.Entry.TypedKey(ev)
}

// TypedShortcut hands the window's shortcuts to the window, the rest to the entry.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if !forwardShortcut(e.self, s) {
		e.Entry.Entry.TypedShortcut(s)
	}
}

// tapLabel is a label that can be clicked (a suggestion, an item of the
// completeness list) without being a Tab stop of its own.
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel(text string, tap func()) *tapLabel {
	l := &tapLabel{onTap: tap}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs the label's action.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// pickEntry is an autocomplete: as the clerk types, search finds
// suggestions (off the UI goroutine) shown under the entry; Down and Up move
// through them, Enter or a click picks one. The suggestions are part of the
// form, not a pop-up, so the cursor stays in the entry while they show.
type pickEntry struct {
	keyEntry
	box *fyne.Container
	// host holds box (see stack): the window has drawn it, so refreshing
	// it lays the suggestions out.
	host *fyne.Container

	// search is called with the text typed; it calls show with what it found.
	search func(text string)
	// picked is called with the index of the chosen suggestion.
	picked func(i int)
	// edited is called when the clerk changes the text after a pick.
	edited func(text string)

	options  []string
	sel      int
	quiet    bool // SetText from code: no search
	onChange func(string)
	timer    uiTimer // the pending search
}

func newPickEntry() *pickEntry {
	p := &pickEntry{box: container.NewVBox()}
	p.self = p
	p.box.Hide()
	p.ExtendBaseWidget(p)
	p.OnChanged = p.changed
	return p
}

// stack returns the column that holds the suggestions: above (the entry,
// or the row it is in), the suggestions, then below.
func (p *pickEntry) stack(above fyne.CanvasObject, below ...fyne.CanvasObject) *fyne.Container {
	p.host = container.NewVBox(append([]fyne.CanvasObject{above, p.box}, below...)...)
	return p.host
}

// setText puts text in the entry without searching.
func (p *pickEntry) setText(text string) {
	p.quiet = true
	p.SetText(text)
	p.quiet = false
	p.show(nil)
}

func (p *pickEntry) changed(text string) {
	if p.onChange != nil {
		p.onChange(text)
	}
	if p.quiet {
		return
	}
	if p.edited != nil {
		p.edited(text)
	}
	if p.search != nil {
		p.debounced(text)
	}
}

// debounced searches once typing pauses (DefaultDebounce), so the letters
// of a code typed quickly cost one search, not one each.
func (p *pickEntry) debounced(text string) {
	p.timer.reset(DefaultDebounce, func() {
		if p.Text == text {
			p.search(text)
		}
	})
}

// show lists the suggestions under the entry (none hides the list).
func (p *pickEntry) show(options []string) {
	p.options, p.sel = options, 0
	objs := make([]fyne.CanvasObject, len(options))
	for i, o := range options {
		i := i
		objs[i] = newTapLabel(o, func() { p.pick(i) })
	}
	p.box.Objects = objs
	if len(objs) == 0 {
		p.box.Hide()
	} else {
		p.box.Show()
		p.mark()
	}
	// The box starts hidden, the window learns of an object only when it
	// draws it, and Show tells nobody: refreshing the box itself reached
	// no window the first time it showed, so those suggestions stayed
	// undrawn until the next key redrew the form. Typed slowly, that key
	// came; a code typed (or scanned) within the pause before the search
	// showed nothing. The host is on screen: its refresh lays the box out
	// and redraws.
	if p.host != nil {
		p.host.Refresh()
	} else {
		p.box.Refresh()
	}
}

// mark shows which suggestion Enter would pick.
func (p *pickEntry) mark() {
	for i, o := range p.box.Objects {
		l := o.(*tapLabel)
		want := i == p.sel
		if l.TextStyle.Bold != want {
			l.TextStyle.Bold = want
			l.Importance = widget.MediumImportance
			if want {
				l.Importance = widget.HighImportance
			}
			l.Refresh()
		}
	}
}

func (p *pickEntry) pick(i int) {
	if i < 0 || i >= len(p.options) {
		return
	}
	p.show(nil)
	if p.picked != nil {
		p.picked(i)
	}
}

// TypedKey moves through the suggestions and picks one; other keys go to
// the entry (after onKey).
func (p *pickEntry) TypedKey(ev *fyne.KeyEvent) {
	if len(p.options) > 0 {
		switch ev.Name {
		case fyne.KeyDown:
			p.sel = (p.sel + 1) % len(p.options)
			p.mark()
			return
		case fyne.KeyUp:
			p.sel = (p.sel - 1 + len(p.options)) % len(p.options)
			p.mark()
			return
		case fyne.KeyReturn, fyne.KeyEnter:
			p.pick(p.sel)
			return
		case fyne.KeyEscape:
			p.show(nil)
			return
		}
	}
	p.keyEntry.TypedKey(ev)
}
