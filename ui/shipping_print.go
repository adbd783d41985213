package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
	"orderdesk/reports"
)

// onPrintNotice writes the shipping notice of the opened shipment to the
// documents folder, records it as issued, and opens it to print and fax.
func (s *shippingScreen) onPrintNotice() {
	r := s.selected
	if !s.may(model.ShipDoNotice) {
		return
	}
	by := s.desk.Actor()
	s.work.Go(func() func() {
		path, sh, err := s.printNotice(context.Background(), by, r.ID, r.Version)
		return func() {
			if err != nil {
				setProblemText(s.status, SayErr(err))
				return
			}
			setProblemText(s.status, "")
			s.changed(sh)
			s.saved.show(path, s.open(path))
		}
	})
}

func (s *shippingScreen) printNotice(ctx context.Context, by model.Actor, id uint, version int64) (string, *model.Shipment, error) {
	sh, err := s.store.Shipment(ctx, id)
	if err != nil {
		return "", nil, err
	}
	office, err := s.store.PrintOffice(ctx)
	if err != nil {
		return "", nil, err
	}
	// The order screen's and the CLI's path, of this one shipment: one
	// notice per shipment, its number in the file's name.
	p := reports.PrintingOf(sh.Order, reports.Request{Kind: reports.KindShippingNotice, ShipmentNo: sh.No},
		[]model.Shipment{*sh}, nil, office, s.store.Now())
	path := filepath.Join(s.docsDir, p.FileName())
	if err := writeFileAtomically(path, func(f io.Writer) error {
		_, err := p.Render(f)
		return err
	}); err != nil {
		return "", nil, err
	}
	sh, err = s.store.RecordShippingNotice(ctx, by, id, version, model.NoticeIssue, model.Signer{}, path)
	return path, sh, err
}

// onExport writes the month's shipping orders as CSV (UTF-8 with BOM) to
// the documents folder: the monthly hand-over to customer service.
func (s *shippingScreen) onExport() {
	month := s.archiveMonth()
	s.work.Go(func() func() {
		rows, err := s.store.ShipmentArchive(context.Background(), month)
		path := filepath.Join(s.docsDir, "OrderDesk", "shipments", fmt.Sprintf("shipments-%04d-%02d.csv", month.Year(), int(month.Month())))
		if err == nil {
			err = writeFileAtomically(path, func(f io.Writer) error { return model.WriteShipmentsCSV(f, rows, s.store.Today()) })
		}
		return func() {
			if err != nil {
				setProblemText(s.status, SayErr(err))
				return
			}
			dialog.ShowInformation(lang.L("Monthly archive"),
				lang.L("{{.N}} shipments written to {{.Path}}", map[string]any{"N": len(rows), "Path": path}), s.win)
		}
	})
}

// writeFileAtomically writes a file OrderDesk names (a kept document, the
// monthly archive) through a temporary one beside it, so a failed write
// never leaves half a document; it replaces its own earlier file, never the
// database the window works on (model.WriteOutputFile, guardedStore).
func writeFileAtomically(path string, write func(w io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return model.WriteOutputFile(path, guardedStore.Load(), true, write)
}

// openFile shows a written file (or a folder) with the system's viewer
// and says when none could.
func openFile(path string) error {
	err := runDocTries(docTries(runtime.GOOS, verbOpen, path), path, doDoc)
	if err != nil {
		model.LogError("open "+path, err)
	}
	return err
}

// printFile sends a written file to the default printer through the
// system, or opens it to print from the viewer when that cannot be done.
func printFile(path string) error {
	err := runDocTries(docTries(runtime.GOOS, verbPrint, path), path, doDoc)
	if err != nil {
		model.LogError("print "+path, err)
	}
	return err
}
