package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"orderdesk/model"
)

func init() {
	register("items", "list action items (items list [-person NAME] [-overdue]) or hand one person's work to another (items reassign -from NAME -to NAME|GROUP [-dry-run])", runItems)
}

func runItems(ctx context.Context, env *Env, args []string) error {
	verb, args := subverb(args, "list", "reassign")
	switch verb {
	case "reassign":
		return itemsReassign(ctx, env, args)
	case "list":
		return itemsList(ctx, env, args)
	}
	fmt.Fprintln(env.Stderr, "Usage: orderdesk items list [-db …] [-person NAME] [-overdue] [-n N]\n       orderdesk items reassign [-db …] -from NAME -to NAME|GROUP [-orders-to NAME] [-dry-run] [-as MANAGER]")
	return errUsage
}

func itemsList(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "items", "list [-person NAME] [-overdue]")
	person := fs.String("person", "", "only this person's items (name or initials)")
	overdue := fs.Bool("overdue", false, "only items due before today")
	limit := fs.Int("n", 200, "at most this many items (0: all)")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := atLeast(fs, "n", *limit, 0); err != nil {
		return err
	}
	s, err := openCurrent(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	f := model.ItemsFilter{Overdue: *overdue, Limit: *limit}
	if *person != "" {
		e, err := s.EmployeeByName(ctx, *person)
		if err != nil {
			return err
		}
		f.PersonID = e.ID
	}
	items, err := s.PendingItems(ctx, f)
	if err != nil {
		return err
	}
	names, err := objectNames(ctx, s, items)
	if err != nil {
		return err
	}
	today := s.Today()
	w := newTable(env.Stdout, 2, false)
	fmt.Fprintln(w, "ID\tDUE\tLATE\tASSIGNED TO\tPUBLIC\tON\tTITLE")
	for _, n := range items {
		late := ""
		if d := n.DueOn.DaysUntil(today); d > 0 {
			late = fmt.Sprintf("%dd", d)
		}
		public := ""
		if n.Public {
			public = "yes"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", n.ID, n.DueOn, late, assignedTo(&n), public,
			objectName(names, n.ObjectKind, n.ObjectID), n.Title)
	}
	w.Flush()
	fmt.Fprintf(env.Stdout, "%d action items\n", len(items))
	return nil
}

func itemsReassign(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "items", "reassign -from NAME -to NAME|GROUP [-orders-to NAME] [-dry-run] [-as MANAGER]")
	from := fs.String("from", "", "whose work moves (name or initials)")
	to := fs.String("to", "", "who takes it: a person (name or initials) or a work group (code or name)")
	ordersTo := fs.String("orders-to", "", "who takes the open orders when the work goes to a group")
	dry := fs.Bool("dry-run", false, "only show what would move")
	as := fs.String("as", "", "the manager making the change (name or initials)")
	if err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		fs.Usage()
		return errUsage
	}
	s, err := env.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	source, err := s.EmployeeByName(ctx, *from)
	if err != nil {
		return err
	}
	h := model.Handover{From: source.ID}
	toName, err := handoverTarget(ctx, s, *to, &h)
	if err != nil {
		return err
	}
	if *ordersTo != "" {
		e, err := s.EmployeeByName(ctx, *ordersTo)
		if err != nil {
			return err
		}
		h.OrdersTo = &e.ID
	}
	preview, err := s.PreviewHandover(ctx, source.ID)
	if err != nil {
		return err
	}
	if err := printPreview(ctx, env, s, source, toName, preview); err != nil {
		return err
	}
	if *dry {
		fmt.Fprintln(env.Stdout, "dry run: nothing moved")
		return nil
	}
	by, err := cliActor(ctx, env, s, *as)
	if err != nil {
		return err
	}
	if err := s.Handover(ctx, by, h, preview); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d things moved from %s to %s\n", preview.Total(), source.Name, toName)
	return nil
}

// handoverTarget fills h's receiver from name: a person first, else a group
// by code or name. It returns how to name the receiver.
func handoverTarget(ctx context.Context, s *model.Store, name string, h *model.Handover) (string, error) {
	e, err := s.EmployeeByName(ctx, name)
	if err == nil {
		h.ToPerson = &e.ID
		return e.Name, nil
	}
	if !errors.Is(err, model.ErrNotFound) {
		return "", err
	}
	if g, err := s.GroupByCode(ctx, name); err == nil {
		h.ToGroup = &g.ID
		return g.Name, nil
	}
	groups, err := s.Groups(ctx)
	if err != nil {
		return "", err
	}
	for i := range groups {
		if strings.EqualFold(groups[i].Name, strings.TrimSpace(name)) {
			h.ToGroup = &groups[i].ID
			return groups[i].Name, nil
		}
	}
	return "", fmt.Errorf("%q is neither an employee nor a work group: %w", name, model.ErrNotFound)
}

func printPreview(ctx context.Context, env *Env, s *model.Store, from *model.Employee, toName string, p model.HandoverPreview) error {
	fmt.Fprintf(env.Stdout, "from %s to %s: %d action items, %d open orders", from.Name, toName, len(p.ActionItems), len(p.Orders))
	kinds := make([]string, 0, len(p.Others))
	for k := range p.Others {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(env.Stdout, ", %d %s", len(p.Others[k]), k)
	}
	fmt.Fprintln(env.Stdout)
	items, err := s.NotesByID(ctx, p.ActionItems)
	if err != nil {
		return err
	}
	refs := make([]model.ObjectRef, 0, len(p.Orders))
	for _, id := range p.Orders {
		refs = append(refs, model.ObjectRef{Kind: model.OnOrder, ID: id})
	}
	orders, err := s.ObjectNames(ctx, refs)
	if err != nil {
		return err
	}
	w := newTable(env.Stdout, 2, false)
	for _, n := range items {
		fmt.Fprintf(w, "  action item %d\tdue %s\t%s\n", n.ID, n.DueOn, n.Title)
	}
	for _, id := range p.Orders {
		fmt.Fprintf(w, "  order\t%s\t\n", objectName(orders, model.OnOrder, id))
	}
	for _, k := range kinds {
		for _, id := range p.Others[k] {
			fmt.Fprintf(w, "  %s\t%d\t\n", k, id)
		}
	}
	return w.Flush()
}

func objectNames(ctx context.Context, s *model.Store, items []model.Note) (map[model.ObjectRef]string, error) {
	refs := make([]model.ObjectRef, len(items))
	for i, n := range items {
		refs[i] = model.ObjectRef{Kind: n.ObjectKind, ID: n.ObjectID}
	}
	return s.ObjectNames(ctx, refs)
}

func objectName(names map[model.ObjectRef]string, kind model.ObjectKind, id uint) string {
	if n, ok := names[model.ObjectRef{Kind: kind, ID: id}]; ok {
		return n
	}
	return fmt.Sprintf("%s %d", kind, id)
}

func assignedTo(n *model.Note) string {
	switch {
	case n.Assignee != nil:
		return n.Assignee.Name
	case n.AssignedGroup != nil:
		return n.AssignedGroup.Name + " (group)"
	}
	return ""
}
