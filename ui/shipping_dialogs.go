package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// shipDialog is one action's dialog on the shipping screen: its fields, and
// Enter in a single-line field confirms. A refusal or a field problem stays
// in the dialog; a success closes it and reloads the lists.
type shipDialog struct {
	dialogFields
	s       *shippingScreen
	confirm *widget.Button
	cancel  *widget.Button
	dlg     *dialog.CustomDialog
	fe      model.FieldErrors
	// read reads the fields on the UI goroutine and returns the store call
	// to make off it; problems reading them go in d.fe.
	read func() func(ctx context.Context, by model.Actor) (*model.Shipment, error)
	// after runs on the UI goroutine once the store call succeeded.
	after func(sh *model.Shipment)
}

func (s *shippingScreen) newShipDialog(title, confirm string) *shipDialog {
	d := &shipDialog{s: s}
	d.dialogFields = newDialogFields(d.submit)
	d.confirm = widget.NewButton(confirm, d.submit)
	d.confirm.Importance = widget.HighImportance
	d.cancel = widget.NewButton(lang.L("Cancel"), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons(title, d.form.Content(), s.win)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	d.dlg.SetOnClosed(func() {
		if s.dialog == d {
			s.dialog = nil
		}
	})
	return d
}

func (d *shipDialog) multi(name, label string) *Entry {
	e := NewMultiLineEntry()
	d.entries[name] = e
	d.add(name, label, e)
	return e
}

// scanPicker adds the receipt scan's field: a path typed or pasted, or
// chosen with the file picker (Ctrl+O in the field, or the button).
func (d *shipDialog) scanPicker() *Entry {
	e := NewEntry()
	e.SetPlaceHolder(lang.L("Path of the scan or photo"))
	e.OnSubmitted = func(string) { d.submit() }
	d.entries["ScanPath"] = e
	choose := widget.NewButton(lang.L("Choose file…"), func() {
		fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			e.SetText(r.URI().Path())
			r.Close()
			d.s.win.Canvas().Focus(e)
		}, d.s.win)
		fd.Show()
	})
	d.add("ScanPath", lang.L("Receipt scan"), container.NewBorder(nil, nil, nil, choose, e))
	return e
}

func (d *shipDialog) date(e *Entry, field string) model.Date {
	v, err := model.ParseDate(strings.TrimSpace(e.Text))
	if err != nil && strings.TrimSpace(e.Text) != "" {
		d.fe.Add(field, "Enter a date as YYYY-MM-DD.")
	}
	return v
}

func (d *shipDialog) qty(e *Entry, field string) model.Qty {
	q, err := model.ParseQty(e.Text)
	if err != nil && strings.TrimSpace(e.Text) != "" {
		d.fe.Add(field, "Enter a quantity such as 120 or 12.5.")
	}
	return q
}

func (d *shipDialog) number(e *Entry, field string) int {
	n, ok := wholeNumber(e.Text)
	if !ok {
		d.fe.Add(field, "Enter a whole number.")
	}
	return n
}

// show opens the dialog with the keyboard in its first field.
func (d *shipDialog) show() {
	d.s.dialog = d
	d.dlg.Resize(fyne.NewSize(600, 200))
	showConfirmable(d.s.win, d.dlg, d.submit)
	if d.first != nil {
		d.s.win.Canvas().Focus(d.first)
	}
}

// submit runs the dialog's action as the clerk at the desk.
func (d *shipDialog) submit() {
	if d.confirm.Disabled() {
		return
	}
	d.fe = nil
	call := d.read()
	if len(d.fe) > 0 {
		d.form.ShowFieldErrors(d.fe)
		return
	}
	by := d.s.desk.Actor()
	submitDialog(&d.s.work, d.form, d.confirm, d.dlg,
		func(ctx context.Context) (*model.Shipment, error) { return call(ctx, by) },
		func(sh *model.Shipment) {
			if d.after != nil {
				d.after(sh)
			}
			d.s.changed(sh)
		})
}

// onShip records a shipment of the opened order (a row of "to ship", or a
// shipment whose order still has goods to ship).
func (s *shippingScreen) onShip() {
	if !s.may(model.ShipDoShip) {
		return
	}
	orderID := s.selected.OrderID
	s.work.Go(func() func() {
		ctx := context.Background()
		o, err := s.store.Order(ctx, orderID)
		var list []model.Shipment
		if err == nil {
			list, err = s.store.ShipmentsOf(ctx, orderID)
		}
		return func() {
			if err != nil {
				setProblemText(s.status, SayLoadErr(err))
				return
			}
			s.shipDialogFor(o, model.Remaining(o, list))
		}
	})
}

func (s *shippingScreen) shipDialogFor(o *model.Order, remaining map[int]model.Qty) {
	d := s.newShipDialog(lang.L("Record shipment of {{.No}}", map[string]any{"No": o.No}), lang.L("Record shipment"))
	form := newShipmentForm(d, o, remaining, s.store.Today())
	d.read = func() func(context.Context, model.Actor) (*model.Shipment, error) {
		in := form.input(d)
		return func(ctx context.Context, by model.Actor) (*model.Shipment, error) {
			return s.store.CreateShipment(ctx, by, in)
		}
	}
	d.show()
}

