package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// contactsPanel lists the people at the open customer or vendor (a
// customer's signers first: the people whose signature or stamp on a
// confirmation is accepted), with buttons to add, edit and deactivate them.
type contactsPanel struct {
	heading *widget.Label
	rows    *fyne.Container
	add     *widget.Button
	empty   *widget.Label
	content fyne.CanvasObject

	win      fyne.Window
	store    contactsStore
	desk     *Desk
	work     *jobs
	owner    contactOwner
	ownerID  uint
	contacts []model.Contact
	editor   *contactDialog // the open dialog, for tests
}

// contactsStore is the store as a contacts panel uses it; a test hands it one that fails.
type contactsStore interface {
	SaveContact(ctx context.Context, by model.Actor, c *model.Contact) error
	SetContactActive(ctx context.Context, by model.Actor, id uint, active bool, reason string) error
}

// contactOwner is what the panel needs to know of a customer or a vendor.
type contactOwner struct {
	load       func(ctx context.Context, id uint) ([]model.Contact, error)
	newContact func(id uint) *model.Contact
	saveFirst  string // shown while the record is new
	signers    bool   // whether a contact may sign order confirmations
}

func newContactsPanel(w fyne.Window, store *model.Store, desk *Desk, work *jobs) *contactsPanel {
	return newOwnedContactsPanel(w, store, desk, work, contactOwner{load: store.ContactsOf,
		newContact: func(id uint) *model.Contact { return &model.Contact{CustomerID: &id, Active: true} },
		saveFirst:  lang.L("Save the customer first, then add the people you deal with."), signers: true})
}

// newVendorContactsPanel is the panel of a vendor's people.
func newVendorContactsPanel(w fyne.Window, store *model.Store, desk *Desk, work *jobs) *contactsPanel {
	return newOwnedContactsPanel(w, store, desk, work, contactOwner{load: store.VendorContacts,
		newContact: func(id uint) *model.Contact { return &model.Contact{VendorID: &id, Active: true} },
		saveFirst:  lang.L("Save the vendor first, then add the people you deal with.")})
}

