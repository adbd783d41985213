package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"orderdesk/model"
)

// signedStep is a gate of the order procedure the command line can sign:
// the model's rule that records it, given the signer and the flags.
type signedStep struct {
	help  string
	flags func(fs *flag.FlagSet) func(o *model.Order, c model.Ctx, signer model.Signer) error
}

// signedSteps are the gates `orders step` records, by the names of the
// model's actions; each rule checks its signer with model's authority
// (Ctx.MaySign), so a clerk cannot sign for another department here either.
var signedSteps = map[model.Action]signedStep{
	model.DoTechnicalCheck: {"the technical note (signer in the technical group)", func(fs *flag.FlagSet) func(*model.Order, model.Ctx, model.Signer) error {
		note := fs.String("note", "", "the technical department's note on raw material and process (required)")
		cannot := fs.Bool("cannot-produce", false, "the technical department says the order cannot be produced")
		changed := fs.Bool("formula-changed", false, "the formula changed since the customer's last order")
		noMaterial := fs.Bool("no-material", false, "the raw material is not in stock")
		return func(o *model.Order, c model.Ctx, signer model.Signer) error {
			return o.RecordTechnicalCheck(c, model.TechnicalInput{CanProduce: !*cannot, FormulaChanged: *changed,
				MaterialInStock: !*noMaterial, Note: *note, SignedBy: signer})
		}
	}},
	model.DoProductionDate: {"the production date note (signer in the production group)", func(fs *flag.FlagSet) func(*model.Order, model.Ctx, model.Signer) error {
		start := fs.String("production", "", "the production date, YYYY-MM-DD (required)")
		finished := fs.String("finished", "", "the finished-goods date, YYYY-MM-DD (required)")
		qty := fs.String("qty", "", "the quantity production confirms (required)")
		note := fs.String("note", "", "production's note")
		return func(o *model.Order, c model.Ctx, signer model.Signer) error {
			in := model.ProductionDateInput{Note: *note, SignedBy: signer}
			var err1, err2, err3 error
			in.ProductionDate, err1 = model.ParseDate(*start)
			in.FinishedDate, err2 = model.ParseDate(*finished)
			in.Qty, err3 = model.ParseQty(*qty)
			if err := errors.Join(err1, err2, err3); err != nil {
				return err
			}
			return o.RecordProductionDate(c, in)
		}
	}},
	model.DoRelease: {"the production order (signer in the production group)", func(fs *flag.FlagSet) func(*model.Order, model.Ctx, model.Signer) error {
		copyTech := fs.Bool("copy-tech", false, "a copy went to the technical department")
		return func(o *model.Order, c model.Ctx, signer model.Signer) error {
			return o.ReleaseProduction(c, signer, *copyTech)
		}
	}},
	model.DoConfirmPrice: {"an off-price line's confirmation (signer: the order's salesperson)", func(fs *flag.FlagSet) func(*model.Order, model.Ctx, model.Signer) error {
		line := fs.Int("line", 0, "the line confirmed (0: every line whose price still awaits confirmation)")
		note := fs.String("note", "", "what the salesperson said")
		return func(o *model.Order, c model.Ctx, signer model.Signer) error {
			lines := []int{*line}
			if *line == 0 {
				lines = offPriceLines(o, c.Office)
			}
			for _, n := range lines {
				if err := o.ConfirmPrice(c, n, signer, *note); err != nil {
					return err
				}
			}
			return nil
		}
	}},
	model.DoQC: {"the QC inspection and stock-in (signer in the QC group)", func(fs *flag.FlagSet) func(*model.Order, model.Ctx, model.Signer) error {
		qty := fs.String("qty", "", "the quantities counted, LINE=N,… (lines not given: as ordered)")
		failed := fs.String("failed", "", "what failed the inspection: quantity,packaging,labels (none: passed, stocked in)")
		note := fs.String("note", "", "QC's note")
		return func(o *model.Order, c model.Ctx, signer model.Signer) error {
			in, err := qcInput(o, *qty, *failed)
			if err != nil {
				return err
			}
			in.Inspector, in.Note = signer, *note
			return o.RecordQC(c, in)
		}
	}},
	model.DoFinance: {"the finance clearance (signer in the finance group)", func(fs *flag.FlagSet) func(*model.Order, model.Ctx, model.Signer) error {
		note := fs.String("note", "", "finance's note")
		return func(o *model.Order, c model.Ctx, signer model.Signer) error { return o.ClearFinance(c, signer, *note) }
	}},
	model.DoEmergency: {"shipping before the paperwork (signer: the CS supervisor)", func(fs *flag.FlagSet) func(*model.Order, model.Ctx, model.Signer) error {
		reason := fs.String("note", "", "why the goods must ship before the paperwork (required)")
		return func(o *model.Order, c model.Ctx, signer model.Signer) error {
			return o.AuthoriseEmergencyShipping(c, signer, *reason)
		}
	}},
}