// onArrival records the arrival of the opened shipment, with the signed
// receipt and its scan when they are back.
func (s *shippingScreen) onArrival() {
	r := s.selected
	if !s.may(model.ShipDoArrival) {
		return
	}
	d := s.newShipDialog(lang.L("Arrival of {{.No}}", map[string]any{"No": r.No}), lang.L("Record arrival"))
	arrived := d.entry("ArrivedOn", lang.L("Arrived on"), s.store.Today().String())
	signedBy := d.entry("ReceiptSignedBy", lang.L("Receipt signed by (empty: not back yet)"), "")
	scan := d.scanPicker()
	problems := d.multi("Problems", lang.L("Problems in transit"))
	d.read = func() func(context.Context, model.Actor) (*model.Shipment, error) {
		in := model.ArrivalInput{ArrivedOn: d.date(arrived, "ArrivedOn"), ReceiptSignedBy: signedBy.Text,
			ScanPath: strings.TrimSpace(scan.Text), Problems: problems.Text}
		return func(ctx context.Context, by model.Actor) (*model.Shipment, error) {
			return s.store.RecordArrival(ctx, by, r.ID, r.Version, in)
		}
	}
	d.show()
}

// onReceipt records the signed arrival receipt of a shipment that arrived.
func (s *shippingScreen) onReceipt() {
	r := s.selected
	if !s.may(model.ShipDoReceipt) {
		return
	}
	d := s.newShipDialog(lang.L("Signed arrival receipt of {{.No}}", map[string]any{"No": r.No}), lang.L("Record receipt"))
	signedBy := d.entry("ReceiptSignedBy", lang.L("Receipt signed by"), "")
	scan := d.scanPicker()
	d.read = func() func(context.Context, model.Actor) (*model.Shipment, error) {
		name, path := signedBy.Text, strings.TrimSpace(scan.Text)
		return func(ctx context.Context, by model.Actor) (*model.Shipment, error) {
			return s.store.RecordReceipt(ctx, by, r.ID, r.Version, name, path)
		}
	}
	d.show()
}

// onVoid voids the opened shipment with a reason.
func (s *shippingScreen) onVoid() {
	r := s.selected
	if !s.may(model.ShipDoVoid) {
		return
	}
	d := s.newShipDialog(lang.L("Void {{.No}}", map[string]any{"No": r.No}), lang.L("Void"))
	d.confirm.Importance = widget.DangerImportance
	reason := d.entry("Reason", lang.L("Reason"), "")
	d.read = func() func(context.Context, model.Actor) (*model.Shipment, error) {
		text := reason.Text
		return func(ctx context.Context, by model.Actor) (*model.Shipment, error) {
			return s.store.VoidShipment(ctx, by, r.ID, r.Version, text)
		}
	}
	d.show()
}

// onFollowUp moves the day the clerk checks the arrival of the opened
// shipment, after calling the carrier or the customer.
func (s *shippingScreen) onFollowUp() {
	r := s.selected
	if !s.may(model.ShipDoFollowUp) {
		return
	}
	d := s.newShipDialog(lang.L("Follow up on {{.No}}", map[string]any{"No": r.No}), lang.L("Record"))
	on := d.entry("FollowUpOn", lang.L("Next follow-up on"), s.store.Today().AddDays(1).String())
	note := d.entry("Note", lang.L("Note"), "")
	d.read = func() func(context.Context, model.Actor) (*model.Shipment, error) {
		day, text := d.date(on, "FollowUpOn"), note.Text
		return func(ctx context.Context, by model.Actor) (*model.Shipment, error) {
			return s.store.SetShipmentFollowUp(ctx, by, r.ID, r.Version, day, text)
		}
	}
	d.show()
}

// onNoticeLegible asks whom the clerk spoke to, and records that the
// customer received the shipping notice legibly.
func (s *shippingScreen) onNoticeLegible() {
	r := s.selected
	if !s.may(model.ShipDoLegible) {
		return
	}
	d := s.newShipDialog(lang.L("Customer received the notice of {{.No}}", map[string]any{"No": r.No}), lang.L("Record"))
	who := d.entry("SpokeWith", lang.L("Spoke with"), "")
	d.read = func() func(context.Context, model.Actor) (*model.Shipment, error) {
		name := who.Text
		return func(ctx context.Context, by model.Actor) (*model.Shipment, error) {
			return s.store.RecordShippingNotice(ctx, by, r.ID, r.Version, model.NoticeLegible, model.Signer{Name: name}, "")
		}
	}
	d.show()
}

// onNoticeSent records that the shipping notice went to the customer.
func (s *shippingScreen) onNoticeSent() {
	r := s.selected
	if !s.may(model.ShipDoSent) {
		return
	}
	by := s.desk.Actor()
	s.work.Go(func() func() {
		sh, err := s.store.RecordShippingNotice(context.Background(), by, r.ID, r.Version, model.NoticeSend, model.Signer{}, "")
		return func() {
			if err != nil {
				setProblemText(s.status, SayErr(err))
				return
			}
			setProblemText(s.status, "")
			s.changed(sh)
		}
	})
}

// onRequest opens the order's shipment request on the order's detail,
// where the clerk re-checks address, receiver and contact (step 14).
func (s *shippingScreen) onRequest() {
	if s.may(model.ShipDoRequest) && s.openRequest != nil {
		s.openRequest(s.selected.OrderID)
	}
}
