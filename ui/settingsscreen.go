package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orderdesk/model"
	"orderdesk/secret"
)

// languageChoices are the codes behind the language options.
var languageChoices = []string{LanguageSystem, LanguageEnglish, LanguageChinese}

// settingsScreen is the Settings section: this desk's language and person,
// the database in use, and the office settings every desk shares.
type settingsScreen struct {
	language     *Select
	languageNote *widget.Label
	person       *widget.Label
	switchPerson *widget.Button
	dbPath       *widget.Label
	dbEngine     *widget.Label
	dbSchema     *widget.Label
	lastBackup   *widget.Label
	nextDB       *widget.Entry
	nextDBPass   *widget.Entry
	useDB        *widget.Button
	nextDBNote   *widget.Label
	mailFolder   *widget.Entry
	scanFolder   *widget.Entry
	backupNow    *widget.Button
	office       *officeForm
	logo         *officeLogo
	officeNote   *widget.Label
	officeStatus *widget.Label
	save         *widget.Button
	revert       *widget.Button
	content      fyne.CanvasObject

	win      fyne.Window
	store    settingsStore
	sqlite   bool // the database is a SQLite file (backups are made here)
	desk     *Desk
	settings *Settings
	work     jobs
	loaded   bool
}

// settingsStore is the store as the Settings screen uses it; a test hands it one that fails.
type settingsStore interface {
	BackupDir() string
	BackupNow(ctx context.Context) (string, error)
	Employees(ctx context.Context, includeInactive bool) ([]model.Employee, error)
	EngineVersion(ctx context.Context) (string, error)
	Office(ctx context.Context) (model.Office, error)
	SaveOffice(ctx context.Context, by model.Actor, o model.Office) error
}

func newSettingsScreen(w fyne.Window, store *model.Store, desk *Desk, settings *Settings, switchPerson func()) *settingsScreen {
	s := &settingsScreen{win: w, store: store, sqlite: store.Dialect == model.SQLite, desk: desk, settings: settings,
		languageNote: widget.NewLabel(lang.L("A new language is applied the next time OrderDesk starts.")),
		person:       widget.NewLabel(desk.Name()),
		dbPath:       widget.NewLabel(""), dbEngine: widget.NewLabel("…"),
		dbSchema:     widget.NewLabel(strconv.Itoa(store.SchemaVersion)),
		officeNote:   widget.NewLabel(""),
		officeStatus: widget.NewLabel(""),
		lastBackup:   widget.NewLabel("…"),
	}
	s.lastBackup.Wrapping = fyne.TextWrapBreak
	s.logo = newOfficeLogo(w, store, desk, &s.work)
	s.office = newOfficeForm(s.logo.box)
	s.nextDB = widget.NewEntry()
	s.nextDB.SetPlaceHolder(lang.L("Empty: the default file. Or a file, or postgres://user@server/orderdesk"))
	s.nextDB.SetText(settings.Database())
	s.nextDBPass = widget.NewPasswordEntry()
	s.nextDBPass.SetPlaceHolder(lang.L("PostgreSQL password (kept in the system keychain)"))
	s.useDB = widget.NewButtonWithIcon(lang.L("Use at next start"), theme.ConfirmIcon(), s.onUseDatabase)
	s.mailFolder = widget.NewEntry()
	s.mailFolder.SetPlaceHolder(lang.L("Empty: none. A folder where saved e-mails (.eml) become new tickets"))
	s.mailFolder.SetText(settings.MailFolder())
	s.mailFolder.OnChanged = func(dir string) { s.settings.SetMailFolder(strings.TrimSpace(dir)) }
	s.scanFolder = widget.NewEntry()
	s.scanFolder.SetPlaceHolder(lang.L("Empty: none. A folder where the fax server or scanner saves returned confirmations"))
	s.scanFolder.SetText(settings.ScanFolder())
	s.scanFolder.OnChanged = func(dir string) { s.settings.SetScanFolder(strings.TrimSpace(dir)) }
	s.nextDBNote = widget.NewLabel("")
	s.nextDBNote.Wrapping = fyne.TextWrapWord
	s.backupNow = widget.NewButtonWithIcon(lang.L("Back up now"), theme.DownloadIcon(), s.onBackupNow)
	if store.Dialect != model.SQLite {
		s.lastBackup.SetText(lang.L("A shared PostgreSQL database is backed up on its server with pg_dump."))
		s.backupNow.Disable()
	}
	s.language = NewSelect([]string{lang.L("System language"), "English", "繁體中文"}, func(string) {
		if i := s.language.SelectedIndex(); i >= 0 {
			s.settings.SetLanguage(languageChoices[i])
		}
	})
	s.language.SetSelectedIndex(indexOf(languageChoices, settings.Language()))
	s.languageNote.Wrapping = fyne.TextWrapWord
	s.switchPerson = widget.NewButtonWithIcon(lang.L("Switch person…"), theme.AccountIcon(), switchPerson)
	desk.OnChanged(func(*model.Employee) {
		s.person.SetText(desk.Name())
		s.updateOfficeNote()
		if s.loaded { // another person: their rights over the logo
			s.logo.load()
		}
	})

	s.dbPath.Wrapping = fyne.TextWrapBreak
	if store.Dialect == model.SQLite {
		s.dbPath.SetText(store.Path)
	} else {
		s.dbPath.SetText(lang.L("Shared PostgreSQL database"))
	}
	s.officeNote.Wrapping = fyne.TextWrapWord
	s.officeStatus.Wrapping = fyne.TextWrapWord
	s.save = widget.NewButtonWithIcon(lang.L("Save office settings"), theme.DocumentSaveIcon(), s.OnSave)
	s.save.Importance = widget.HighImportance
	s.revert = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.OnCancel)
	s.updateOfficeNote()
	s.content = s.layout()
	return s
}

