package cli

import (
	"context"
	"fmt"

	"orderdesk/model"
)

func init() {
	register("groups", "the office's groups (departments): groups list [-all] | add CODE -name NAME [-name-zh NAME] -as MANAGER | rename CODE -name NAME [-name-zh NAME] -as MANAGER | deactivate CODE [-reason TEXT] -as MANAGER | reactivate CODE -as MANAGER", runGroups)
}

func runGroups(ctx context.Context, env *Env, args []string) error {
	verb, rest := subverb(args, "list", "add", "rename", "deactivate", "reactivate")
	switch verb {
	case "list":
		return groupsList(ctx, env, rest)
	case "add", "rename":
		return groupsSave(ctx, env, verb, rest)
	case "deactivate", "reactivate":
		return groupsSetActive(ctx, env, verb == "reactivate", rest)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk groups list | add | rename | deactivate | reactivate …  (orderdesk groups add -h)")
	return errUsage
}

func groupsList(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "groups", "list [-all]")
	all := fs.Bool("all", false, "include the groups that were deactivated")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	groups, err := s.Groups(ctx)
	if err != nil {
		return err
	}
	if *all {
		inactive, err := s.InactiveGroups(ctx)
		if err != nil {
			return err
		}
		groups = append(groups, inactive...)
	}
	w := newTable(env.Stdout, 2, false)
	fmt.Fprintln(w, "CODE\tNAME\tNAME (ZH)\tMEMBERS\tACTIVE")
	for _, g := range groups {
		members, err := s.MembersOf(ctx, g.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\n", g.Code, g.Name, g.NameZH, len(members), yes(g.Active))
	}
	return w.Flush()
}

// groupsSave adds a group or renames one; the model lets only a manager,
// and writes the event.
func groupsSave(ctx context.Context, env *Env, verb string, args []string) error {
	fs, db := flags(env, "groups", verb+" CODE -name NAME [-name-zh NAME] -as MANAGER")
	name := fs.String("name", "", "the group's name (required)")
	nameZH := fs.String("name-zh", "", "the group's name in Chinese")
	as := fs.String("as", "", "the manager (initials or name; password from "+PasswordEnv+" or the terminal)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	if *name == "" {
		return badFlag(fs, "-name: give the group's name")
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	g := &model.Group{Code: fs.Arg(0), Active: true}
	if verb == "rename" {
		if g, err = s.GroupByCode(ctx, fs.Arg(0)); err != nil {
			return fmt.Errorf("group %s: %w", fs.Arg(0), err)
		}
	}
	g.Name = *name
	if *nameZH != "" || verb == "add" {
		g.NameZH = *nameZH
	}
	if err := s.SaveGroup(ctx, by, g); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "group %s: %s\n", g.Code, g.Display())
	return nil
}

// groupsSetActive deactivates or reactivates a group; the model lets only
// a manager, keeps a group that signs a gate active, and writes the event.
func groupsSetActive(ctx context.Context, env *Env, active bool, args []string) error {
	verb, usage := "deactivate", "deactivate CODE [-reason TEXT] -as MANAGER"
	if active {
		verb, usage = "reactivate", "reactivate CODE -as MANAGER"
	}
	fs, db := flags(env, "groups", usage)
	reason := new(string)
	if !active {
		reason = fs.String("reason", "no longer a group of the office", "why the group is deactivated (kept in the history)")
	}
	as := fs.String("as", "", "the manager (initials or name; password from "+PasswordEnv+" or the terminal)")
	if err := parse(fs, args, 1, 1); err != nil {
		return err
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	g, err := s.GroupByCode(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("group %s: %w", fs.Arg(0), err)
	}
	if err := s.SetGroupActive(ctx, by, g.ID, active, *reason); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "group %s (%s) %sd\n", g.Code, g.Display(), verb)
	return nil
}
