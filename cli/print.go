package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"orderdesk/reports"
)

func init() {
	register("print", "print a document of an order to a PDF: print KIND NO -o FILE.pdf (KIND: "+kindNames()+")", runPrint)
}

func kindNames() string {
	s := make([]string, len(reports.Kinds))
	for i, k := range reports.Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, "|")
}

func runPrint(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "print", "KIND NO -o FILE.pdf")
	out := fs.String("o", "", "the PDF file to write (default: NO-KIND-Rn.pdf in the current folder)")
	lang := fs.String("lang", "", "document language, zh-TW or en (default: the customer's)")
	// Flags may come after the arguments, as a clerk would type them.
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return errUsage
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 2 {
		fs.Usage()
		return errUsage
	}
	kind, no := reports.Kind(pos[0]), pos[1]
	s, err := openCurrent(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	o, err := s.OrderByNo(ctx, no)
	if err != nil {
		return fmt.Errorf("order %s: %w", no, err)
	}
	office, err := s.Office(ctx)
	if err != nil {
		return err
	}
	opt := reports.OptionsFromOffice(office)
	opt.Lang, opt.Location = *lang, s.Loc
	dest := *out
	if dest == "" {
		dest = filepath.Base(reports.FileName(o, kind))
	}
	f, err := os.CreateTemp(filepath.Dir(dest), ".print-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	replaced, err := reports.Render(f, o, reports.Request{Kind: kind, From: "OrderDesk"}, opt)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(f.Name(), dest); err != nil {
		return err
	}
	for _, r := range replaced {
		fmt.Fprintf(env.Stderr, "warning: the font cannot print %s; a □ stands in its place\n", r)
	}
	fmt.Fprintf(env.Stdout, "%s of %s written to %s\n", kind, o.No, dest)
	return nil
}
