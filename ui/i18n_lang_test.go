package ui

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"orderdesk/model"
)

// TestLanguageOverride checks each desk language choice in a child process:
// Fyne's translations are process-wide, and the other tests read English.
func TestLanguageOverride(t *testing.T) {
	if choice, ok := os.LookupEnv("ORDERDESK_LANG_CHILD"); ok {
		if err := SetupLanguage(choice); err != nil {
			t.Fatal(err)
		}
		// One of ours, one of the model's, one of Fyne's own dialog buttons,
		// and a line of history with a word inside it.
		paid := model.M("{{.Kind}} {{.Amount}} received on {{.On}}", "Kind", model.M("deposit"), "Amount", "NT$100", "On", "2026-03-04")
		os.Stdout.WriteString("\n" + strings.Join([]string{lang.L("OrderDesk could not start"), lang.L("Enter the contact's name."), lang.L("Cancel"), Say(paid)}, "|") + "\n")
		return
	}
	cases := []struct{ choice, want string }{
		{LanguageEnglish, "OrderDesk could not start|Enter the contact's name.|Cancel|deposit NT$100 received on 2026-03-04"},
		{LanguageChinese, "OrderDesk 無法啟動|請輸入聯絡人姓名。|取消|2026-03-04 收到訂金 NT$100"},
	}
	for _, c := range cases {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLanguageOverride$", "-test.v")
		cmd.Env = append(os.Environ(), "ORDERDESK_LANG_CHILD="+c.choice, "LANG=en_US.UTF-8", "LANGUAGE=en")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", c.choice, err, out)
		}
		if !strings.Contains(string(out), c.want) {
			t.Errorf("language %q: want %q in\n%s", c.choice, c.want, out)
		}
	}
}
