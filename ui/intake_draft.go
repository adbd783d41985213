package ui

import (
	"context"
	"encoding/json"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// intakeDraft is the intake form as typed, kept as a model.Draft so that
// nothing is lost when the app is closed, crashes or is killed. It holds
// the texts as typed (a half-typed date too) and the ids of what was picked.
type intakeDraft struct {
	Channel       int
	CustomerID    uint
	CustomerText  string
	ContactID     uint
	SalespersonID uint
	Caller        string
	Callback      string
	PO            string
	Memo          string
	Payment       string
	Requested     string
	ShipTo        string
	Incoterm      model.DeliveryTerms
	Tolerance     string
	Packaging     string
	Special       string
	AnswerBy      string
	Lines         []draftLine
}

type draftLine struct {
	ID          uint
	ProductID   uint
	ProductText string
	Spec        string
	Qty         string
	Unit        int
	Price       string
	AutoPrice   bool
}

// snapshot returns the form as a draft.
func (f *intakeForm) snapshot() intakeDraft {
	d := intakeDraft{Channel: f.channel.SelectedIndex(), CustomerText: f.customer.Text, Caller: f.caller.Text,
		Callback: f.callback.Text, PO: f.po.Text, Memo: f.memo.Text, Payment: f.payment.Text, Requested: f.requested.Text,
		ShipTo: f.shipTo.Text, Tolerance: f.tolerance.Text, Packaging: f.packaging.Text, Special: f.special.Text,
		AnswerBy: f.answerBy.Text, Incoterm: f.incoterm.get()}
	if f.cust != nil {
		d.CustomerID = f.cust.ID
	}
	if i := f.contact.SelectedIndex(); i > 0 && i <= len(f.contacts) {
		d.ContactID = f.contacts[i-1].ID
	}
	if id := f.salespersonID(); id != nil {
		d.SalespersonID = *id
	}
	for _, l := range f.lines.rows {
		dl := draftLine{ID: l.id, ProductText: l.product.Text, Spec: l.spec.Text, Qty: l.qty.Text,
			Unit: l.unit.SelectedIndex(), Price: l.price.Text, AutoPrice: l.autoPrice}
		if l.prod != nil {
			dl.ProductID = l.prod.ID
		}
		d.Lines = append(d.Lines, dl)
	}
	return d
}

// saveDraftNow saves the clerk's draft if anything changed since the last one.
func (f *intakeForm) saveDraftNow() {
	f.timer.Stop()
	if !f.drafted || f.owner == nil {
		return
	}
	f.drafted = false
	d := f.snapshot()
	payload, err := json.Marshal(d)
	if err != nil {
		f.status.SetText(SayErr(err))
		return
	}
	title := fmt.Sprintf("%s · %d", d.CustomerText, len(d.Lines))
	by, key := f.owner.Actor(), draftKey(f.stored)
	f.work.Go(func() func() {
		err := f.store.SaveDraft(context.Background(), by, intakeDraftForm, key, title, string(payload))
		return func() {
			if err != nil {
				f.drafted = true
				f.status.SetText(lang.L("The draft could not be saved: {{.Problem}}", map[string]any{"Problem": SayErr(err)}))
			}
		}
	})
}

// restoreDraft reopens the clerk's draft of the form under key, if any.
func (f *intakeForm) restoreDraft(key string) {
	clerk := f.desk.Employee()
	if clerk == nil {
		return
	}
	f.work.Go(func() func() {
		ctx := context.Background()
		drafts, err := f.store.Drafts(ctx, clerk.ID, intakeDraftForm)
		var found *model.Draft
		for i := range drafts {
			if drafts[i].Key == key {
				found = &drafts[i]
			}
		}
		if err != nil || found == nil {
			return nil
		}
		var d intakeDraft
		if err := json.Unmarshal([]byte(found.Payload), &d); err != nil {
			return nil // a draft from an older form: nothing to restore
		}
		products := map[uint]*model.Product{}
		for _, l := range d.Lines {
			if l.ProductID != 0 && products[l.ProductID] == nil {
				if p, err := f.store.Product(ctx, l.ProductID); err == nil {
					products[l.ProductID] = p
				}
			}
		}
		savedAt := found.SavedAt.In(f.store.Location()).Format("2006-01-02 15:04")
		return func() {
			f.applyDraft(d, products)
			f.status.SetText(lang.L("Your draft of {{.Time}} was reopened.", map[string]any{"Time": savedAt}))
		}
	})
}

// applyDraft fills the form from a draft; the customer and the prices are
// looked up again.
func (f *intakeForm) applyDraft(d intakeDraft, products map[uint]*model.Product) {
	f.filling = true
	if d.Channel >= 0 {
		f.channel.SetSelectedIndex(d.Channel)
	}
	f.customer.setText(d.CustomerText)
	for e, text := range map[*Entry]string{f.caller: d.Caller, f.callback: d.Callback, f.po: d.PO, f.memo: d.Memo,
		f.payment: d.Payment, f.requested: d.Requested, f.shipTo: d.ShipTo, f.tolerance: d.Tolerance,
		f.packaging: d.Packaging, f.special: d.Special, f.answerBy: d.AnswerBy} {
		e.SetText(text)
	}
	f.incoterm.set(d.Incoterm)
	f.lines.clear()
	for i, dl := range d.Lines {
		l := f.lines.rows[0]
		if i > 0 {
			l = f.lines.append(-1)
		}
		l.id, l.prod = dl.ID, products[dl.ProductID]
		l.product.setText(dl.ProductText)
		l.spec.SetText(dl.Spec)
		l.qty.SetText(dl.Qty)
		if dl.Unit >= 0 {
			l.unit.SetSelectedIndex(dl.Unit)
		}
		l.price.SetText(dl.Price)
		l.autoPrice = dl.AutoPrice
	}
	f.filling = false
	if d.CustomerID != 0 {
		var sp *uint
		if d.SalespersonID != 0 {
			sp = &d.SalespersonID
		}
		f.loadCustomer(d.CustomerID, d.ContactID, sp, false) // looks the prices up again
	} else {
		f.lines.refreshPrices()
	}
	f.changed, f.drafted = true, false
	f.showMissing()
}