// offPriceLines returns the numbers of o's lines whose price still awaits
// its confirmation, so confirm_price without -line confirms them all.
func offPriceLines(o *model.Order, office model.Office) []int {
	var out []int
	for _, l := range o.Lines {
		if l.NeedsPriceConfirmation(office.PriceTolerancePct) {
			out = append(out, l.LineNo)
		}
	}
	if len(out) == 0 {
		out = []int{1} // ConfirmPrice says the line needs none
	}
	return out
}

// qcInput reads the qc step's flags: each line counted as ordered unless
// -qty gives its count (a passed inspection usually counts what was
// ordered, so a clerk types only the lines that differ), and the checks
// that -failed names failed.
func qcInput(o *model.Order, qty, failed string) (model.QCInput, error) {
	in := model.QCInput{Produced: map[int]model.Qty{}, QuantityOK: true, PackagingOK: true, LabelsOK: true}
	for _, l := range o.Lines {
		in.Produced[l.LineNo] = l.Qty
	}
	for _, part := range strings.Split(qty, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		no, n, ok := strings.Cut(part, "=")
		line, err := strconv.Atoi(strings.TrimSpace(no))
		if !ok || err != nil || o.Line(line) == nil {
			return in, fmt.Errorf("-qty %q: give LINE=N for lines of order %s", part, o.No)
		}
		if in.Produced[line], err = model.ParseQty(strings.TrimSpace(n)); err != nil {
			return in, fmt.Errorf("-qty %q: %w", part, err)
		}
	}
	for _, f := range strings.Split(failed, ",") {
		switch strings.TrimSpace(f) {
		case "":
		case "quantity":
			in.QuantityOK = false
		case "packaging":
			in.PackagingOK = false
		case "labels":
			in.LabelsOK = false
		default:
			return in, fmt.Errorf("-failed %q: name quantity, packaging or labels", f)
		}
	}
	return in, nil
}

func stepNames() string {
	var names []string
	for a := range signedSteps {
		names = append(names, string(a))
	}
	sort.Strings(names)
	return strings.Join(names, "|")
}

// ordersStep records a signed gate of an order: entered by the person of
// -as (signed in with their password), signed by -signer (the same person
// when not given), who must be entitled to sign it.
func ordersStep(ctx context.Context, env *Env, args []string) error {
	name, rest := subverb(args, strings.Split(stepNames(), "|")...)
	step, ok := signedSteps[model.Action(name)]
	usage := "step NO " + stepNames() + " [-signer CODE] -as CODE"
	if ok {
		usage = "step NO " + name + " [-signer CODE] -as CODE: " + step.help
	}
	fs, db := flags(env, "orders", usage)
	if !ok {
		fs.Usage()
		return errUsage
	}
	signerName := fs.String("signer", "", "who signs the gate (initials or name); the person of -as when not given")
	as := fs.String("as", "", "the person at the desk who enters it (password from "+PasswordEnv+" or the terminal)")
	rule := step.flags(fs)
	if err := parse(fs, rest, 1, 1); err != nil {
		return err
	}
	if strings.TrimSpace(*as) == "" {
		return badFlag(fs, "-as: say who you are")
	}
	s, err := openCurrent(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	by, err := cliActor(ctx, env, s, *as)
	if err != nil {
		return err
	}
	if *signerName == "" {
		*signerName = *as
	}
	signer, err := s.EmployeeByName(ctx, *signerName)
	if err != nil {
		return fmt.Errorf("-signer: %w", err)
	}
	o, err := s.OrderByNo(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("order %s: %w", fs.Arg(0), err)
	}
	o, err = s.Apply(ctx, by, o.ID, o.Version, func(o *model.Order, c model.Ctx) error {
		return rule(o, c, model.SignerOf(signer))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "order %s: %s signed by %s, entered by %s; now %s\n", o.No, name, signer.Display(), by.Name, o.State)
	return nil
}
