package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"orderdesk/csvio"
	"orderdesk/model"
)

func init() {
	register("import", "import customers|products|prices FILE.csv: all rows or, on any bad row, none", runImport)
	register("export", "export customers|products|prices FILE.csv [-force] (UTF-8 with BOM, for Excel)", runExport)
}

func kinds() string {
	var k []string
	for name := range csvio.Importers {
		k = append(k, name)
	}
	sort.Strings(k)
	return strings.Join(k, "|")
}

func runImport(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "import", kinds()+" FILE.csv")
	as := fs.String("as", "", "the employee (initials or name) recorded as making the change")
	if err := parse(fs, args, 2, 2); err != nil {
		return err
	}
	imp, ok := csvio.Importers[fs.Arg(0)]
	if !ok {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(fs.Arg(1))
	if err != nil {
		return err
	}
	defer f.Close()
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := imp(ctx, s, by, f, csvio.Options{Progress: progressTo(env.Stderr, fs.Arg(0))})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d %s imported from %s (read as %s)\n", res.Rows, fs.Arg(0), fs.Arg(1), res.Encoding)
	return nil
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "export", "[-force] "+kinds()+" FILE.csv")
	force := fs.Bool("force", false, "replace FILE.csv if it exists (never the database)")
	if err := parse(fs, args, 2, 2); err != nil {
		return err
	}
	exp, ok := csvio.Exporters[fs.Arg(0)]
	if !ok {
		fs.Usage()
		return errUsage
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	dest := fs.Arg(1)
	var n int
	err = model.WriteOutputFile(dest, s, *force, func(w io.Writer) error {
		var err error
		n, err = exp(ctx, s, w)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d %s exported to %s\n", n, fs.Arg(0), dest)
	return nil
}
