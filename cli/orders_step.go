package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
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
