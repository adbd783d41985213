package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orderdesk/model"
)

// TestOfficeSettingsManagerOnly shows the model's refusal to a clerk who is
// not a manager, and saves for a manager.
func TestOfficeSettingsManagerOnly(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	boss := addEmployee(t, store, "Lin Mei", "林美", "LM", true)
	d := newDeskTest(t, store, clerk)
	d.shortcut(ShortcutSection(SectionSettings))
	s := d.shell.prefs
	if !strings.HasPrefix(s.dbEngine.Text, "SQLite 3.") || s.dbPath.Text != store.Path || s.dbSchema.Text == "" {
		t.Errorf("database shown as %q %q schema %q", s.dbPath.Text, s.dbEngine.Text, s.dbSchema.Text)
	}
	f := s.office
	if f.nameZH.Text != model.DefaultOffice().CompanyNameZH {
		t.Fatalf("the office form shows %q", f.nameZH.Text)
	}
	f.tolerance.SetText("5")
	f.taxID.SetText("12345675")
	f.taxRate.SetText("10")
	test.Tap(f.taxIncluded)
	f.holidays.SetText("2026-10-10\n2026-12-25")
	f.slip.SetSelectedIndex(1)
	f.paper.SetSelected("Letter")
	test.Tap(f.bilingual)
	d.shortcut(ShortcutSave)
	if got := s.officeStatus.Text; got != "Only a manager may change the office settings." {
		t.Errorf("a clerk's save says %q", got)
	}
	if o, _ := store.Office(context.Background()); o.PriceTolerancePct != 3 {
		t.Errorf("a clerk's save changed the tolerance to %d", o.PriceTolerancePct)
	}

	f.holidays.SetText("2026-10-10\nsoon")
	f.zone.SetText("Mars/Olympus")
	d.shell.setEmployee(boss)
	d.shortcut(ShortcutSave)
	if got := f.fields.Problem("Holidays"); got != "soon is not a date (YYYY-MM-DD)." {
		t.Errorf("a bad holiday shows %q", got)
	}
	if got := f.fields.Problem("TimeZone"); got != "Mars/Olympus is not a time zone; enter one such as Asia/Taipei." {
		t.Errorf("an unknown time zone shows %q", got)
	}
	f.zone.SetText("America/New_York")
	f.holidays.SetText("2026-12-25\n2026-10-10")
	f.supervisor.SetSelectedIndex(2) // Lin Mei, after (nobody) and Ken Sewer
	if f.lockMinutes.Text != "0" {
		t.Errorf("the lock shows %q minutes, want 0 (never)", f.lockMinutes.Text)
	}
	f.lockMinutes.SetText("soon")
	d.shortcut(ShortcutSave)
	if got := f.fields.Problem("LockMinutes"); got != "Enter a whole number of minutes (0 never locks)." {
		t.Errorf("a lock that is no number shows %q", got)
	}
	f.lockMinutes.SetText("2000")
	d.shortcut(ShortcutSave)
	if got := f.fields.Problem("LockMinutes"); got != "Lock the desk after 0 (never) to 1440 idle minutes." {
		t.Errorf("a lock of 2000 minutes shows %q", got)
	}
	f.lockMinutes.SetText("15")
	f.taxID.SetText("12345675")
	d.shortcut(ShortcutSave)
	o, _ := store.Office(context.Background())
	if o.LockMinutes != 15 || o.CompanyTaxID != "12345675" {
		t.Errorf("stored lock %d minutes, tax ID %q", o.LockMinutes, o.CompanyTaxID)
	}
	if o.PriceTolerancePct != 5 || !o.SlipWorkingDays || o.PaperSize != "Letter" || !o.BilingualLabels ||
		len(o.Holidays) != 2 || o.Holidays[0].String() != "2026-10-10" || o.CSSupervisorID != boss.ID ||
		o.CompanyTaxID != "12345675" || o.TaxRatePct != 10 || o.PricesIncludeTax || o.TimeZone != "America/New_York" {
		t.Errorf("stored office %+v", o)
	}
	if s.officeStatus.Text != "Office settings saved." {
		t.Errorf("status %q", s.officeStatus.Text)
	}
}

// TestLanguageChoiceRemembered stores the desk's language for the next start.
func TestLanguageChoiceRemembered(t *testing.T) {
	store := openTestStore(t)
	clerk := addEmployee(t, store, "Ken Sewer", "", "KS", false)
	d := newDeskTest(t, store, clerk)
	d.show(SectionSettings)
	s := d.shell.prefs
	s.language.SetSelected("繁體中文")
	if got := d.shell.settings.Language(); got != LanguageChinese {
		t.Errorf("language stored as %q", got)
	}
	if !strings.Contains(s.languageNote.Text, "next time") {
		t.Errorf("the screen does not say when the language applies: %q", s.languageNote.Text)
	}
}
