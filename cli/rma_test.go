package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"orderdesk/model"
)

// demoRMAs makes the demo office and returns its file and its returns by state.
func demoRMAs(t *testing.T) (string, map[model.RMAState]model.RMARow, []model.RMARow) {
	t.Helper()
	db, _ := demoOffice(t, 400)
	ctx := context.Background()
	s, err := model.Open(ctx, db, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.RMAs(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	by := map[model.RMAState]model.RMARow{}
	for _, r := range rows {
		if old, ok := by[r.State]; !ok || r.Overdue(s.Today()) && !old.Overdue(s.Today()) {
			by[r.State] = r
		}
	}
	if by[model.RMAOpened].No == "" || by[model.RMAClosed].No == "" || !by[model.RMAAuthorized].Overdue(s.Today()) {
		t.Fatalf("the demo office lacks an opened, a closed or an overdue authorized return: %+v", by)
	}
	return db, by, rows
}

// TestRMACommands lists and shows the demo's returns: the open list leaves
// the closed one out, an overdue one is marked, and show prints the lines,
// the steps with who signed them and the history in the language asked.
func TestRMACommands(t *testing.T) {
	db, by, all := demoRMAs(t)
	closed, overdue := by[model.RMAClosed], by[model.RMAAuthorized]
	steps := []struct {
		args    []string
		code    int
		want    []string
		notWant string
	}{
		{[]string{"rma", "list", "-db", db}, 0, []string{closed.No, overdue.No + "  " + overdue.OrderNo, "OVERDUE", "Closed (Credit)", fmt.Sprintf("%d returns", len(all))}, ""},
		{[]string{"rma", "list", "-db", db, "-open"}, 0, []string{by[model.RMAOpened].No, "OVERDUE"}, closed.No},
		{[]string{"rma", "show", closed.No, "-db", db}, 0, []string{closed.No + "  Closed", closed.OrderNo, "Lines:", "Inspected (QC)  Liu Hsin", "credit 1,200.00",
			"History:", "Inspected Goods received → Inspected: Inspected by QC", "Return closed"}, "Next step"},
		{[]string{"rma", "show", "-lang", "zh-TW", closed.No, "-db", db}, 0, []string{"品管已檢驗", "步驟："}, "Inspected by QC"},
		// The first event says "Opened" once, not "Opened Opened".
		{[]string{"rma", "show", closed.No, "-db", db}, 0, []string{"Opened: "}, "Opened Opened"},
		{[]string{"rma", "show", "-lang", "zh-TW", closed.No, "-db", db}, 0, []string{"已開立: "}, "已開立 已開立"},
		{[]string{"rma", "show", strings.ToLower(overdue.No), "-db", db}, 0, []string{"Receive the goods", "(OVERDUE)"}, ""},
		{[]string{"rma", "show", "RMA-2020-00999", "-db", db}, 1, []string{"not found"}, ""},
		{[]string{"rma", "show", "-db", db}, 2, []string{"Usage"}, ""},
		{[]string{"rma", "nope"}, 2, []string{"Usage"}, ""},
	}
	for _, st := range steps {
		env, out, errOut := testEnv()
		code := Run(context.Background(), env, st.args)
		got := out.String() + errOut.String()
		for _, w := range st.want {
			if code != st.code || !strings.Contains(got, w) {
				t.Errorf("orderdesk %s: exit %d (want %d), output:\n%s(want %q)", strings.Join(st.args, " "), code, st.code, got, w)
				break
			}
		}
		if st.notWant != "" && strings.Contains(got, st.notWant) {
			t.Errorf("orderdesk %s: output has %q:\n%s", strings.Join(st.args, " "), st.notWant, got)
		}
	}
}

// TestRMALangZH: rma show and rma list -lang zh-TW print every heading,
// label, state and reason in Chinese from the translation files, leaving
// no English word but the numbers, codes and names.
func TestRMALangZH(t *testing.T) {
	db, by, _ := demoRMAs(t)
	closed, overdue := by[model.RMAClosed], by[model.RMAAuthorized]
	// The English of every heading, label, state, reason and decision;
	// numbers, codes and names stay as written.
	english := regexp.MustCompile(`\b(Order|Customer|Reason|Complaint|Next step|Lines|PRODUCT|QTY|UNIT|Steps|History|Opened|Authorized|Received|Inspected|Decided|Closed|Cancelled|credit|Credit|rejected|OVERDUE|due|RMA\b +ORDER|STATE|REASON|DUE|returns|Damage|Wrong item|Quality claim|QC lot)\b`)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"rma", "show", "-lang", "zh-TW", closed.No}, []string{"訂單", "客戶", "原因", "品項：", "步驟：", "歷程：", "已結案", "品管檢驗", "折讓 1,200.00"}},
		{[]string{"rma", "show", "-lang", "zh-TW", overdue.No}, []string{"下一步", "到期", "逾期", "已授權"}},
		{[]string{"rma", "list", "-lang", "zh-TW"}, []string{"退貨單號", "狀態", "逾期", "已結案 (折讓)", "筆退貨"}},
	} {
		env, out, errOut := testEnv()
		if code := Run(context.Background(), env, append(c.args, "-db", db)); code != 0 {
			t.Fatalf("%v: exit %d, %s", c.args, code, errOut)
		}
		got := out.String()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v lacks %q:\n%s", c.args, w, got)
			}
		}
		if w := english.FindString(got); w != "" {
			t.Errorf("%v still says %q in English:\n%s", c.args, w, got)
		}
	}
}

// TestPrintReturnAuthorization prints an authorized return's authorization
// in both languages, and refuses an opened one with the model's reason,
// writing no file.
func TestPrintReturnAuthorization(t *testing.T) {
	db, by, _ := demoRMAs(t)
	dir := t.TempDir()
	opened, authorized := by[model.RMAOpened], by[model.RMAAuthorized]
	refused := filepath.Join(dir, "opened.pdf")
	env, _, errOut := testEnv()
	if code := Run(context.Background(), env, []string{"print", "return-authorization", opened.No, "-o", refused, "-db", db}); code != 1 ||
		!strings.Contains(errOut.String(), "prints once the return is authorized") {
		t.Errorf("an opened return's authorization: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(refused); !os.IsNotExist(err) {
		t.Errorf("a refused authorization left a file: %v", err)
	}
	for _, c := range []struct{ lang, title string }{{"en", "Return Authorization"}, {"zh-TW", "退貨授權書"}} {
		pdf := filepath.Join(dir, c.lang+".pdf")
		env, out, errOut := testEnv()
		if code := Run(context.Background(), env, []string{"print", "-db", db, "return-authorization", authorized.No, "-o", pdf, "-lang", c.lang}); code != 0 ||
			!strings.Contains(out.String(), "return-authorization of "+authorized.No+" written to") {
			t.Fatalf("print %s: exit %d\n%s%s", c.lang, code, out, errOut)
		}
		data, err := os.ReadFile(pdf)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("%s: not a PDF (%v)", c.lang, err)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{c.title, authorized.No, authorized.OrderNo} {
			if !strings.Contains(string(text), w) {
				t.Errorf("%s: the PDF's text lacks %q:\n%s", c.lang, w, text)
			}
		}
	}
	// Without -o the file is named after the return, as the window keeps it.
	t.Chdir(dir)
	env, _, errOut = testEnv()
	if code := Run(context.Background(), env, []string{"print", "-db", db, "return-authorization", authorized.No}); code != 0 {
		t.Fatalf("print without -o: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(authorized.No + "-return-authorization.pdf"); err != nil {
		t.Error(err)
	}
}
