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
	register("print", "print a document of an order to a PDF: print KIND NO [-o FILE.pdf] [-force] [-shipment SH-…] [-as NAME] (KIND: "+kindNames()+"), or a return's: print return-authorization RMA-NO [-o FILE.pdf] [-lang zh-TW|en]", runPrint)
}

func kindNames() string {
	s := make([]string, len(reports.Kinds))
	for i, k := range reports.Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, "|")
}

func runPrint(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "print", "KIND NO [-o FILE.pdf] [-force] [-lang zh-TW|en] [-shipment SH-…] [-as NAME]")
	out := fs.String("o", "", "the PDF file to write (default: NO-KIND-Rn.pdf in the current folder)")
	lang := fs.String("lang", "", "document language, zh-TW or en (default: the customer's)")
	force := fs.Bool("force", false, "replace FILE.pdf if it exists (never the database)")
	shipment := fs.String("shipment", "", "the shipment a shipping notice or arrival receipt is of, when the order went in several")
	as := fs.String("as", "", "who sends it (name or initials): the fax cover's sender; required for fax-cover")
	with := fs.String("with", string(reports.KindConfirmation), "the document a fax cover goes with; its pages are counted")
	if err := parse(fs, args, 2, 2); err != nil {
		return err
	}
	if *lang != "" && *lang != model.LangZH && *lang != model.LangEN {
		return badFlag(fs, "-lang %q: the document languages are %s and %s", *lang, model.LangZH, model.LangEN)
	}
	pos := fs.Args()
	kind, no := reports.Kind(pos[0]), pos[1]
	if kind == reports.KindReturnAuthorization {
		return printReturnAuthorization(ctx, env, *db, no, *out, *lang, *force)
	}
	if kind == reports.KindFaxCover && strings.TrimSpace(*as) == "" {
		return badFlag(fs, "fax-cover needs -as NAME: the person sending it")
	}
	s, err := openCurrent(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	o, err := s.OrderByNo(ctx, no)
	if err != nil {
		return fmt.Errorf("order %s: %w", no, err)
	}
	shipments, err := s.OrderShipments(ctx, o.ID)
	if err != nil {
		return err
	}
	scans, err := s.ScansOf(ctx, o.ID)
	if err != nil {
		return err
	}
	req := reports.Request{Kind: kind, ShipmentNo: *shipment, With: reports.Kind(*with)}
	if *as != "" {
		by, err := s.EmployeeByName(ctx, *as)
		if err != nil {
			return fmt.Errorf("-as %s: %w", *as, err)
		}
		req.From = by.Name
		if by.NameZH != "" && by.NameZH != by.Name {
			req.From = by.NameZH + " " + by.Name
		}
	}
	office, err := s.PrintOffice(ctx)
	if err != nil {
		return err
	}
	p := reports.PrintingOf(o, req, shipments, scans, office, s.Now())
	p.Options.Lang = *lang
	dest := *out
	if dest == "" {
		dest = filepath.Base(p.FileName())
	}
	return writePDF(env, s, dest, *force, fmt.Sprintf("%s of %s", kind, o.No), p.Render)
}

// writePDF renders a document into dest (never over the database, nor
// over a file unless force), warns of each character the font could not
// print, and says where it went.
func writePDF(env *Env, s *model.Store, dest string, force bool, what string, render func(io.Writer) ([]reports.Replaced, error)) error {
	var replaced []reports.Replaced
	err := model.WriteOutputFile(dest, s, force, func(w io.Writer) error {
		var err error
		replaced, err = render(w)
		return err
	})
	if err != nil {
		return err
	}
	for _, r := range replaced {
		fmt.Fprintf(env.Stderr, "warning: the font cannot print %s; a □ stands in its place\n", r)
	}
	fmt.Fprintf(env.Stdout, "%s written to %s\n", what, dest)
	return nil
}

// printReturnAuthorization writes a return's authorization for the
// customer; the report refuses it, with the model's reason, until the
// return is authorized.
func printReturnAuthorization(ctx context.Context, env *Env, db, no, out, lang string, force bool) error {
	s, err := env.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.RMAByNo(ctx, no)
	if err != nil {
		return fmt.Errorf("RMA %s: %w", no, err)
	}
	office, err := s.PrintOffice(ctx)
	if err != nil {
		return err
	}
	opt := reports.OptionsFromOffice(office)
	opt.Today, opt.Lang = opt.DayOf(s.Now()), lang
	dest := out
	if dest == "" {
		dest = filepath.Base(reports.ReturnAuthorizationFileName(r))
	}
	return writePDF(env, s, dest, force, fmt.Sprintf("%s of %s", reports.KindReturnAuthorization, r.No),
		func(w io.Writer) ([]reports.Replaced, error) { return reports.ReturnAuthorization(w, r, opt) })
}