func newOwnedContactsPanel(w fyne.Window, store *model.Store, desk *Desk, work *jobs, owner contactOwner) *contactsPanel {
	p := &contactsPanel{win: w, store: store, desk: desk, work: work, owner: owner,
		heading: widget.NewLabelWithStyle(lang.L("Contacts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		rows:    container.NewVBox(),
		empty:   widget.NewLabel(owner.saveFirst),
	}
	p.add = widget.NewButtonWithIcon(lang.L("Add contact"), theme.ContentAddIcon(), func() { p.edit(nil) })
	p.empty.Wrapping = fyne.TextWrapWord
	p.content = container.NewVBox(container.NewBorder(nil, nil, p.heading, p.add), p.empty, p.rows)
	p.show(0)
	return p
}

// show loads the contacts of a customer or vendor; 0 (a new one) shows none.
func (p *contactsPanel) show(ownerID uint) {
	p.ownerID = ownerID
	p.contacts = nil
	p.rows.RemoveAll()
	if ownerID == 0 {
		p.add.Disable()
		p.empty.SetText(p.owner.saveFirst)
		p.empty.Show()
		return
	}
	p.add.Enable()
	p.reload()
}

func (p *contactsPanel) reload() {
	id := p.ownerID
	p.work.Go(func() func() {
		contacts, err := p.owner.load(context.Background(), id)
		return func() {
			if id != p.ownerID {
				return // the clerk opened another record meanwhile
			}
			if err != nil {
				p.empty.SetText(SayLoadErr(err))
				p.empty.Show()
				return
			}
			p.contacts = contacts
			p.render()
		}
	})
}

func (p *contactsPanel) render() {
	p.rows.RemoveAll()
	if len(p.contacts) == 0 {
		p.empty.SetText(lang.L("No contacts yet."))
		p.empty.Show()
		return
	}
	p.empty.Hide()
	for i := range p.contacts {
		c := p.contacts[i]
		line := []string{c.Name}
		if c.Title != "" {
			line = append(line, c.Title)
		}
		for _, v := range []string{c.Phone, c.Mobile, c.Email} {
			if v != "" {
				line = append(line, v)
			}
		}
		text := strings.Join(line, " · ")
		if c.CanSign {
			text += "  ✔ " + lang.L("may sign confirmations")
		}
		label := widget.NewLabel(text)
		label.Truncation = fyne.TextTruncateEllipsis
		edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { p.edit(&c) })
		p.rows.Add(container.NewBorder(nil, nil, nil, edit, label))
	}
}

// edit opens the contact dialog for c, or for a new contact when c is nil.
func (p *contactsPanel) edit(c *model.Contact) {
	if c == nil {
		c = p.owner.newContact(p.ownerID)
	}
	p.editor = newContactDialog(contactHost{win: p.win, store: p.store, desk: p.desk, work: p.work, signers: p.owner.signers},
		c, func(*model.Contact) { p.reload() })
}

// contactHost is where a contact dialog opens and saves: the customer's
// or vendor's contacts panel, or the intake taking an order from a new
// contact.
type contactHost struct {
	win     fyne.Window
	store   contactsStore
	desk    *Desk
	work    *jobs
	signers bool // whether a contact may sign order confirmations
}

// contactDialog edits one contact, with the model's problems next to each field.
type contactDialog struct {
	name, title, phone, mobile, fax, email *Entry
	canSign                                *Check
	fields                                 *FieldForm
	save, deactivate, cancel               *widget.Button
	dialog                                 *dialog.CustomDialog
	reason                                 *reasonDialog // the open "why deactivate", for tests

	host   contactHost
	stored *model.Contact
	// saved is told of the contact saved, or nil once it is deactivated.
	saved func(*model.Contact)
}

func newContactDialog(p contactHost, c *model.Contact, saved func(*model.Contact)) *contactDialog {
	d := &contactDialog{host: p, stored: c, saved: saved, fields: NewFieldForm(),
		name: NewEntry(), title: NewEntry(), phone: NewEntry(), mobile: NewEntry(), fax: NewEntry(), email: NewEntry(),
		canSign: NewCheck(lang.L("May sign or stamp order confirmations"), nil),
	}
	d.fields.Add("Name", lang.L("Name"), d.name)
	d.fields.Add("Title", lang.L("Job title"), d.title)
	d.fields.Add("Phone", lang.L("Phone"), d.phone)
	d.fields.Add("Mobile", lang.L("Mobile"), d.mobile)
	d.fields.Add("Fax", lang.L("Fax"), d.fax)
	d.fields.Add("Email", lang.L("E-mail"), d.email)
	if p.signers {
		d.fields.Add("CanSign", lang.L("Signature"), d.canSign)
	}
	d.fields.Validate = func() model.FieldErrors { return d.read().Validate() }
	for name, e := range map[string]*Entry{"Name": d.name, "Phone": d.phone, "Mobile": d.mobile, "Fax": d.fax, "Email": d.email} {
		d.fields.Live(name, e)
	}
	d.name.SetText(c.Name)
	d.title.SetText(c.Title)
	d.phone.SetText(c.Phone)
	d.mobile.SetText(c.Mobile)
	d.fax.SetText(c.Fax)
	d.email.SetText(c.Email)
	d.canSign.SetChecked(c.CanSign)

	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.onSave)
	d.save.Importance = widget.HighImportance
	d.cancel = widget.NewButton(lang.L("Cancel"), func() { d.dialog.Hide() })
	d.deactivate = widget.NewButton(lang.L("Deactivate"), d.onDeactivate)
	buttons := []fyne.CanvasObject{d.cancel, d.save}
	if !c.IsNew() {
		buttons = []fyne.CanvasObject{d.deactivate, d.cancel, d.save}
	}
	title := lang.L("New contact")
	if !c.IsNew() {
		title = lang.L("Contact {{.Name}}", map[string]any{"Name": c.Name})
	}
	d.dialog = dialog.NewCustomWithoutButtons(title, d.fields.Content(), p.win)
	d.dialog.SetButtons(buttons)
	d.dialog.Resize(fyne.NewSize(520, 460))
	showEscapable(p.win, d.dialog)
	p.win.Canvas().Focus(d.name)
	return d
}

func (d *contactDialog) read() *model.Contact {
	c := *d.stored
	c.Customer, c.Vendor = nil, nil
	c.Name, c.Title = d.name.Text, d.title.Text
	c.Phone, c.Mobile, c.Fax, c.Email = d.phone.Text, d.mobile.Text, d.fax.Text, strings.TrimSpace(d.email.Text)
	c.CanSign = d.canSign.Checked
	return &c
}

func (d *contactDialog) onSave() {
	if d.host.desk.Employee() == nil {
		d.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	c, by := d.read(), d.host.desk.Actor()
	submitDialog(d.host.work, d.fields, d.save, d.dialog,
		func(ctx context.Context) (*model.Contact, error) { return c, d.host.store.SaveContact(ctx, by, c) },
		d.saved)
}

func (d *contactDialog) onDeactivate() {
	if d.host.desk.Employee() == nil {
		d.fields.SetOther(lang.L("Say who you are first (Desk → Switch person)."))
		return
	}
	// The reason is asked over the contact dialog, which closes only once
	// the contact is deactivated: a cancelled reason leaves the edits typed.
	id, by, store := d.stored.ID, d.host.desk.Actor(), d.host.store
	d.reason = askReason(d.host.win, d.host.work, lang.L("Deactivate contact"),
		lang.L("Why is {{.Name}} no longer a contact? They stay in the history of past orders.", map[string]any{"Name": d.stored.Name}),
		func(reason string) error { return store.SetContactActive(context.Background(), by, id, false, reason) },
		func() { d.dialog.Hide(); d.saved(nil) })
}
