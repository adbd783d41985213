package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
)

// ticketQuote is the quote part of a Quote ticket's detail: what was
// quoted (the lines in force, the total, the validity, the outcome) and
// the actions: record the quote, quote won, quote lost. The model decides
// each; a refusal shows under the detail's fields.
type ticketQuote struct {
	d      *ticketDetail
	box    *fyne.Container
	text   *widget.Label
	record *widget.Button
	won    *widget.Button
	lost   *widget.Button
	lines  []model.QuoteLine
	// form and wonForm are the dialogs open now, for tests.
	form    *quoteForm
	wonForm *quoteWonForm
}

func newTicketQuote(d *ticketDetail) *ticketQuote {
	q := &ticketQuote{d: d, text: widget.NewLabel("")}
	q.text.Wrapping = fyne.TextWrapWord
	q.record = widget.NewButton(lang.L("Record quote…"), q.onRecord)
	q.won = widget.NewButton(lang.L("Quote won…"), q.onWon)
	q.won.Importance = widget.HighImportance
	q.lost = widget.NewButton(lang.L("Quote lost…"), q.onLost)
	q.box = container.NewVBox(widget.NewLabelWithStyle(lang.L("Quote"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		q.text, container.NewHBox(q.record, q.won, q.lost))
	q.box.Hide()
	return q
}

// show fills the part from the ticket and its quote's lines; it is hidden
// for a ticket that records no quote.
func (q *ticketQuote) show(t *model.Ticket, lines []model.QuoteLine) {
	q.lines = lines
	if typ, _ := model.TicketTypeOf(t.Type); !typ.Quotes() {
		q.box.Hide()
		return
	}
	q.box.Show()
	var b strings.Builder
	if len(lines) == 0 {
		b.WriteString(lang.L("Nothing quoted yet."))
	}
	var total model.Money
	for _, l := range lines {
		name := ""
		if l.Product != nil {
			name = l.Product.Code + " " + l.Product.NameZH
		}
		fmt.Fprintf(&b, "%d. %s · %s %s × %s = %s\n", l.LineNo, name, l.Qty, lang.L(l.Unit), l.UnitPrice, l.Amount())
		total += l.Amount()
	}
	if len(lines) > 0 {
		b.WriteString(lang.L("Revision {{.Rev}}, total {{.Total}}, valid to {{.Date}}", map[string]any{
			"Rev": t.QuoteRev, "Total": model.FormatMoney(total, t.QuoteCurrency), "Date": t.QuoteValidTo.String()}))
	}
	switch t.QuoteOutcome {
	case model.QuoteWon:
		no := ""
		if t.Order != nil {
			no = t.Order.No
		}
		b.WriteString("\n" + lang.L("Won: order {{.Order}}", map[string]any{"Order": no}))
	case model.QuoteLost:
		b.WriteString("\n" + lang.L("Lost: {{.Reason}}", map[string]any{"Reason": t.QuoteLostReason}))
	}
	q.text.SetText(strings.TrimSpace(b.String()))
	open := t.QuoteOutcome == "" && t.Status != model.TicketCancelled
	for _, btn := range []*widget.Button{q.record, q.lost} {
		if open {
			btn.Enable()
		} else {
			btn.Disable()
		}
	}
	if open && len(lines) > 0 {
		q.won.Enable()
	} else {
		q.won.Disable()
	}
}

// onLost asks why the quote was lost.
func (q *ticketQuote) onLost() {
	d, t := q.d, q.d.ticket
	by := d.s.desk.Actor()
	r := askReason(d.s.win, &d.s.work, lang.L("Quote lost"), lang.L("Why did the customer not take the quote?"), func(reason string) error {
		_, err := d.s.store.ApplyTicket(context.Background(), by, t.ID, t.Version, func(t *model.Ticket, c model.Ctx) error { return t.LoseQuote(c, reason) })
		return err
	}, q.saved)
	r.confirm.SetText(lang.L("Quote lost"))
}

// saved shows the ticket as stored after a quote's step.
func (q *ticketQuote) saved() {
	s := q.d.s
	s.board.follow = q.d.ticket.ID
	s.reload()
	q.d.load()
}

// quoteWonForm asks how the customer's order came in; the model makes
// the order's intake draft from the quote.
type quoteWonForm struct {
	form    *FieldForm
	dlg     *dialog.CustomDialog
	channel *Select
	po      *Entry
	confirm *widget.Button
}

func (q *ticketQuote) onWon() {
	d, t := q.d, q.d.ticket
	f := &quoteWonForm{form: NewFieldForm(), po: NewEntry()}
	var channels []string
	for _, c := range model.Channels {
		channels = append(channels, lang.L(c.Name()))
	}
	f.channel = NewSelect(channels, nil)
	f.channel.SetSelectedIndex(len(model.Channels) - 1) // a quote is answered by e-mail most often
	f.form.Add("Channel", lang.L("Order came in by"), f.channel)
	f.form.Add("CustomerPO", lang.L("Customer PO"), f.po)
	note := widget.NewLabel(lang.L("The order's intake draft is made from the quote: its prices are checked against the price plan as any intake's."))
	note.Wrapping = fyne.TextWrapWord
	by := d.s.desk.Actor()
	submit := func() {
		in := model.QuoteWonInput{CustomerPO: f.po.Text}
		if i := f.channel.SelectedIndex(); i >= 0 {
			in.Channel = model.Channels[i]
		}
		// The quote's part then names the order made ("Won: order SO-…").
		submitDialog(&d.s.work, f.form, f.confirm, f.dlg, func(ctx context.Context) (*model.Ticket, error) {
			tk, _, err := d.s.store.WinQuote(ctx, by, t.ID, t.Version, in)
			return tk, err
		}, func(*model.Ticket) { q.saved() })
	}
	f.confirm = widget.NewButton(lang.L("Make the order"), submit)
	f.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dlg.Hide() })
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Quote won: {{.No}}", map[string]any{"No": t.No}),
		container.NewVBox(note, f.form.Content()), d.s.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.confirm})
	f.dlg.Resize(fyne.NewSize(520, f.dlg.MinSize().Height))
	q.wonForm = f
	showEscapable(d.s.win, f.dlg)
}
