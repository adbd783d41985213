package ui

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"orderdesk/model"
	"orderdesk/service"
)

// boardTest is the Tickets section on a real store with a clerk at the desk.
type boardTest struct {
	*deskTest
	s     *ticketsScreen
	cust  *model.Customer
	tech  *model.Employee
	boss  *model.Employee
	store *model.Store
}

func newBoardTest(t *testing.T) *boardTest {
	t.Helper()
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Chen Yi-chun", "陳怡君", "YC", false)
	tech := addEmployee(t, store, "Tsai Ming", "蔡明", "TM", false)
	boss := addEmployee(t, store, "Wang Mei-ling", "王美玲", "ML", true)
	cust := addCustomer(t, store, "B001", "大同紙品行", "Datong Paper")
	d := newDeskTest(t, store, clerk)
	b := &boardTest{deskTest: d, s: d.shell.screens[SectionTickets].(*ticketsScreen), cust: cust, tech: tech, boss: boss, store: store}
	return b
}

// open shows the Tickets section and waits for the board.
func (b *boardTest) open() {
	b.shell.Show(SectionTickets)
	b.settle()
}

// ticket opens a ticket and runs rules on it, as other desks would have.
func (b *boardTest) ticket(typ, subject string, rules ...ticketRule) *model.Ticket {
	b.t.Helper()
	ctx := context.Background()
	tk, err := b.store.CreateTicket(ctx, b.clerk.Actor(), model.TicketInput{Type: typ, Subject: subject, CustomerID: &b.cust.ID})
	if err != nil {
		b.t.Fatal(err)
	}
	for _, r := range rules {
		if tk, err = b.store.ApplyTicket(ctx, b.clerk.Actor(), tk.ID, 0, r); err != nil {
			b.t.Fatal(err)
		}
	}
	return tk
}

func (b *boardTest) inHouse(t *model.Ticket, c model.Ctx) error {
	return t.AssignInHouse(c, b.clerk.ID)
}

func (b *boardTest) stored(id uint) *model.Ticket {
	b.t.Helper()
	tk, err := b.store.Ticket(context.Background(), id)
	if err != nil {
		b.t.Fatal(err)
	}
	return tk
}

// pickFirst picks the first card of the status's column with the arrows.
func (b *boardTest) pickFirst(st model.TicketStatus) {
	b.t.Helper()
	b.canvas().Focus(b.s.board)
	for b.s.board.selCol > int(st) {
		b.key(fyne.KeyLeft)
	}
	for b.s.board.selCol < int(st) {
		b.key(fyne.KeyRight)
	}
	b.key(fyne.KeyHome)
	if _, ok := b.s.board.selected(); !ok {
		b.t.Fatalf("no card picked in column %d", st)
	}
}

func (b *boardTest) column(st model.TicketStatus) []string {
	var nos []string
	for _, t := range b.s.board.cols[st].tickets {
		nos = append(nos, t.No)
	}
	return nos
}

// TestBoardHoldAsksForADueDate moves a card to Hold with the 6 key: the
// dialog asks for the new due date, refuses without one (the model's
// words), and the ticket lands on Hold with it.
func TestBoardHoldAsksForADueDate(t *testing.T) {
	b := newBoardTest(t)
	tk := b.ticket("QUESTION", "roll curl", b.inHouse)
	b.open()
	b.pickFirst(model.TicketInHouse)
	b.typeText("6")
	d := b.s.dialog
	if d == nil || d.to != model.TicketHold || b.focused() != d.entries["DueOn"] {
		t.Fatalf("moving to Hold did not ask for a due date (dialog %v)", d)
	}
	d.submit()
	b.settle()
	if got := d.form.Problem("DueOn"); got != "A ticket on hold needs a new due date after today." {
		t.Errorf("without a due date the dialog says %q", got)
	}
	if b.stored(tk.ID).Status != model.TicketInHouse {
		t.Fatal("moved without a due date")
	}
	b.typeText("2026-12-01")
	b.key(fyne.KeyReturn)
	b.settle()
	got := b.stored(tk.ID)
	if got.Status != model.TicketHold || got.DueOn.String() != "2026-12-01" || got.Priority != model.PriorityNA {
		t.Errorf("after the move: status %d due %s priority %d", got.Status, got.DueOn, got.Priority)
	}
	if b.s.dialog != nil {
		t.Error("the dialog stayed open")
	}
	if c := b.column(model.TicketHold); len(c) != 1 || c[0] != tk.No {
		t.Errorf("the Hold column shows %v", c)
	}
	if sel, ok := b.s.board.selected(); !ok || sel.ID != tk.ID {
		t.Errorf("the pick did not follow the moved card")
	}
}

