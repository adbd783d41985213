package model

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The Windows rules of the path code, run on Linux against the same
// functions the Windows build calls, with a clerk's folder that has Chinese
// characters and spaces in it.
const chenDocs = `C:\Users\陳怡君\Documents\訂單 資料`

func TestMappedDriveIsANetworkShare(t *testing.T) {
	remote := map[string]bool{`Z:\`: true}
	driveType := func(root string) uint32 {
		if remote[root] {
			return driveRemote
		}
		return 3 // DRIVE_FIXED
	}
	cases := []struct {
		path string
		want bool
		how  string
	}{
		{`Z:\客戶 訂單\orderdesk.db`, true, "mapped network drive Z:"},
		{`z:/客戶 訂單/orderdesk.db`, true, "mapped network drive Z:"},
		{`\\?\Z:\客戶 訂單\orderdesk.db`, true, "mapped network drive Z:"},
		{chenDocs + `\orderdesk.db`, false, ""},
		{`\\?\C:\Users\陳怡君\orderdesk.db`, false, ""},
		{`\\檔案伺服器\訂單 共用\orderdesk.db`, false, ""}, // no drive letter: isUNC's case
		{`orderdesk.db`, false, ""},
		{`/home/ann/orderdesk.db`, false, ""},
	}
	for _, c := range cases {
		got, how := isMappedDrive(c.path, driveType)
		if got != c.want || how != c.how {
			t.Errorf("isMappedDrive(%q) = %v %q, want %v %q", c.path, got, how, c.want, c.how)
		}
	}
	for path, want := range map[string]bool{
		`\\檔案伺服器\訂單 共用\orderdesk.db`:       true,
		`\\?\UNC\檔案伺服器\訂單 共用\orderdesk.db`: true,
		`\\?\C:\Users\陳怡君\orderdesk.db`:    false,
		chenDocs + `\orderdesk.db`:         false,
	} {
		if got := isUNC(path); got != want {
			t.Errorf("isUNC(%q) = %v", path, got)
		}
	}
}

func TestAppDirFollowsFyneAndFyneAppToml(t *testing.T) {
	join := func(sep string, home string, parts []string) string {
		return strings.Join(append(append([]string{home}, parts...), "fyne", AppID), sep)
	}
	if got, want := join(`\`, `C:\Users\陳怡君`, homeConfigParts("windows")), `C:\Users\陳怡君\AppData\Roaming\fyne\com.orderdesk.app`; got != want {
		t.Errorf("Windows data folder %s, want %s", got, want)
	}
	if got, want := join("/", "/Users/chen yijun", homeConfigParts("darwin")), "/Users/chen yijun/Library/Preferences/fyne/com.orderdesk.app"; got != want {
		t.Errorf("macOS data folder %s, want %s", got, want)
	}
	if homeConfigParts("linux") != nil {
		t.Error("Linux follows XDG, not a folder under home")
	}
	toml, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil || string(m[1]) != AppID {
		t.Errorf("FyneApp.toml's ID %q is not model.AppID %q: the window and the command line would use different folders", m, AppID)
	}
}

func TestWindowsPathsWithChineseAndSpaces(t *testing.T) {
	for _, c := range []struct {
		path    string
		windows bool
		want    string
	}{
		{chenDocs + `\訂單 資料.db`, true, "訂單 資料"},
		{`C:/Users/陳怡君/Documents/orderdesk.db`, true, "orderdesk"},
		{`\\檔案伺服器\訂單 共用\二〇二四 年.sqlite`, true, "二〇二四 年"},
		{`/home/陳怡君/訂單 資料/orderdesk.db`, false, "orderdesk"},
		{`/home/ann/orderdesk`, false, "orderdesk"},
	} {
		if got := backupFolderName(c.path, c.windows); got != c.want {
			t.Errorf("backupFolderName(%q, windows=%v) = %q, want %q", c.path, c.windows, got, c.want)
		}
	}
	db := chenDocs + `\OrderDesk.db`
	for _, c := range []struct {
		other, goos string
		want        bool
	}{
		{`c:\users\陳怡君\documents\訂單 資料\orderdesk.DB`, "windows", true},
		{`c:\users\陳怡君\documents\訂單 資料\orderdesk.DB`, "darwin", true},
		{`c:\users\陳怡君\documents\訂單 資料\orderdesk.DB`, "linux", false},
		{chenDocs + `\OrderDesk.pdf`, "windows", false},
		{`C:\Users\陳怡珍\Documents\訂單 資料\OrderDesk.db`, "windows", false},
	} {
		if got := sameName(db, c.other, c.goos); got != c.want {
			t.Errorf("sameName(%q, %q, %s) = %v", db, c.other, c.goos, got)
		}
	}
}
