package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/traditionalchinese"

	"orderdesk/csvio"
	"orderdesk/model"
)

// csvFile writes text to a file in dir as Excel on a Traditional Chinese
// Windows saves "CSV" (Big5), and opens it as the file dialog hands it over.
func csvFile(t *testing.T, name, text string) fyne.URIReadCloser {
	t.Helper()
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestImportCSVFromCustomers imports files as the clerk does from the
// Customers list: a good Big5 file lands on the list and says how it was
// read; a bad one lists every problem by line and column (and copies
// them) and stores nothing.
func TestImportCSVFromCustomers(t *testing.T) {
	cases := []struct {
		name, file string
		codes      int // customers stored afterwards
		said       string
		problems   []string // "line column" of each problem listed
	}{
		{"good Big5 file", "code,name_zh,name_en,tier\r\nC0001,萬國紙業,Wan Kuo Paper,A\r\nC0002,新順紙業,Hsin Shun,B\r\nC0003,台灣紙品,,C\r\n",
			3, "Imported 3 rows from good.csv (read as Big5).", nil},
		{"bad file", "code,name_zh,tier,deposit_percent\r\nC0001,萬國紙業,A,30\r\nC0002,,B,30\r\nC0003,台灣紙品,C,三十\r\nC0001,重複,A,30\r\n",
			0, "Nothing was imported: bad.csv has 3 problems. Correct them and import the file again.",
			[]string{"3 name_zh", "4 deposit_percent", "5 code"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			store := openTestStore(t)
			// A manager imports: the file sets tiers, which only a manager may.
			clerk := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", true)
			d := newDeskTest(t, store, clerk)
			imp := d.shell.customers.importer
			file := "good.csv"
			if tc.problems != nil {
				file = "bad.csv"
			}
			d.do(func() { imp.opened(csvFile(t, file, tc.file), nil) })

			if textOf(imp.said) != tc.said {
				t.Fatalf("the import says %q, want %q", textOf(imp.said), tc.said)
			}
			n, _ := store.CountCustomers(context.Background(), model.ListFilter{IncludeInactive: true})
			if n != tc.codes || d.shell.customers.list.Count() != tc.codes {
				t.Errorf("%d customers stored, %d listed; want %d", n, d.shell.customers.list.Count(), tc.codes)
			}
			var got []string
			for _, p := range imp.problems {
				got = append(got, fmt.Sprint(p.Line, " ", p.Column))
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.problems) {
				t.Errorf("problems listed: %v, want %v", got, tc.problems)
			}
			if tc.problems != nil {
				imp.copyProblems()
				if lines := strings.Split(strings.TrimSpace(imp.clipboard), "\n"); len(lines) != 4 || !strings.HasPrefix(lines[3], "5\tcode\t") {
					t.Errorf("copied:\n%s", imp.clipboard)
				}
			} else if c, err := store.CustomerByCode(context.Background(), "C0002"); err != nil || c.NameZH != "新順紙業" {
				t.Errorf("C0002 stored as %+v, %v", c, err)
			}
		})
	}
}

// TestImportCSVCancelled: Cancel during the writing of a file undoes what
// was written; nothing of the file is kept and the dialog says so.
func TestImportCSVCancelled(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "蘇肯", "KS", false)
	d := newDeskTest(t, store, clerk)
	imp := d.shell.customers.importer
	var b strings.Builder
	b.WriteString("code,name_zh\r\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "K%05d,紙業第%d號\r\n", i, i)
	}
	// The clerk presses Cancel when the dialog says the rows are being
	// written: the import runs on the test's goroutine when it settles, so
	// the test watches each progress report as it is shown.
	importer := csvio.Importers["customers"]
	t.Cleanup(func() { csvio.Importers["customers"] = importer })
	csvio.Importers["customers"] = func(ctx context.Context, s *model.Store, by model.Actor, r io.Reader, opt csvio.Options) (csvio.Result, error) {
		show := opt.Progress
		opt.Progress = func(p csvio.Progress) {
			show(p)
			if strings.HasPrefix(imp.phase.Text, "Importing row") && !strings.HasPrefix(imp.phase.Text, "Importing row 0 ") && !imp.stop.Disabled() {
				test.Tap(imp.stop)
			}
		}
		return importer(ctx, s, by, r, opt)
	}
	imp.opened(csvFile(t, "big.csv", b.String()), nil)
	d.settle()
	if want := "The import of big.csv was cancelled; nothing of it is kept."; textOf(imp.said) != want {
		t.Errorf("the import says %q, want %q", textOf(imp.said), want)
	}
	if n, _ := store.CountCustomers(context.Background(), model.ListFilter{IncludeInactive: true}); n != 0 {
		t.Errorf("%d customers kept after Cancel", n)
	}
}

// textOf is a label's text, "" before it exists.
func textOf(l *widget.Label) string {
	if l == nil {
		return ""
	}
	return l.Text
}
