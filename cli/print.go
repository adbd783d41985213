package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"orderdesk/model"
	"orderdesk/reports"
)

func init() {
	register("print", "print a document of an order to a PDF: print KIND NO [-o FILE.pdf] [-force] (KIND: "+kindNames()+")", runPrint)
}

func kindNames() string {
	s := make([]string, len(reports.Kinds))
	for i, k := range reports.Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, "|")
}

func runPrint(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "print", "KIND NO [-o FILE.pdf] [-force] [-lang zh-TW|en]")
	out := fs.String("o", "", "the PDF file to write (default: NO-KIND-Rn.pdf in the current folder)")
	lang := fs.String("lang", "", "document language, zh-TW or en (default: the customer's)")
	force := fs.Bool("force", false, "replace FILE.pdf if it exists (never the database)")
	if err := parse(fs, args, 2, 2); err != nil {
		return err
	}
	if *lang != "" && *lang != model.LangZH && *lang != model.LangEN {
		return badFlag(fs, "-lang %q: the document languages are %s and %s", *lang, model.LangZH, model.LangEN)
	}
	pos := fs.Args()
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
	var replaced []reports.Replaced
	err = model.WriteOutputFile(dest, s, *force, func(w io.Writer) error {
		var err error
		replaced, err = reports.Render(w, o, reports.Request{Kind: kind, From: "OrderDesk"}, opt)
		return err
	})
	if err != nil {
		return err
	}
	for _, r := range replaced {
		fmt.Fprintf(env.Stderr, "warning: the font cannot print %s; a □ stands in its place\n", r)
	}
	fmt.Fprintf(env.Stdout, "%s of %s written to %s\n", kind, o.No, dest)
	return nil
}
