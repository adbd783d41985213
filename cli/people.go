package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"orderdesk/model"
)

func init() {
	register("people", "the people of the office: people list | add CODE -name NAME [-groups A,B] [-manager] -as MANAGER | deactivate CODE -as MANAGER | password CODE -new PASSWORD -as PERSON | export FILE.csv | import FILE.csv -as MANAGER", runPeople)
}

func runPeople(ctx context.Context, env *Env, args []string) error {
	verb, rest := subverb(args, "list", "add", "deactivate", "password", "export", "import")
	switch verb {
	case "export":
		// The same as orderdesk export people FILE.csv, as for customers.
		return runExport(ctx, env, append([]string{"people"}, rest...))
	case "import":
		return runImport(ctx, env, append([]string{"people"}, rest...))
	case "list":
		return peopleList(ctx, env, rest)
	case "add":
		return peopleAdd(ctx, env, rest)
	case "deactivate":
		return peopleDeactivate(ctx, env, rest)
	case "password":
		return peoplePassword(ctx, env, rest)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk people list | add | deactivate | password | export | import …  (orderdesk people add -h)")
	return errUsage
}

func peopleList(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "people", "list [-all]")
	all := fs.Bool("all", false, "include people who have left")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	people, err := s.Employees(ctx, *all)
	if err != nil {
		return err
	}
	w := newTable(env.Stdout, 2, false)
	fmt.Fprintln(w, "CODE\tNAME\tGROUPS\tROLES\tMANAGER\tACTIVE")
	for _, e := range people {
		groups, err := s.GroupsOf(ctx, e.ID)
		if err != nil {
			return err
		}
		codes := make([]string, len(groups))
		for i, g := range groups {
			codes[i] = g.Code
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Initials, e.Name, strings.Join(codes, ","),
			strings.Join(e.RoleList(), "; "), yes(e.Manager), yes(e.Active))
	}
	return w.Flush()
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func peopleAdd(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "people", "add CODE -name NAME [-groups A,B] [-manager] -as MANAGER")
	name := fs.String("name", "", "the person's full name (required)")
	groups := fs.String("groups", "", "the codes of the groups the person joins, comma-separated (CS,FIN)")
	manager := fs.Bool("manager", false, "make the person a manager")
	as := fs.String("as", "", "the manager who adds the person (initials or name; password from "+PasswordEnv+" or the terminal)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	var ids []uint
	for _, code := range strings.Split(*groups, ",") {
		if code = strings.TrimSpace(code); code == "" {
			continue
		}
		g, err := s.GroupByCode(ctx, code)
		if err != nil {
			return fmt.Errorf("group %s: %w", code, err)
		}
		ids = append(ids, g.ID)
	}
	e := &model.Employee{Name: *name, Initials: fs.Arg(0), Active: true, Manager: *manager}
	if err := s.SaveEmployeeWithGroups(ctx, by, e, ids); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s added; they choose their password at the first sign-in, or a manager sets it (orderdesk people password %s -new …)\n", e.Display(), e.Initials)
	return nil
}

func peopleDeactivate(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "people", "deactivate CODE -as MANAGER [-reason TEXT]")
	as := fs.String("as", "", "the manager (initials or name; password from "+PasswordEnv+" or the terminal)")
	reason := fs.String("reason", "left the office", "why the person is deactivated (kept in the history)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := s.EmployeeByName(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if err := s.SetEmployeeActive(ctx, by, e.ID, false, *reason); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s deactivated; their open work keeps its owner until a manager hands it over in the window (People)\n", e.Display())
	return nil
}

func peoplePassword(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "people", "password CODE -new PASSWORD -as PERSON")
	newPW := fs.String("new", "", "the new password (required)")
	as := fs.String("as", "", "a manager, or the person themselves (password from "+PasswordEnv+" or the terminal)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	if *newPW == "" {
		return badFlag(fs, "-new: give the new password")
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	who, err := s.EmployeeByName(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	by, old, err := passwordActor(ctx, env, s, *as, who)
	if err != nil {
		return err
	}
	if err := s.SetPassword(ctx, by, who.ID, old, *newPW); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "password of %s changed\n", who.Display())
	return nil
}

// passwordActor signs in the person named by -as for a password change
// and returns their current password (the old one, when they change their
// own). A person who has no password yet may choose their first one
// without signing in: an office upgraded from a version without passwords
// starts that way.
func passwordActor(ctx context.Context, env *Env, s *model.Store, as string, who *model.Employee) (model.Actor, string, error) {
	if strings.TrimSpace(as) == "" {
		return model.Actor{}, "", errors.New("-as: say who you are (a manager, or the person themselves)")
	}
	if me, err := s.EmployeeByName(ctx, as); err == nil && me.ID == who.ID && me.Active {
		if has, err := s.HasPassword(ctx, me.ID); err == nil && !has {
			return me.Actor(), "", nil
		}
	}
	pw, err := readPassword(env, fmt.Sprintf("Password for %s: ", as))
	if err != nil {
		return model.Actor{}, "", err
	}
	e, err := s.SignIn(ctx, as, pw)
	if err != nil {
		return model.Actor{}, "", err
	}
	return e.Actor(), pw, nil
}