// TestBoardCompleteWithoutResolutionIsRefused shows the model's reasons in
// the Completed dialog and leaves the ticket where it was.
func TestBoardCompleteWithoutResolutionIsRefused(t *testing.T) {
	b := newBoardTest(t)
	tk := b.ticket("QUESTION", "roll curl", b.inHouse)
	b.open()
	b.pickFirst(model.TicketInHouse)
	b.typeText("9")
	d := b.s.dialog
	if d == nil || d.to != model.TicketCompleted {
		t.Fatal("moving to Completed opened no dialog")
	}
	d.checks["ChargesChecked"].SetChecked(true)
	d.entries["ContractRef"].SetText("C-STD")
	d.submit()
	b.settle()
	if got := d.form.Problem("Resolution"); got != "Describe the resolution." {
		t.Errorf("without a resolution the dialog says %q", got)
	}
	if b.stored(tk.ID).Status != model.TicketInHouse || b.s.dialog != d {
		t.Fatal("completed without a resolution, or the dialog closed")
	}
	d.entries["Resolution"].SetText("re-wound the rolls")
	d.submit()
	b.settle()
	if got := b.stored(tk.ID); got.Status != model.TicketCompleted || got.Resolution != "re-wound the rolls" {
		t.Errorf("after completing: %d %q", got.Status, got.Resolution)
	}
	if n := b.s.board.cols[model.TicketCompleted].count; n != 1 {
		t.Errorf("the Completed column counts %d", n)
	}
}

// TestBoardKeyboardMoves moves with Ctrl+Right (in house → on site, whose
// dialog has the manager), and shows the refusal of Pending before FCI.
func TestBoardKeyboardMoves(t *testing.T) {
	b := newBoardTest(t)
	tk := b.ticket("COMPLAINT-CUSTOMER", "damaged roll edges", b.inHouse)
	b.open()
	b.pickFirst(model.TicketInHouse)
	b.shortcut(shortcutMoveRight)
	d := b.s.dialog
	if d == nil || d.to != model.TicketOnSite || d.personID("ManagerID") != b.clerk.ID {
		t.Fatalf("Ctrl+Right opened %+v", d)
	}
	d.selects["ManagerID"].SetSelected(b.tech.Display())
	d.submit()
	b.settle()
	if got := b.stored(tk.ID); got.Status != model.TicketOnSite || *got.ManagerID != b.tech.ID {
		t.Fatalf("after Ctrl+Right: status %d manager %v", got.Status, got.ManagerID)
	}
	if sel, ok := b.s.board.selected(); !ok || sel.ID != tk.ID || b.s.board.selCol != int(model.TicketOnSite) {
		t.Fatalf("the pick is at column %d", b.s.board.selCol)
	}
	b.canvas().Focus(b.s.board)
	b.typeText("4")
	b.settle()
	if !strings.Contains(b.s.status.Text, "Do the final check-in (FCI)") || !b.s.status.Visible() {
		t.Errorf("Pending before FCI shows %q", b.s.status.Text)
	}
	if b.stored(tk.ID).Status != model.TicketOnSite {
		t.Error("moved to Pending without FCI")
	}
	b.typeText("0")
	b.settle() // the model refuses it
	if !strings.Contains(b.s.status.Text, "does not go back to New") {
		t.Errorf("back to New shows %q", b.s.status.Text)
	}
	// Esc leaves the board's keyboard where it is; Enter opens the ticket with its history.
	b.key(fyne.KeyReturn)
	b.settle()
	if b.s.detail == nil || !strings.Contains(b.s.detail.history.Text, "status: 1 Assigned in house → 2 Assigned on site") {
		t.Fatalf("the detail's history: %v", b.s.detail)
	}
	b.s.detail.dlg.Hide()
}

// TestBoardCollapsedColumnsShowCounts: Cancelled and Completed show their
// counts without loading their cards, and open on a click.
func TestBoardCollapsedColumnsShowCounts(t *testing.T) {
	b := newBoardTest(t)
	b.ticket("QUOTE-LETTER", "quote sent")  // no response needed: completed at once
	b.ticket("SO-DOCUMENT", "PO confirmed") // likewise
	b.ticket("QUESTION", "typo", func(t *model.Ticket, c model.Ctx) error { return t.Cancel(c, "created in error") })
	b.ticket("QUESTION", "open one")
	b.open()
	for st, want := range map[model.TicketStatus]string{model.TicketCompleted: "9 Completed\n2", model.TicketCancelled: "8 Cancelled\n1"} {
		c := b.s.board.cols[st]
		if !c.collapsed || c.strip.Text != want || len(c.tickets) != 0 {
			t.Errorf("column %d: collapsed %v, strip %q, %d cards", st, c.collapsed, c.strip.Text, len(c.tickets))
		}
	}
	if c := b.s.board.cols[model.TicketNew]; c.title.Text != "0 New" || c.counter.Text != "1" {
		t.Errorf("the New column's title %q %q", c.title.Text, c.counter.Text)
	}
	b.s.board.cols[model.TicketCompleted].strip.OnTapped()
	b.settle()
	if got := b.column(model.TicketCompleted); len(got) != 2 {
		t.Errorf("the opened Completed column shows %v", got)
	}
}

