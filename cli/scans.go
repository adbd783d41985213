package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"orderdesk/model"
	"orderdesk/scan"
)

func init() {
	register("scans", "returned signed confirmations (scans import DIR [-as PERSON] | scans unmatched)", runScans)
}

func runScans(ctx context.Context, env *Env, args []string) error {
	verb, args := subverb(args, "import", "unmatched")
	switch verb {
	case "import":
		return runScansImport(ctx, env, args)
	case "unmatched":
		return runScansUnmatched(ctx, env, args)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk scans import [-db …] [-as PERSON] DIR\n"+
		"       orderdesk scans unmatched [-db …]")
	return errUsage
}

// runScansImport reads every file in DIR as a returned confirmation, as
// the watched scan folder does: used files move to DIR/processed, files
// that are no readable scan to DIR/failed with the reason.
func runScansImport(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "scans", "import [-as PERSON] DIR")
	as := fs.String("as", "", "record the sign-backs as received by this employee (name or initials)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	dir := fs.Arg(0)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder of scans", dir)
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	results, err := s.ProcessScanFolder(ctx, by, dir, scan.Decode)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	failed, matched := 0, 0
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(env.Stdout, "%s\tfailed: %v (moved to %s)\n", r.File, r.Err, filepath.Join(dir, "failed"))
			continue
		case r.Status == model.ScanMatched:
			matched++
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\n", r.File, sayScanResult(r))
	}
	fmt.Fprintf(env.Stdout, "%d files, %d signed back, %d unmatched, %d failed\n", len(results), matched, len(results)-matched-failed, failed)
	if failed > 0 {
		return fmt.Errorf("%d of %d files were not imported (see failed/ and the reasons)", failed, len(results))
	}
	return nil
}

// sayScanResult is what became of one returned file, in English.
func sayScanResult(r model.ScanResult) string {
	switch {
	case r.Err != nil:
		return fmt.Sprintf("returned confirmation %s not imported: %v", r.File, r.Err)
	case r.Status == model.ScanMatched:
		return fmt.Sprintf("%s/R%d signed back; check the signature", r.OrderNo, r.Rev)
	}
	return fmt.Sprintf("unmatched: %s", r.Reason)
}

func runScansUnmatched(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "scans", "unmatched")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	rows, err := s.UnmatchedScans(ctx)
	if err != nil {
		return err
	}
	w := newTable(env.Stdout, 2, false)
	fmt.Fprintln(w, "ID\tARRIVED\tFILE\tPAGES\tCODES\tWHY")
	for _, r := range rows {
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\t%s\n", r.ID, r.ArrivedAt.In(s.Location()).Format("2006-01-02 15:04"), r.FileName, r.Pages, r.Codes, r.Reason())
	}
	w.Flush()
	fmt.Fprintf(env.Stdout, "%d unmatched returns\n", len(rows))
	return nil
}
