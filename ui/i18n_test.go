package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"orderdesk/assets"
	"orderdesk/model"
)

// translated returns every key of the translation files for one language.
func translated(t *testing.T, suffix string) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	names, _ := fs.Glob(assets.Translations, "translations/*"+suffix)
	for _, name := range names {
		data, err := assets.Translations.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s is not valid JSON: %v", name, err)
		}
		for k := range m {
			keys[k] = true
		}
	}
	return keys
}

// sentences collects the string literals a package hands to the translation
// functions: lang.L / lang.X in the UI, M, Refuse and FieldErrors.Add in the
// model (fe, by convention the FieldErrors being built; whose English templates are the translation keys, see Say).
func sentences(t *testing.T, dir string) map[string]string {
	t.Helper()
	found := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	fset := token.NewFileSet()
	var parsed []*ast.File
	consts := map[string]string{} // the package's string constants, which a sentence may end with
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, v := range vs.Values {
						if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[vs.Names[i].Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
		}
	}
	// text is the value of a string literal, a constant or a sum of them.
	var text func(e ast.Expr) (string, bool)
	text = func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			s, err := strconv.Unquote(e.Value)
			return s, e.Kind == token.STRING && err == nil
		case *ast.Ident:
			s, ok := consts[e.Name]
			return s, ok
		case *ast.BinaryExpr:
			a, ok1 := text(e.X)
			b, ok2 := text(e.Y)
			return a + b, ok1 && ok2 && e.Op == token.ADD
		}
		return "", false
	}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			arg := -1
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				switch x, _ := fn.X.(*ast.Ident); {
				case x != nil && x.Name == "lang" && (fn.Sel.Name == "L" || fn.Sel.Name == "X"):
					arg = 0
				case x != nil && x.Name == "model" && (fn.Sel.Name == "M" || fn.Sel.Name == "Refuse"):
					arg = 0
				case x != nil && x.Name == "fe" && fn.Sel.Name == "Add" && len(call.Args) >= 2:
					arg = 1
				}
			case *ast.Ident:
				if dir == "../model" && (fn.Name == "M" || fn.Name == "Refuse") {
					arg = 0
				}
			}
			if arg < 0 || arg >= len(call.Args) {
				return true
			}
			if s, ok := text(call.Args[arg]); ok {
				found[s] = fset.Position(call.Args[arg].Pos()).String()
			}
			return true
		})
	}
	return found
}

// TestEverySentenceIsTranslated fails when a sentence a clerk can read has
// no Traditional Chinese translation, naming the file and line.
func TestEverySentenceIsTranslated(t *testing.T) {
	zh := translated(t, ".zh-TW.json")
	var missing []string
	// csvio's refusals of a file reach the clerk in the import dialog.
	// cli: the words of a command that prints in the language asked (rma -lang).
	for _, dir := range []string{".", "../model", "../csvio", "../cli"} {
		for s, where := range sentences(t, dir) {
			if !zh[s] {
				missing = append(missing, where+": "+strconv.Quote(s))
			}
		}
	}
	// Names the model gives its states, channels and gates are shown through lang too.
	for _, name := range modelNames() {
		if !zh[name] {
			missing = append(missing, "model name: "+strconv.Quote(name))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no zh-TW translation: %s", m)
	}
}

// TestTranslationFilesPair checks each area's English and Chinese files
// hold the same keys, so neither language silently lacks a sentence.
func TestTranslationFilesPair(t *testing.T) {
	names, _ := fs.Glob(assets.Translations, "translations/*.en.json")
	for _, en := range names {
		zhName := strings.TrimSuffix(en, ".en.json") + ".zh-TW.json"
		if _, err := fs.Stat(assets.Translations, zhName); err != nil {
			continue // an English-only file (base) holds no sentences of its own
		}
		read := func(name string) map[string]any {
			data, _ := assets.Translations.ReadFile(name)
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return m
		}
		a, b := read(en), read(zhName)
		for k := range a {
			if _, ok := b[k]; !ok {
				t.Errorf("%s has %q, %s does not", en, k, zhName)
			}
		}
	}
}

// TestNoSentenceHasTwoTranslations: Fyne merges every area's file into one
// table per language, so a sentence two areas translate differently shows
// whichever file loaded last, in both places. The order list's "Received"
// (the day an order came in, 接單日) read 已收貨 ("goods received"), a
// return's state, on every order.
func TestNoSentenceHasTwoTranslations(t *testing.T) {
	for _, glob := range []string{"translations/*.zh-TW.json", "translations/*.en.json"} {
		names, _ := fs.Glob(assets.Translations, glob)
		seen := map[string]string{} // sentence → its translation, as JSON
		where := map[string]string{}
		for _, name := range names {
			data, _ := assets.Translations.ReadFile(name)
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for k, v := range m {
				j, _ := json.Marshal(v)
				if prev, ok := seen[k]; ok && prev != string(j) {
					t.Errorf("%q is %s in %s but %s in %s: give one of them its own sentence", k, prev, where[k], j, name)
					continue
				}
				seen[k], where[k] = string(j), name
			}
		}
	}
}

func modelNames() []string {
	var out []string
	for _, s := range model.States {
		out = append(out, s.Name())
	}
	for _, c := range model.Channels {
		out = append(out, c.Name())
	}
	for _, g := range model.Gates {
		out = append(out, g.Name())
	}
	for _, st := range model.TicketStatuses {
		out = append(out, st.Name(), st.ShortName())
	}
	for _, e := range model.Extensions {
		out = append(out, e.Name())
	}
	for _, p := range []model.Priority{model.PriorityNA, model.PriorityLow, model.PriorityNormal, model.PriorityHigh, model.PriorityUrgent} {
		out = append(out, p.Name())
	}
	for _, t := range model.TicketTypes {
		out = append(out, t.Name)
		if t.Group != "" {
			out = append(out, t.Group)
		}
	}
	return out
}