// TestBoardFiltersAndMyTickets narrows the board by manager ("my
// tickets"), type, text and overdue.
func TestBoardFiltersAndMyTickets(t *testing.T) {
	b := newBoardTest(t)
	mine := b.ticket("QUESTION", "roll curl", b.inHouse)
	b.ticket("TASK", "tech's task", func(t *model.Ticket, c model.Ctx) error { return t.AssignInHouse(c, b.tech.ID) })
	late := b.ticket("TASK", "late one", b.inHouse)
	if _, err := b.store.ApplyTicket(context.Background(), b.clerk.Actor(), late.ID, 0, func(t *model.Ticket, c model.Ctx) error {
		t.DueOn = model.NewDate(2026, 11, 1) // as an old ticket's due date would be
		return t.SetPriority(c, model.PriorityHigh)
	}); err != nil {
		t.Fatal(err)
	}
	b.open()
	if got := b.column(model.TicketInHouse); len(got) != 3 {
		t.Fatalf("unfiltered: %v", got)
	}
	b.s.mine.SetChecked(true)
	b.settle()
	if got := b.s.board.cols[model.TicketInHouse].count; got != 2 {
		t.Errorf("my tickets: %d", got)
	}
	b.s.typ.SetSelected(typeNameOf("QUESTION"))
	b.settle()
	if got := b.column(model.TicketInHouse); len(got) != 1 || got[0] != mine.No {
		t.Errorf("my questions: %v", got)
	}
	// two filters in a row: the first one's reload lands meanwhile
	b.s.typ.SetSelectedIndex(0)
	b.s.overdue.SetChecked(true)
	b.settle()
	if got := b.column(model.TicketInHouse); len(got) != 1 || got[0] != late.No {
		t.Errorf("my overdue tickets: %v", got)
	}
	b.s.overdue.SetChecked(false)
	b.s.mine.SetChecked(false)
	b.s.search.SetText("tech")
	b.settle()
	if got := b.s.board.cols[model.TicketInHouse].count; got != 1 {
		t.Errorf("searching: %d", got)
	}
}

// TestBoardNewTicket opens a ticket from the form with Ctrl+N.
func TestBoardNewTicket(t *testing.T) {
	b := newBoardTest(t)
	b.open()
	b.s.OnNew()
	f := b.s.newForm
	f.submit()
	b.settle()
	if f.form.Problem("Type") == "" || f.form.Problem("Subject") == "" {
		t.Errorf("an empty form was not refused: %q %q", f.form.Problem("Type"), f.form.Problem("Subject"))
	}
	f.typ.SetSelected(typeNameOf("SO-STATUS"))
	f.subject.SetText("Where is my kraft order?")
	f.customer.SetText("B001")
	f.due.SetText("2026-11-25")
	f.submit()
	b.settle()
	if b.s.newForm != nil {
		t.Fatalf("the form stayed open: %q", f.form.Other.Text)
	}
	got := b.column(model.TicketNew)
	if len(got) != 1 {
		t.Fatalf("the New column shows %v", got)
	}
	tk := b.s.board.cols[model.TicketNew].tickets[0]
	if tk.Type != "SO-STATUS" || tk.Customer == nil || tk.Customer.Code != "B001" || tk.DueOn.String() != "2026-11-25" {
		t.Errorf("opened %+v", tk)
	}
}

// TestBoardDragOntoAColumn drops a card on the Hold column, which asks for
// the due date as the keyboard move does, and on the collapsed Cancelled
// strip, which asks for the reason.
func TestBoardDragOntoAColumn(t *testing.T) {
	b := newBoardTest(t)
	b.ticket("QUESTION", "roll curl", b.inHouse)
	b.open()
	board := b.s.board
	card := newTicketCard(board, int(model.TicketInHouse))
	card.set(0, &board.cols[model.TicketInHouse].tickets[0], false)
	drop := func(obj fyne.CanvasObject) {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(obj).AddXY(10, 10)
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: at}})
		card.DragEnd()
		b.settle()
	}
	drop(board.cols[model.TicketHold].box)
	if d := b.s.dialog; d == nil || d.to != model.TicketHold {
		t.Fatalf("dropping on Hold opened %v", d)
	}
	b.s.dialog.dlg.Hide()
	drop(board.cols[model.TicketCancelled].strip)
	if d := b.s.dialog; d == nil || d.to != model.TicketCancelled {
		t.Fatalf("dropping on Cancelled opened %v", d)
	}
	b.s.dialog.dlg.Hide()
}

