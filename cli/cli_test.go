package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/model"
	"orderdesk/reports"
)

func testEnv() (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &Env{Stdout: &out, Stderr: &errOut, Open: func(ctx context.Context, target string) (*model.Store, error) {
		return model.Open(ctx, target, model.Options{})
	}, Create: func(ctx context.Context, target string) (*model.Store, error) {
		return model.Open(ctx, target, model.Options{Create: true})
	}}, &out, &errOut
}

// TestCommands runs the command line as a clerk would, in order, on one
// database: the demo office, a check, a backup, an export and its import.
func TestCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	csvFile := filepath.Join(dir, "customers.csv")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("code,name_zh,tier\nX1,壞資料,Q\n"), 0o600)
	steps := []struct {
		args     []string
		code     int
		want     string // in stdout or stderr
		wantFile string // a file the command must have written
	}{
		{[]string{"demo", "-db", db, "-orders", "20"}, 0, "demo office created", ""},
		{[]string{"demo", "-db", db}, 1, "already holds an office", ""},
		{[]string{"version", "-db", db}, 0, "sqlite", ""},
		{[]string{"check", "-db", db}, 0, "ok", ""},
		{[]string{"backup", "-db", db, filepath.Join(dir, "backup.db")}, 0, "backed up", filepath.Join(dir, "backup.db")},
		{[]string{"backup", "-db", db, filepath.Join(dir, "backup.db")}, 1, "already exists", ""},
		{[]string{"check", "-db", filepath.Join(dir, "backup.db")}, 0, "ok", ""},
		{[]string{"restore", "-db", db, "-as", "YC", filepath.Join(dir, "backup.db")}, 1, "Only a manager", ""},
		{[]string{"restore", "-db", db, "-as", "ML", filepath.Join(dir, "backup.db")}, 1, "nothing was replaced: run again with -yes", ""},
		{[]string{"restore", "-db", db, "-as", "ML", "-yes", filepath.Join(dir, "backup.db")}, 0, "the replaced file is kept", ""},
		{[]string{"check", "-db", db}, 0, "ok", ""},
		{[]string{"export", "-db", db, "customers", csvFile}, 0, "36 customers exported", csvFile},
		{[]string{"import", "-db", db, "-as", "YC", "customers", csvFile}, 0, "36 customers imported", ""},
		{[]string{"import", "-db", db, "customers", bad}, 1, "line 2, column tier", ""},
		{[]string{"import", "-db", db, "vendors", bad}, 2, "Usage", ""},
		{[]string{"orders", "list", "-db", db}, 0, "SO-", ""},
		{[]string{"nope"}, 2, "unknown command", ""},
	}
	for _, st := range steps {
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, st.args)
		all := out.String() + errOut.String()
		if code != st.code || !strings.Contains(strings.ToLower(all), strings.ToLower(st.want)) {
			t.Errorf("orderdesk %s: exit %d (want %d), output:\n%s(want %q)", strings.Join(st.args, " "), code, st.code, all, st.want)
		}
		if st.wantFile != "" {
			if _, err := os.Stat(st.wantFile); err != nil {
				t.Errorf("orderdesk %s: %v", strings.Join(st.args, " "), err)
			}
		}
	}
}

// TestPrintEveryDocument prints each document of a delivered demo order
// that had a balance notice, from one of its shipments, as one clerk, and
// checks a PDF came out; a fax cover without its sender is refused.
func TestPrintEveryDocument(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	env, _, errOut := testEnv()
	if code := Run(context.Background(), env, []string{"demo", "-db", db, "-orders", "400"}); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	ctx := context.Background()
	s, err := model.Open(ctx, db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateDelivered, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var no, ship string
	for _, r := range rows {
		o, err := s.Order(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		shipments, err := s.OrderShipments(ctx, r.ID)
		if err == nil && o.Balance.IssuedBy.Signed() && len(shipments) > 0 && no == "" {
			no, ship = o.No, shipments[len(shipments)-1].No
		}
	}
	s.Close()
	if no == "" {
		t.Fatal("no delivered demo order with a balance notice and a shipment")
	}
	for _, kind := range reports.Kinds {
		out := filepath.Join(dir, string(kind)+".pdf")
		env, stdout, errOut := testEnv()
		if code := Run(context.Background(), env, []string{"print", "-db", db, string(kind), no, "-o", out, "-shipment", ship, "-as", "YC"}); code != 0 {
			t.Errorf("print %s %s: exit %d\n%s%s", kind, no, code, stdout, errOut)
			continue
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("%s: not a PDF (%v)", kind, err)
		}
	}
	env, _, errOut = testEnv()
	if code := Run(context.Background(), env, []string{"print", "-db", db, "fax-cover", no, "-o", filepath.Join(dir, "f.pdf")}); code != 2 || !strings.Contains(errOut.String(), "-as") {
		t.Errorf("a fax cover with no sender: exit %d, %s", code, errOut)
	}
	env, _, errOut = testEnv()
	if code := Run(context.Background(), env, []string{"print", "-db", db, "shipping-notice", no, "-shipment", "SH-2020-00001", "-o", filepath.Join(dir, "n.pdf")}); code != 1 || !strings.Contains(errOut.String(), "is not one of") {
		t.Errorf("a shipping notice of another order's shipment: exit %d, %s", code, errOut)
	}
	// Without -o the file is named as the window names it: a shipment's
	// document carries the shipment's number (one notice per shipment).
	t.Chdir(dir)
	env, _, errOut = testEnv()
	if code := Run(context.Background(), env, []string{"print", "-db", db, "shipping-notice", no, "-shipment", ship}); code != 0 {
		t.Errorf("print shipping-notice without -o: exit %d, %s", code, errOut)
	} else if named, _ := filepath.Glob(no + "-shipping-notice-R*-" + ship + ".pdf"); len(named) != 1 {
		found, _ := filepath.Glob("*.pdf")
		t.Errorf("the notice is not named after shipment %s: written %v", ship, found)
	}
	env, _, errOut = testEnv()
	if code := Run(context.Background(), env, []string{"print", "-db", db, "invoice", no}); code != 1 || !strings.Contains(errOut.String(), "unknown document") {
		t.Errorf("an unknown document: exit %d, %s", code, errOut)
	}
}
