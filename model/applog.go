package model

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
)

// LogFile is the name of the app's log in its storage folder (AppDir).
const LogFile = "orderdesk.log"

// The log is rotated by size: at logMaxSize it becomes orderdesk.log.1
// (the older ones shift up), and logKeep files are kept in all, so the
// log never takes more than about 5 MiB of a clerk's disk.
const (
	logMaxSize = 1 << 20
	logKeep    = 5
)

// appLog is where unexpected errors are written: nowhere until StartLog.
var appLog struct {
	sync.Mutex
	logger  *slog.Logger
	file    *rotatingFile
	secrets []string // literal passwords to take out of every line
}

// StartLog opens (creating, mode 0600) the log file in dir and sends every
// unexpected error there from now on; it returns the file's path. The
// window and the command line both call it with AppDir().
func StartLog(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := openRotating(filepath.Join(dir, LogFile))
	if err != nil {
		return "", err
	}
	appLog.Lock()
	defer appLog.Unlock()
	if appLog.file != nil {
		appLog.file.Close()
	}
	appLog.file = f
	appLog.logger = slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{ReplaceAttr: redactAttr}))
	for _, env := range []string{"ORDERDESK_DB_PASSWORD", "PGPASSWORD"} {
		addSecretLocked(os.Getenv(env))
	}
	return f.path, nil
}

// StopLog closes the log file; errors are no longer written anywhere.
func StopLog() {
	appLog.Lock()
	defer appLog.Unlock()
	if appLog.file != nil {
		appLog.file.Close()
	}
	appLog.file, appLog.logger = nil, nil
}

// LogPath returns the log file's path, or "" when there is no log.
func LogPath() string {
	appLog.Lock()
	defer appLog.Unlock()
	if appLog.file == nil {
		return ""
	}
	return appLog.file.path
}

// AddSecret makes the log write s (a password) as "xxxxx" wherever it
// appears; Open calls it with the password of a PostgreSQL URL.
func AddSecret(s string) {
	appLog.Lock()
	defer appLog.Unlock()
	addSecretLocked(s)
}

func addSecretLocked(s string) {
	if len(s) < 3 { // too short to redact without mangling every line
		return
	}
	for _, known := range appLog.secrets {
		if known == s {
			return
		}
	}
	appLog.secrets = append(appLog.secrets, s)
}

// LogError writes an unexpected error to the log: what was being done
// (op, "load customers"), where in the code it was said, the cause in plain
// words when one is known, and every error of its cause chain.
func LogError(op string, err error) {
	if err == nil {
		return
	}
	appLog.Lock()
	l := appLog.logger
	appLog.Unlock()
	if l == nil {
		return
	}
	attrs := []slog.Attr{slog.String("op", op), slog.String("where", caller())}
	if c := CauseOf(err); c != CauseUnknown {
		attrs = append(attrs, slog.String("cause", string(c)))
	}
	attrs = append(attrs, slog.String("error", err.Error()))
	for i, e := range causeChain(err) {
		attrs = append(attrs, slog.String(fmt.Sprintf("chain.%d", i), fmt.Sprintf("%T: %v", e, e)))
	}
	l.LogAttrs(context.Background(), slog.LevelError, "unexpected error", attrs...)
}

// causeChain lists err and every error it wraps, depth first.
func causeChain(err error) []error {
	var out []error
	var walk func(error)
	walk = func(e error) {
		if e == nil || len(out) >= 20 {
			return
		}
		out = append(out, e)
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// caller names the first function outside the logging and saying code
// that led here: the screen or command that met the error.
func caller() string {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		base := filepath.Base(f.File)
		dir := filepath.Base(filepath.Dir(f.File))
		skip := (dir == "model" && (base == "applog.go" || base == "msg.go" || base == "cause.go")) ||
			(dir == "ui" && base == "say.go")
		if !skip && f.Function != "" {
			return fmt.Sprintf("%s (%s:%d)", f.Function, dir+"/"+base, f.Line)
		}
		if !more {
			return ""
		}
	}
}

// urlPassword and dsnPassword find the passwords of a postgres:// URL and
// of a key=value DSN.
var (
	urlPassword = regexp.MustCompile(`(?i)(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@`)
	dsnPassword = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)
)

// Redact returns s with every password it may hold replaced by "xxxxx".
func Redact(s string) string {
	s = urlPassword.ReplaceAllString(s, "${1}xxxxx@")
	s = dsnPassword.ReplaceAllString(s, "${1}xxxxx")
	appLog.Lock()
	secrets := appLog.secrets
	appLog.Unlock()
	for _, p := range secrets {
		s = strings.ReplaceAll(s, p, "xxxxx")
	}
	return s
}

func redactAttr(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindString {
		a.Value = slog.StringValue(Redact(a.Value.String()))
	}
	return a
}

// rotatingFile is an io.Writer on the log file that moves it aside when it
// reaches logMaxSize.
type rotatingFile struct {
	mu   sync.Mutex
	path string
	f    *os.File
	size int64
}

func openRotating(path string) (*rotatingFile, error) {
	r := &rotatingFile{path: path}
	return r, r.open()
}

func (r *rotatingFile) open() error {
	f, err := os.OpenFile(r.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	// A log made by an older version, or copied, may be readable by others.
	f.Chmod(0o600)
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.size = f, st.Size()
	return nil
}

func (r *rotatingFile) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return 0, io.ErrClosedPipe
	}
	if r.size > 0 && r.size+int64(len(p)) > logMaxSize {
		if err := r.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}

// rotate shifts orderdesk.log.N to .N+1 (dropping the oldest) and starts a
// new orderdesk.log.
func (r *rotatingFile) rotate() error {
	r.f.Close()
	r.f = nil
	os.Remove(fmt.Sprintf("%s.%d", r.path, logKeep-1))
	for i := logKeep - 2; i >= 1; i-- {
		os.Rename(fmt.Sprintf("%s.%d", r.path, i), fmt.Sprintf("%s.%d", r.path, i+1))
	}
	if err := os.Rename(r.path, r.path+".1"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return r.open()
}

func (r *rotatingFile) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}
