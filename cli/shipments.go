package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"orderdesk/model"
)

func init() {
	register("shipments", "list shipments (shipments list [-view in-transit|follow-up|overdue|awaiting-receipt|to-ship|delivered-month|notice-unsent] [-month YYYY-MM [-csv FILE]])", runShipments)
}

func runShipments(ctx context.Context, env *Env, args []string) error {
	verb, args := subverb(args, "list")
	if verb == "" {
		fmt.Fprintln(env.Stderr, "Usage: orderdesk shipments list [-db …] [-view "+shipmentViewCodes()+"] [-month YYYY-MM [-csv FILE [-force]]] [-n N]")
		return errUsage
	}
	fs, db := flags(env, "shipments", "list [-view V] [-month YYYY-MM [-csv FILE [-force]]]")
	view := fs.String("view", string(model.ShipViewInTransit), "the list: "+shipmentViewCodes())
	month := fs.String("month", "", "the monthly archive: every shipment shipped in this month (YYYY-MM)")
	csvFile := fs.String("csv", "", "with -month: write the archive to this CSV file (UTF-8 with BOM) instead")
	force := fs.Bool("force", false, "with -csv: replace FILE if it exists (never the database)")
	limit := fs.Int("n", 50, "at most this many rows (0: all)")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := atLeast(fs, "n", *limit, 0); err != nil {
		return err
	}
	f := model.ShipmentFilter{Limit: *limit}
	if *month != "" {
		m, err := time.Parse("2006-01", strings.TrimSpace(*month))
		if err != nil {
			return badFlag(fs, "-month %q: write the month as YYYY-MM", *month)
		}
		f.View, f.Month, f.Limit = model.ShipViewMonth, model.NewDate(m.Year(), m.Month(), 1), 0
	} else {
		v, err := model.ParseShipmentView(*view)
		if err != nil || v == model.ShipViewMonth {
			return badFlag(fs, "-view %q: the views are %s", *view, shipmentViewCodes())
		}
		f.View = v
	}
	if *csvFile != "" && f.View != model.ShipViewMonth {
		return badFlag(fs, "-csv exports the monthly archive: give -month YYYY-MM too")
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	rows, err := s.Shipments(ctx, f)
	if err != nil {
		return err
	}
	today := s.Today()
	if *csvFile != "" {
		err := model.WriteOutputFile(*csvFile, s, *force, func(w io.Writer) error {
			return model.WriteShipmentsCSV(w, rows, today)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%d shipments of %s written to %s\n", len(rows), *month, *csvFile)
		return nil
	}
	total, err := s.CountShipments(ctx, f)
	if err != nil {
		return err
	}
	w := newTable(env.Stdout, 2, false)
	fmt.Fprintln(w, "SHIPMENT\tORDER\tCUSTOMER\tCARRIER\tTRACKING\tSHIPPED\tEXPECTED\tDAYS LATE\tSTATUS")
	for _, r := range rows {
		no, status := r.No, string(r.Status)
		if r.ID == 0 {
			no, status = "-", "to ship"
		}
		late := ""
		if n := r.DaysLate(today); n > 0 {
			late = fmt.Sprint(n)
		}
		fmt.Fprintf(w, "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\t%s\t%s\n", no, r.OrderNo, r.CustomerCode, r.CustomerName(model.LangZH),
			r.Carrier, r.TrackingNo, r.ShipDate, r.ExpectedArrival, late, status)
	}
	w.Flush()
	fmt.Fprintf(env.Stdout, "%d of %d rows (%s)\n", len(rows), total, f.View.Name())
	return nil
}

func shipmentViewCodes() string {
	codes := make([]string, len(model.ShipmentViews))
	for i, v := range model.ShipmentViews {
		codes[i] = string(v)
	}
	return strings.Join(codes, ", ")
}
