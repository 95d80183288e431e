package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// uses scans the game's sources (game/*.go and every package under
// game/: the scenes, the presentation package, and the model's tables,
// whose metric and lever specs name catalog ids) for message IDs: the
// literal first argument of every t(…) / T(…) call (exact), the literal
// left side of a "prefix." + key first argument (a prefix), and every
// other string literal (IDs chosen in code before the call).
func uses(t *testing.T) (calls map[string]token.Position, prefixes, literals map[string]bool) {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../*.go", "../*/*.go"} {
		fs, err := filepath.Glob(pattern)
		if err != nil || len(fs) == 0 {
			t.Fatalf("no sources match %s: %v", pattern, err)
		}
		files = append(files, fs...)
	}
	calls = map[string]token.Position{}
	prefixes, literals = map[string]bool{}, map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		// The catalog's own files spell every id as a literal; counting
		// them would make every id used.
		if strings.HasSuffix(name, "_test.go") || filepath.Base(filepath.Dir(name)) == "i18n" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil {
						literals[s] = true
					}
				}
			case *ast.BinaryExpr:
				// An id built from a literal prefix anywhere, e.g. the
				// model's Label: "round.metric." + name.
				if l, ok := n.X.(*ast.BasicLit); ok && n.Op == token.ADD && l.Kind == token.STRING {
					if s, err := strconv.Unquote(l.Value); err == nil && strings.HasSuffix(s, ".") {
						prefixes[s] = true
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "t" && sel.Sel.Name != "T") || len(n.Args) == 0 {
					return true
				}
				switch a := n.Args[0].(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(a.Value); err == nil {
						calls[s] = fset.Position(a.Pos())
					}
				case *ast.BinaryExpr:
					if l, ok := a.X.(*ast.BasicLit); ok && a.Op == token.ADD {
						if s, err := strconv.Unquote(l.Value); err == nil {
							prefixes[s] = true
						}
					}
				}
			}
			return true
		})
	}
	return calls, prefixes, literals
}

// TestUsedIDsExist: every ID the game looks up literally is in the catalog.
func TestUsedIDsExist(t *testing.T) {
	c, err := New("en")
	if err != nil {
		t.Fatal(err)
	}
	calls, _, _ := uses(t)
	if len(calls) < 20 {
		t.Fatalf("found only %d lookups; is the scan broken?", len(calls))
	}
	for id, pos := range calls {
		if !c.Has(id) {
			t.Errorf("%s: message %q is not in the catalog", pos, id)
		}
	}
}

// TestNoUnusedIDs: every catalog ID is used, literally or through a
// prefix the code completes ("when." + timing).
func TestNoUnusedIDs(t *testing.T) {
	c, _ := New("en")
	_, prefixes, literals := uses(t)
	for _, id := range c.IDs() {
		if literals[id] {
			continue
		}
		used := false
		for p := range prefixes {
			if strings.HasPrefix(id, p) {
				used = true
			}
		}
		if !used {
			t.Errorf("message %q is never used", id)
		}
	}
}

// TestFormats: no message is empty, and T formats arguments.
func TestFormats(t *testing.T) {
	c, _ := New("en")
	for _, id := range c.IDs() {
		if strings.TrimSpace(c.T(id)) == "" {
			t.Errorf("message %q is empty", id)
		}
	}
	if got := c.T("settings.textsize.value", 150); got != "150%" {
		t.Errorf("settings.textsize.value = %q", got)
	}
	if got := c.T("no.such.id"); got != "[no.such.id]" {
		t.Errorf("missing id = %q", got)
	}
	if _, err := New("xx"); err == nil {
		t.Error("New(xx) succeeded")
	}
}
