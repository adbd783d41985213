package ui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys and their defaults. These belong to one desk (one user
// account on one computer); office-wide settings live in the database
// (model.Office) so every desk follows the same rules.
const (
	// SettingEmployeeID is the id of the employee who last sat at this desk.
	SettingEmployeeID        = "desk.employee_id"
	SettingEmployeeIDDefault = 0

	// SettingLanguage is the UI language: "" follows the system, "en" or "zh-TW".
	// It is applied at the next start, since every screen reads its strings once.
	SettingLanguage        = "desk.language"
	SettingLanguageDefault = ""

	// settingFilterPrefix + a list's name is the last text typed in its search box.
	settingFilterPrefix = "list.filter."

	// SettingWindowWidth and SettingWindowHeight are the main window's size at the last close.
	SettingWindowWidth         = "window.width"
	SettingWindowWidthDefault  = 1280.0
	SettingWindowHeight        = "window.height"
	SettingWindowHeightDefault = 800.0

	// SettingWarnedPaths are the database paths whose open-time warnings
	// (a file on a network share) the clerk has already been shown.
	SettingWarnedPaths = "database.warned_paths"

	// SettingDatabase is the database this desk opens when neither -db nor
	// ORDERDESK_DB names one: "" (the default file), a file, or a
	// postgres:// URL without its password (kept in the keychain).
	SettingDatabase        = "database.target"
	SettingDatabaseDefault = ""

	// SettingMailFolder is the folder this desk watches for saved e-mails
	// (.eml) that become New tickets; "" watches none.
	SettingMailFolder        = "tickets.mail_folder"
	SettingMailFolderDefault = ""

	// SettingScanFolder is the folder the office's fax server or scanner
	// writes returned confirmations to, watched by this desk; "" none.
	SettingScanFolder        = "orders.scan_folder"
	SettingScanFolderDefault = ""
)

// The UI languages a desk can choose.
const (
	LanguageSystem  = ""
	LanguageEnglish = "en"
	LanguageChinese = "zh-TW"
)

// Settings is this desk's preferences, typed, over fyne.Preferences.
type Settings struct {
	p fyne.Preferences
}

// NewSettings returns the typed settings stored in p.
func NewSettings(p fyne.Preferences) *Settings { return &Settings{p: p} }

// EmployeeID returns the employee remembered at this desk, or 0.
func (s *Settings) EmployeeID() uint {
	id := s.p.IntWithFallback(SettingEmployeeID, SettingEmployeeIDDefault)
	if id < 0 {
		return 0
	}
	return uint(id)
}

// SetEmployeeID remembers who sits at this desk.
func (s *Settings) SetEmployeeID(id uint) { s.p.SetInt(SettingEmployeeID, int(id)) }

// Language returns the chosen UI language: "" (system), "en" or "zh-TW".
func (s *Settings) Language() string {
	l := s.p.StringWithFallback(SettingLanguage, SettingLanguageDefault)
	switch l {
	case LanguageEnglish, LanguageChinese:
		return l
	}
	return LanguageSystem
}

// SetLanguage stores the UI language for the next start.
func (s *Settings) SetLanguage(l string) { s.p.SetString(SettingLanguage, l) }

// Filter returns the last text typed in the search box of the named list.
func (s *Settings) Filter(list string) string { return s.p.String(settingFilterPrefix + list) }

// SetFilter remembers the text typed in the search box of the named list.
func (s *Settings) SetFilter(list, text string) { s.p.SetString(settingFilterPrefix+list, text) }

// WindowSize returns the main window's size at the last close.
func (s *Settings) WindowSize() fyne.Size {
	w := s.p.FloatWithFallback(SettingWindowWidth, SettingWindowWidthDefault)
	h := s.p.FloatWithFallback(SettingWindowHeight, SettingWindowHeightDefault)
	// A size from a since-disconnected larger screen, or a zero one, is not worth keeping.
	if w < 800 || h < 500 || w > 10000 || h > 10000 {
		w, h = SettingWindowWidthDefault, SettingWindowHeightDefault
	}
	return fyne.NewSize(float32(w), float32(h))
}

// SetWindowSize remembers the main window's size.
func (s *Settings) SetWindowSize(size fyne.Size) {
	s.p.SetFloat(SettingWindowWidth, float64(size.Width))
	s.p.SetFloat(SettingWindowHeight, float64(size.Height))
}

// Warned reports whether the open-time warnings of the database at path were shown already.
func (s *Settings) Warned(path string) bool {
	return slices.Contains(s.p.StringList(SettingWarnedPaths), path)
}

// SetWarned remembers that the warnings of the database at path were shown.
func (s *Settings) SetWarned(path string) {
	paths := s.p.StringList(SettingWarnedPaths)
	if !slices.Contains(paths, path) {
		s.p.SetStringList(SettingWarnedPaths, append(paths, path))
	}
}

// Database returns the database this desk opens by default.
func (s *Settings) Database() string {
	return s.p.StringWithFallback(SettingDatabase, SettingDatabaseDefault)
}

// SetDatabase chooses the database this desk opens from the next start.
func (s *Settings) SetDatabase(target string) { s.p.SetString(SettingDatabase, target) }

// MailFolder returns the folder watched for e-mails that become tickets.
func (s *Settings) MailFolder() string {
	return s.p.StringWithFallback(SettingMailFolder, SettingMailFolderDefault)
}

// SetMailFolder chooses the folder watched for e-mails ("" for none).
func (s *Settings) SetMailFolder(dir string) { s.p.SetString(SettingMailFolder, dir) }

// ScanFolder returns the folder watched for returned confirmations.
func (s *Settings) ScanFolder() string {
	return s.p.StringWithFallback(SettingScanFolder, SettingScanFolderDefault)
}

// SetScanFolder chooses the folder watched for returned confirmations ("" for none).
func (s *Settings) SetScanFolder(dir string) { s.p.SetString(SettingScanFolder, dir) }