func (s *settingsScreen) layout() fyne.CanvasObject {
	bold := func(text string) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	desk := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Language")), container.NewVBox(s.language, s.languageNote),
		widget.NewLabel(lang.L("Watched e-mail folder")), s.mailFolder,
		widget.NewLabel(lang.L("Watched scan folder")), s.scanFolder,
		widget.NewLabel(lang.L("Who I am")), container.NewBorder(nil, nil, nil, s.switchPerson, s.person))
	db := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("File")), s.dbPath,
		widget.NewLabel(lang.L("Engine")), s.dbEngine,
		widget.NewLabel(lang.L("Schema version")), s.dbSchema,
		widget.NewLabel(lang.L("Last backup")), container.NewBorder(nil, nil, nil, s.backupNow, s.lastBackup),
		widget.NewLabel(lang.L("This desk opens")), container.NewVBox(s.nextDB, s.nextDBPass,
			container.NewBorder(nil, nil, nil, s.useDB, s.nextDBNote)))
	head := container.NewVBox(
		bold(lang.L("This desk")), desk, widget.NewSeparator(),
		bold(lang.L("Database")), db, widget.NewSeparator(),
		bold(lang.L("Office settings")), s.officeNote)
	// The office form scrolls with the rest; Save stays in sight below.
	scroll := s.office.fields.Scrolled()
	scroll.Content = container.NewVBox(head, scroll.Content)
	return container.NewPadded(container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), container.NewHBox(s.save, s.revert), s.officeStatus), nil, nil, scroll))
}

func (s *settingsScreen) updateOfficeNote() {
	if s.desk.IsManager() {
		s.officeNote.SetText(lang.L("These settings apply to every desk on this database."))
	} else {
		s.officeNote.SetText(lang.L("These settings apply to every desk on this database; only a manager may change them."))
	}
}

// Content returns the screen's widgets.
func (s *settingsScreen) Content() fyne.CanvasObject { return s.content }