// TestBoardWatchesTheMailFolder: an e-mail saved in the desk's watched
// folder becomes a New ticket on the board, and the board says so.
func TestBoardWatchesTheMailFolder(t *testing.T) {
	b := newBoardTest(t)
	b.open()
	dir := t.TempDir()
	mail := "From: buyer@example.com\r\nSubject: 牛皮紙報價 / kraft quote\r\n\r\n請報價 120g 50 捲。\r\n"
	if err := os.WriteFile(filepath.Join(dir, "quote.eml"), []byte(mail), 0o600); err != nil {
		t.Fatal(err)
	}
	b.s.settings.SetMailFolder(dir)
	b.shell.sched.RunNow(service.JobMail) // the minute's look
	b.settle()
	queue, _ := b.store.Tickets(context.Background(), model.TicketFilter{NewQueue: true, Text: "kraft quote"})
	if len(queue) != 1 {
		t.Fatalf("%d tickets from the e-mail, want 1", len(queue))
	}
	if !strings.Contains(b.s.status.Text, "1 e-mails became new tickets.") {
		t.Errorf("the board says %q", b.s.status.Text)
	}
	if _, err := os.Stat(filepath.Join(dir, "processed", "quote.eml")); err != nil {
		t.Errorf("the e-mail was not moved to processed/: %v", err)
	}
}

// TestBoardHeadingsReadWhole: every open column's heading reads whole at
// 1280 and at 1024 wide (English; the Chinese names are shorter, seen in
// the window): "1 Assigned in house" and "2 Assigned on site" both read
// "1 Assigne…" at 1280 with the count beside them; the board says the
// short names and puts the count under them.
func TestBoardHeadingsReadWhole(t *testing.T) {
	for _, width := range []float32{1280, 1024} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			b := newBoardTest(t)
			b.ticket("QUESTION", "open one")
			b.open()
			b.win.Resize(fyne.NewSize(width, 768))
			b.settle()
			for _, c := range b.s.board.cols {
				if c.status.Closed() {
					continue
				}
				// boldWidth allows a pixel for an ellipsis's rounding; the
				// heading is not cut, so its text's own width will do.
				if got, need := c.title.Size().Width, boldWidth(c.title.Text)-1; got < need || c.title.Truncation != fyne.TextTruncateOff {
					t.Errorf("%q has %.0f px, needs %.0f", c.title.Text, got, need)
				}
			}
		})
	}
}

// TestCardTextFits: a card's text is cut at a word or character with
// "…", never inside a number, and is left out when nothing of it fits (a
// lone "…" beside the ticket's number read as part of it).
func TestCardTextFits(t *testing.T) {
	test.NewTempApp(t)
	txt := canvas.NewText("", color.White)
	full := fyne.MeasureText("Normal", txt.TextSize, txt.TextStyle).Width
	for _, tc := range []struct {
		text string
		w    float32
		want string
	}{
		{"Normal", full, "Normal"},
		{"Normal", full - 1, "Nor…"},
		{"Normal", 4, ""},
		{"Quote #53379", fyne.MeasureText("Quote #5337", txt.TextSize, txt.TextStyle).Width, "Quote #…"},
	} {
		if got := fit(tc.text, tc.w, txt); got != tc.want {
			t.Errorf("fit(%q, %.0f) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
	}
}

// TestBoardCustomerFilterNamesAnUnknownCode: a code no customer has is
// said as such in the board's status line, where it can be read (it was
// set on a line laid out 0 px wide); a known one filters the board.
func TestBoardCustomerFilterNamesAnUnknownCode(t *testing.T) {
	b := newBoardTest(t)
	b.open()
	b.do(func() { b.s.customer.SetText("Z999"); b.s.findCustomer() })
	if got := b.s.status.Text; got != "No customer has the code Z999." || b.s.customerID != nil {
		t.Errorf("Z999: %q, filter %v", got, b.s.customerID)
	}
	if w := b.s.status.Size().Width; w < wholeWidth(b.s.status.Text) {
		t.Errorf("the status line is %.0f px wide, its sentence needs %.0f", w, wholeWidth(b.s.status.Text))
	}
	b.do(func() { b.s.customer.SetText("B001"); b.s.findCustomer() })
	if b.s.customerID == nil || *b.s.customerID != b.cust.ID {
		t.Errorf("B001 filters customer %v, want %d", b.s.customerID, b.cust.ID)
	}
}
