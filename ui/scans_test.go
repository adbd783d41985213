package ui

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/reports"
)

// textDecode reads a test "scan" whose pages are lines of barcode text
// (SO-…/R2); "-" is a page without a code. Reading real fax images is the
// scan package's, tested there.
func textDecode(data []byte) ([]model.PageCode, error) {
	if strings.HasPrefix(string(data), "broken") {
		return nil, errors.New("not a PDF, TIFF, PNG or JPEG")
	}
	var out []model.PageCode
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		no, rev, ok := strings.Cut(l, "/R")
		n, _ := strconv.Atoi(rev)
		if !ok {
			out = append(out, model.PageCode{Err: errors.New("no barcode")})
			continue
		}
		out = append(out, model.PageCode{Order: no, Rev: n})
	}
	return out, nil
}

// scanFile writes a returned "scan" to drop on the window.
func scanFile(t *testing.T, name, text string) fyne.URI {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return storage.NewFileURI(p)
}

// TestDroppedScansAndUnmatchedReturns drops returned confirmations on the
// window: the current revision's page signs its order back; a blank page
// and an old revision's page wait on the Unmatched returns tab with the
// reason, where the clerk opens one, assigns it to its order (a wrong
// number refused) and sets the other aside with a reason (kept). A text
// file is not taken.
func TestDroppedScansAndUnmatchedReturns(t *testing.T) {
	store := demoOffice(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", func(c *model.Customer) { c.DepositPercent = 0 })
	first := f.faxed(f.checked(f.intake(c, 100, "WF-80-787")))
	second := f.faxed(f.checked(f.intake(c, 100, "WF-80-787")))
	d := newItemsDesk(t, store, f.clerk)
	d.shell.scanDecode = textDecode
	u := d.sec.unmatched
	drop := func(uris ...fyne.URI) {
		d.do(func() { d.shell.droppedOnWindow(fyne.Position{}, uris) })
	}

	drop(scanFile(t, "notes.txt", first.No+"/R1"))
	if d.shell.tabs.SelectedIndex() == SectionActionItems || len(u.scans) != 0 {
		t.Fatal("a text file was taken as a returned scan")
	}

	code := first.No + "/R" + strconv.Itoa(first.CurrentRev)
	drop(scanFile(t, "fax-0412.PDF", "-\n"+code))
	if d.shell.tabs.SelectedIndex() != SectionActionItems || d.sec.tabs.Selected().Text != "Unmatched returns" {
		t.Fatalf("the drop did not show the Unmatched returns tab")
	}
	if want := first.No + " rev " + strconv.Itoa(first.CurrentRev) + " signed back, scan attached."; u.status.Text != want {
		t.Errorf("status %q, want %q", u.status.Text, want)
	}
	if got, _ := store.Order(context.Background(), first.ID); got.SignedBackAt == nil {
		t.Error("the dropped scan did not sign the order back")
	}

	drop(scanFile(t, "blank.png", "-"), scanFile(t, "old.tif", second.No+"/R9"))
	if len(u.scans) != 2 || u.scans[0].FileName != "blank.png" {
		t.Fatalf("unmatched list: %+v", u.scans)
	}
	if !strings.Contains(u.status.Text, "blank.png is on the Unmatched returns list: no OrderDesk barcode on any page") {
		t.Errorf("status %q", u.status.Text)
	}
	if got := Say(u.scans[1].Reason()); !strings.Contains(got, "revision 9 of "+second.No+" is not the current one") {
		t.Errorf("reason of the old revision: %q", got)
	}

	// The clerk opens the old revision's page and gives it to its order.
	var opened string
	u.openFile = func(p string) error { opened = p; return nil }
	d.do(func() { u.list.Select(1) })
	d.do(func() { test.Tap(u.open) })
	if opened == "" || opened != u.scans[1].StoredPath {
		t.Errorf("opened %q, want %q", opened, u.scans[1].StoredPath)
	}
	d.do(func() { u.orderNo.SetText("SO-2026-99999"); test.Tap(u.assign) })
	if !strings.Contains(u.status.Text, "no order SO-2026-99999 in this office") || len(u.scans) != 2 {
		t.Fatalf("wrong number: status %q, %d unmatched", u.status.Text, len(u.scans))
	}
	d.do(func() { u.orderNo.SetText(second.No); test.Tap(u.assign) })
	if len(u.scans) != 1 || !strings.Contains(u.status.Text, "signed back, scan attached") {
		t.Fatalf("assign: status %q, %d unmatched", u.status.Text, len(u.scans))
	}
	if scans, _ := store.ScansOf(context.Background(), second.ID); len(scans) != 1 || scans[0].Status != model.ScanAssigned {
		t.Errorf("scans of %s: %+v", second.No, scans)
	}

	// The blank page is set aside: a reason is asked for, the scan kept.
	id := u.scans[0].ID
	d.do(func() { u.list.Select(0) })
	d.do(func() { test.Tap(u.discard) })
	dlg := u.reason
	d.do(func() { test.Tap(dlg.confirm) })
	if !dlg.problem.Visible() || len(u.scans) != 1 {
		t.Fatalf("set aside without a reason: problem %q", dlg.problem.Text)
	}
	d.do(func() { dlg.reason.SetText("blank page from the fax"); test.Tap(dlg.confirm) })
	if len(u.scans) != 0 {
		t.Fatalf("%d unmatched after setting aside", len(u.scans))
	}
	// Kept, as set aside: setting it aside again is refused as such.
	if err := store.DiscardScan(context.Background(), f.clerk.Actor(), id, "again"); err == nil || !strings.Contains(SayErr(err), "discarded already") {
		t.Errorf("the set-aside scan: %v", err)
	}
}

// TestOrderDetailShowsReturnedScan: beside the sign-back gate, the order
// shows the scan that signed it back, when it arrived, and opens it.
func TestOrderDetailShowsReturnedScan(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", func(c *model.Customer) { c.DepositPercent = 0 })
	order := f.faxed(f.checked(f.intake(c, 100, "WF-80-787")))
	arrived := store.Now().Add(-time.Hour)
	code := order.No + "/R" + strconv.Itoa(order.CurrentRev)
	res, err := store.ImportScan(context.Background(), model.System, model.ScanFile{Name: "fax.tif", Data: []byte(code), Arrived: arrived}, textDecode)
	if err != nil || res.Status != model.ScanMatched {
		t.Fatalf("import: %+v %v", res, err)
	}
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	var opened []string
	d.openFile = func(p string) error { opened = append(opened, p); return nil }

	want := "Signed back by scan, arrived " + arrived.In(store.Location()).Format("2006-01-02 15:04")
	var open *widget.Button
	after := ""
	for i, row := range d.gates.Objects {
		for _, obj := range row.(*fyne.Container).Objects {
			if l, ok := obj.(*widget.Label); ok && l.Text == want {
				prev := d.gates.Objects[i-1].(*fyne.Container).Objects
				for _, p := range prev {
					if rt, ok := p.(*widget.RichText); ok {
						after = rt.String()
					}
				}
			}
			if c, ok := obj.(*fyne.Container); ok && len(c.Objects) == 1 {
				obj = c.Objects[0] // the button, centred beside the thumbnail
			}
			if b, ok := obj.(*widget.Button); ok && b.Text == "Open scan" {
				open = b
			}
		}
	}
	if open == nil || !strings.HasPrefix(after, "Signed confirmation") {
		t.Fatalf("no %q with its Open scan button after the sign-back gate (row before: %q)", want, after)
	}
	o.do(func() { test.Tap(open) })
	scans, _ := store.ScansOf(context.Background(), order.ID)
	if len(opened) != 1 || len(scans) != 1 || opened[0] != scans[0].StoredPath {
		t.Errorf("opened %v, want the stored scan %+v", opened, scans)
	}
}

// TestQueueSignatureCheckOneKey: the "check the signature" item a scanned
// sign-back gives the clerk opens its scan with O (and its button) and is
// confirmed with the one key D, whose button says so; the order's history
// then says who checked the signature.
func TestQueueSignatureCheckOneKey(t *testing.T) {
	store := demoOffice(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", func(c *model.Customer) { c.DepositPercent = 0 })
	order := f.faxed(f.checked(f.intake(c, 100, "WF-80-787")))
	code := order.No + "/R" + strconv.Itoa(order.CurrentRev)
	if res, err := store.ImportScan(context.Background(), model.System, model.ScanFile{Name: "fax-0412.tif", Data: []byte(code), Arrived: store.Now()}, textDecode); err != nil || res.Status != model.ScanMatched {
		t.Fatalf("import: %+v %v", res, err)
	}
	d := newItemsDesk(t, store, f.clerk)
	d.do(func() { d.shell.Show(SectionActionItems) })
	q := d.sec.queues
	var opened []string
	q.openFile = func(p string) error { opened = append(opened, p); return nil }
	at := -1
	for i, n := range q.items {
		if strings.Contains(n.Title, "Check the signature: "+order.No) {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no signature check in the clerk's queue: %q", queueTitles(q))
	}
	d.do(func() { q.list.Highlight(at); q.showItem(at) })
	if q.done.Text != "Signature checked (D)" || !q.openScan.Visible() || q.openScan.Disabled() {
		t.Fatalf("buttons: done %q, open scan visible %v disabled %v", q.done.Text, q.openScan.Visible(), q.openScan.Disabled())
	}
	scans, _ := store.ScansOf(context.Background(), order.ID)
	d.do(func() { q.list.TypedRune('o') })
	d.do(func() { test.Tap(q.openScan) })
	if len(scans) != 1 || len(opened) != 2 || opened[0] != scans[0].StoredPath || opened[1] != opened[0] {
		t.Errorf("opened %q, want the stored scan twice (O, then the button)", opened)
	}

	d.do(func() { q.list.TypedRune('d') })
	for _, n := range q.items {
		if strings.Contains(n.Title, "Check the signature: "+order.No) {
			t.Fatal("the checked signature is still in the queue")
		}
	}
	evs, err := store.EventsFor(context.Background(), "order", order.ID)
	if err != nil {
		t.Fatal(err)
	}
	checked := ""
	for _, e := range evs {
		if e.Action == model.OrdSignatureChecked {
			checked = e.By + ": " + e.English()
		}
	}
	if !strings.Contains(checked, f.clerk.Actor().Name+": signature on the returned scan of revision "+strconv.Itoa(order.CurrentRev)+" checked by "+f.clerk.Actor().Name) {
		t.Errorf("order's history of the check: %q", checked)
	}
	if len(q.items) > 0 {
		d.do(func() { q.showItem(0) })
		if _, _, sig := q.items[0].SignatureCheck(); !sig && (q.done.Text != "Done (D)" || q.openScan.Visible()) {
			t.Errorf("another item: done %q, open scan visible %v", q.done.Text, q.openScan.Visible())
		}
	}
}

// TestOrderDetailShowsScanThumbnail: beside the sign-back gate the order
// shows the first page of its returned scan, small, which opens the file
// when clicked; once released, the production copy printed from the
// window notes "signed back, scan attached" with the file's name.
func TestOrderDetailShowsScanThumbnail(t *testing.T) {
	store := demoStore(t, 0)
	f := newOrderFixture(t, store)
	c := f.customer("B001", func(c *model.Customer) { c.DepositPercent = 0 })
	order := f.faxed(f.checked(f.intake(c, 100, "WF-80-787")))
	// A scanned page: white, a black signature stroke across its top half.
	page := image.NewGray(image.Rect(0, 0, 800, 1100))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	for y := 100; y < 500; y++ {
		for x := 100; x < 700; x++ {
			page.Pix[y*page.Stride+x] = 0
		}
	}
	var png1 bytes.Buffer
	if err := png.Encode(&png1, page); err != nil {
		t.Fatal(err)
	}
	ours := func([]byte) ([]model.PageCode, error) {
		return []model.PageCode{{Order: order.No, Rev: order.CurrentRev}}, nil
	}
	if res, err := store.ImportScan(context.Background(), model.System, model.ScanFile{Name: "signed.png", Data: png1.Bytes(), Arrived: store.Now()}, ours); err != nil || res.Status != model.ScanMatched {
		t.Fatalf("import: %+v %v", res, err)
	}
	o := newOrderDesk(t, store, f.clerk)
	d := o.open(order.ID)
	var opened []string
	d.openFile = func(p string) error { opened = append(opened, p); return nil }

	var thumb *scanThumb
	for i, row := range d.gates.Objects {
		for _, obj := range row.(*fyne.Container).Objects {
			if th, ok := obj.(*scanThumb); ok {
				thumb = th
				gate := ""
				for _, p := range d.gates.Objects[i-1].(*fyne.Container).Objects {
					if rt, ok := p.(*widget.RichText); ok {
						gate = rt.String()
					}
				}
				if !strings.HasPrefix(gate, "Signed confirmation") {
					t.Errorf("the thumbnail is not beside the sign-back gate but after %q", gate)
				}
			}
		}
	}
	if thumb == nil {
		t.Fatal("no thumbnail of the returned scan")
	}
	img := thumb.img.Image.(*image.Gray)
	if img.Rect.Dx() != thumbWidth || img.Rect.Dy() != 1100*thumbWidth/800 || img.GrayAt(48, 40).Y != 0 || img.GrayAt(48, 120).Y != 255 {
		t.Errorf("thumbnail %v: not the page's first page, small", img.Rect)
	}
	o.do(func() { test.Tap(thumb) })
	scans, _ := store.ScansOf(context.Background(), order.ID)
	if len(opened) != 1 || opened[0] != scans[0].StoredPath {
		t.Errorf("clicking the thumbnail opened %q, want %q", opened, scans[0].StoredPath)
	}

	// Released, the production copy printed from the window notes the scan.
	f.do(order, func(o *model.Order, c model.Ctx) error {
		return o.ReleaseProduction(c, model.SignerOf(employee(t, store, "AA")), false)
	})
	d = o.open(order.ID)
	d.docsDir, opened = t.TempDir(), nil
	d.openFile = func(p string) error { opened = append(opened, p); return nil }
	o.do(func() {
		for _, it := range d.printMenu().Items {
			if it.Label == kindLabels[reports.KindProductionCopy] && it.Action != nil && !it.Disabled {
				it.Action()
			}
		}
	})
	if len(opened) != 1 {
		t.Fatalf("the production copy was not printed: %q, %s", opened, d.status.Text)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", opened[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	if !strings.Contains(text, "Signedback,scanattached(signed.png)") && !strings.Contains(text, "客戶已回簽，掃描檔已附上（signed.png）") {
		t.Errorf("the production copy does not note the scan:\n%s", out)
	}
}