// Shown loads the engine version, the office settings and the people, the
// first time the section is opened.
func (s *settingsScreen) Shown() {
	if s.loaded {
		return
	}
	s.loaded = true
	s.logo.load()
	s.work.Go(func() func() {
		ctx := context.Background()
		engine, errEngine := s.store.EngineVersion(ctx)
		office, errOffice := s.store.Office(ctx)
		people, errPeople := s.store.Employees(ctx, false)
		backups, errBackups := model.Backups(s.store.BackupDir())
		return func() {
			s.showBackups(backups, errBackups)
			if errEngine != nil {
				engine = SayLoadErr(errEngine)
			}
			s.dbEngine.SetText(engine)
			if err := errors.Join(errOffice, errPeople); err != nil {
				s.office.fields.SetOther(SayLoadErr(err))
				return
			}
			s.office.people = people
			s.office.load(office)
		}
	})
}

// showBackups shows the newest automatic backup, or that there is none.
func (s *settingsScreen) showBackups(backups []model.BackupFile, err error) {
	switch {
	case !s.sqlite:
	case err != nil:
		s.lastBackup.SetText(SayLoadErr(err))
	case len(backups) == 0:
		s.lastBackup.SetText(lang.L("None yet: OrderDesk backs up once a day when it starts."))
	default:
		s.lastBackup.SetText(lang.L("{{.Day}}, {{.N}} kept in {{.Folder}}", map[string]any{
			"Day": backups[0].Day.String(), "N": len(backups), "Folder": s.store.BackupDir()}))
	}
}

// onBackupNow backs the database up now, off the UI goroutine.
func (s *settingsScreen) onBackupNow() {
	s.backupNow.Disable()
	s.lastBackup.SetText(lang.L("Backing up…"))
	s.work.Go(func() func() {
		_, err := s.store.BackupNow(context.Background())
		backups, errList := model.Backups(s.store.BackupDir())
		return func() {
			s.backupNow.Enable()
			if err != nil {
				s.lastBackup.SetText(SayErr(err))
				return
			}
			s.showBackups(backups, errList)
		}
	})
}

// onUseDatabase remembers the database this desk opens from its next start;
// a PostgreSQL password goes to the keychain, never into the preferences.
func (s *settingsScreen) onUseDatabase() {
	bare, typed := secret.Split(strings.TrimSpace(s.nextDB.Text))
	password := s.nextDBPass.Text
	if password == "" {
		password = typed
	}
	if password != "" {
		if err := secret.Save(bare, password); err != nil {
			s.nextDBNote.SetText(lang.L("The password could not be kept in the keychain: {{.Reason}}. Set ORDERDESK_DB_PASSWORD instead.", map[string]any{"Reason": err.Error()}))
			return
		}
	}
	s.settings.SetDatabase(bare)
	s.nextDB.SetText(bare)
	s.nextDBPass.SetText("")
	s.nextDBNote.SetText(lang.L("OrderDesk opens this database from its next start."))
}

// OnNew does nothing: there is nothing to create here.
func (s *settingsScreen) OnNew() {}

// OnFind does nothing: the screen has no search.
func (s *settingsScreen) OnFind() {}

// OnCancel puts back the stored office settings (Esc).
func (s *settingsScreen) OnCancel() {
	s.office.load(s.office.stored)
	s.officeStatus.SetText("")
}

// OnSave saves the office settings (Ctrl+S). Only a manager may; the model
// decides and the refusal is shown.
func (s *settingsScreen) OnSave() {
	saveForm(s.desk, s.office.fields, s.save, &s.work, s.office.read, s.store.SaveOffice, func(o model.Office, err error) {
		if err != nil {
			s.office.fields.Clear()
			if !s.office.fields.Show(err) {
				s.office.fields.SetOther(SayErr(err))
			}
			s.officeStatus.SetText(SayErr(err))
			return
		}
		s.office.load(o)
		s.officeStatus.SetText(lang.L("Office settings saved."))
	})
}
