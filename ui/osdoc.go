package ui

// How a kept document (a PDF) is handed to the operating system to show or
// to print. The choice per system is a plain function so that tests on
// Linux check what Windows and macOS get; osdoc_windows.go and
// osdoc_unix.go only carry it out.

// docVerb is what the clerk asked of a document.
type docVerb string

const (
	verbOpen  docVerb = "open"
	verbPrint docVerb = "print"
)

// docTry is one way of asking the system: on Windows, ShellExecute with a
// verb on the file (the PDF reader registers "open" and, usually,
// "print"); elsewhere a command. Wait says the command's exit status
// answers the request (lp says whether the printer took the job); a
// viewer is left running.
type docTry struct {
	ShellVerb string
	Command   []string
	Wait      bool
}

// docTries are the ways to carry out verb on the file at path on goos, in
// order: the first that works is used. Printing falls back to opening the
// document, so that the clerk prints from the viewer when the reader has
// no print verb (Windows' SE_ERR_NOASSOC) or there is no default printer.
func docTries(goos string, verb docVerb, path string) []docTry {
	open := docTry{Command: []string{"xdg-open", path}}
	switch goos {
	case "windows":
		open = docTry{ShellVerb: "open"}
	case "darwin":
		open = docTry{Command: []string{"open", path}}
	}
	if verb != verbPrint {
		return []docTry{open}
	}
	print := docTry{Command: []string{"lp", path}, Wait: true} // CUPS: macOS and Linux print PDFs directly
	if goos == "windows" {
		print = docTry{ShellVerb: "print"}
	}
	return []docTry{print, open}
}

// runDocTries carries out the tries in order with do until one works; the
// first failure is the answer when none does (it says why it did not print).
func runDocTries(tries []docTry, path string, do func(docTry, string) error) error {
	var first error
	for _, t := range tries {
		err := do(t, path)
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return first
}
