package ui

import (
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// incotermInput is a customer's or an order's delivery terms: the
// Incoterms 2020 rule chosen from the list (or none, for a domestic
// customer) and its named place typed beside it. Each is a field of its
// own form row, so the model's problem shows under the one it is about.
type incotermInput struct {
	code  *Select
	place *Entry
}

func newIncotermInput(changed func()) *incotermInput {
	in := &incotermInput{code: NewSelect(append([]string{lang.L("(none)")}, model.Incoterms...), nil), place: NewEntry()}
	in.place.SetPlaceHolder(lang.L("Named place, e.g. Keelung"))
	if changed != nil {
		in.code.OnChanged = func(string) { changed() }
		in.place.OnChanged = func(string) { changed() }
	}
	return in
}

// add puts the two rows on a form, under the model's field names.
func (in *incotermInput) add(ff *FieldForm) {
	ff.Add("Incoterm", lang.L("Delivery terms (Incoterm)"), in.code)
	ff.Add("IncotermPlace", lang.L("Named place"), in.place)
}

func (in *incotermInput) set(t model.DeliveryTerms) {
	i := indexOf(in.code.Options, t.Incoterm)
	if t.Incoterm == "" || i < 0 {
		i = 0
	}
	in.code.SetSelectedIndex(i)
	in.place.SetText(t.IncotermPlace)
}

func (in *incotermInput) get() model.DeliveryTerms {
	t := model.DeliveryTerms{IncotermPlace: in.place.Text}
	if i := in.code.SelectedIndex(); i > 0 {
		t.Incoterm = in.code.Options[i]
	}
	return t
}
