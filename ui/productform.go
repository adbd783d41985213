package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// productForm edits every field of one model.Product, with the model's
// problems next to each field; the screen saves it.
type productForm struct {
	recordForm
	nameZH   *Entry
	nameEN   *Entry
	width    *Entry
	grammage *Entry
	length   *Entry
	core     *Entry
	colour   *Entry
	unit     *Select

	stored *model.Product
}

// unitName returns a unit code's name in the clerk's language.
func unitName(code string) string { return lang.L(model.UnitName(code)) }

func newProductForm() *productForm {
	units := make([]string, len(model.Units))
	for i, u := range model.Units {
		units[i] = unitName(u)
	}
	f := &productForm{
		recordForm: newRecordForm(model.OnProduct),
		nameZH:     NewEntry(), nameEN: NewEntry(), width: NewEntry(), grammage: NewEntry(),
		length: NewEntry(), core: NewEntry(), colour: NewEntry(),
		unit: NewSelect(units, nil),
	}
	f.code.SetPlaceHolder("P-80-1060")
	f.length.SetPlaceHolder(lang.L("0 for sheets"))
	f.core.SetPlaceHolder(lang.L("0 for sheets"))
	ff := f.fields
	ff.Add("Code", lang.L("Code"), f.code)
	ff.Add("NameZH", lang.L("Name (Chinese)"), f.nameZH)
	ff.Add("NameEN", lang.L("Name (English)"), f.nameEN)
	ff.Add("WidthMM", lang.L("Width (mm)"), f.width)
	ff.Add("Grammage", lang.L("Grammage (g/m²)"), f.grammage)
	ff.Add("LengthM", lang.L("Length (m)"), f.length)
	ff.Add("CoreMM", lang.L("Core (mm)"), f.core)
	ff.Add("ColourSpec", lang.L("Colour / print spec"), f.colour)
	ff.Add("Unit", lang.L("Unit"), f.unit)
	ff.Validate = func() model.FieldErrors {
		p, fe := f.read()
		return append(fe, p.Validate()...)
	}
	for name, e := range map[string]*Entry{"Code": f.code, "NameZH": f.nameZH, "NameEN": f.nameEN, "WidthMM": f.width,
		"Grammage": f.grammage, "LengthM": f.length, "CoreMM": f.core} {
		ff.Live(name, e)
	}
	f.load(model.NewProduct())
	return f
}

// load shows p and makes it what Cancel reverts to.
func (f *productForm) load(p *model.Product) {
	f.stored = p
	f.fill(p)
}

// record returns the product as stored.
func (f *productForm) record() *model.Product { return f.stored }

// fill puts p's values in the widgets.
func (f *productForm) fill(p *model.Product) {
	f.code.SetText(p.Code)
	f.nameZH.SetText(p.NameZH)
	f.nameEN.SetText(p.NameEN)
	f.width.SetText(numberText(p.WidthMM, p.IsNew()))
	f.grammage.SetText(numberText(p.Grammage, p.IsNew()))
	f.length.SetText(numberText(p.LengthM, p.IsNew()))
	f.core.SetText(numberText(p.CoreMM, p.IsNew()))
	f.colour.SetText(p.ColourSpec)
	f.unit.SetSelectedIndex(indexOf(model.Units, p.Unit))
}

// read returns the product as the form now stands, and the problems of
// reading the widgets themselves (letters in a number).
func (f *productForm) read() (*model.Product, model.FieldErrors) {
	p := *f.stored
	var fe model.FieldErrors
	number := func(field string, e *Entry) int {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return 0
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			fe.Add(field, "Enter a whole number.")
		}
		return n
	}
	p.Code = strings.ToUpper(strings.TrimSpace(f.code.Text))
	p.NameZH, p.NameEN = f.nameZH.Text, f.nameEN.Text
	p.WidthMM = number("WidthMM", f.width)
	p.Grammage = number("Grammage", f.grammage)
	p.LengthM = number("LengthM", f.length)
	p.CoreMM = number("CoreMM", f.core)
	p.ColourSpec = f.colour.Text
	p.Unit = ""
	if i := f.unit.SelectedIndex(); i >= 0 {
		p.Unit = model.Units[i]
	}
	return &p, fe
}

// dirty reports whether the form differs from what is stored.
func (f *productForm) dirty() bool {
	p, fe := f.read()
	return len(fe) > 0 || model.Changes(f.stored, p) != ""
}
