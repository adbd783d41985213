package cli

import (
	"context"
	"fmt"
	"unicode"

	"orderdesk/model"
)

func init() {
	register("office", "office init -name NAME -manager CODE -manager-name NAME: set up a new, empty office with its first manager (password from "+PasswordEnv+" or the terminal); office logo FILE|-clear -as MANAGER: set or remove the letterhead's logo", runOffice)
}

func runOffice(ctx context.Context, env *Env, args []string) error {
	verb, rest := subverb(args, "init", "logo")
	switch verb {
	case "logo":
		return officeLogo(ctx, env, rest)
	case "":
		fmt.Fprintln(env.Stderr, "Usage: orderdesk office init -name NAME -manager CODE -manager-name NAME [-db …] | office logo FILE|-clear -as MANAGER")
		return errUsage
	}
	fs, db := flags(env, "office", "init -name NAME -manager CODE -manager-name NAME")
	name := fs.String("name", "", "the company's name, as documents head it (required)")
	code := fs.String("manager", "", "the first manager's initials (required)")
	managerName := fs.String("manager-name", "", "the first manager's full name (required)")
	if err := parse(fs, rest, 0, 0); err != nil {
		return err
	}
	for flag, v := range map[string]string{"name": *name, "manager": *code, "manager-name": *managerName} {
		if v == "" {
			return badFlag(fs, "-%s is required", flag)
		}
	}
	pw, err := newPassword(env, fmt.Sprintf("Password for %s: ", *code))
	if err != nil {
		return err
	}
	s, err := env.Create(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	o := model.DefaultOffice()
	o.CompanyNameZH, o.CompanyNameEN = "", *name
	if hasHan(*name) {
		o.CompanyNameZH, o.CompanyNameEN = *name, ""
	}
	m := &model.Employee{Name: *managerName, Initials: *code}
	if err := s.SetUpOffice(ctx, o, m, pw); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "office %s set up in %s with %s as its manager\n", *name, where(s), m.Display())
	return nil
}

// hasHan reports whether s is written in Chinese characters, so the name
// goes where the documents print the Chinese name.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
