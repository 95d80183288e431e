package main

import "testing"

func TestPkgOf(t *testing.T) {
	for _, tc := range []struct{ sym, pkg, mod string }{
		{"github.com_hajimehoshi_ebiten_v2_internal_shaderir.CalcSourceHash", "github.com/hajimehoshi/ebiten/v2/internal/shaderir", "github.com/hajimehoshi/ebiten"},
		{"github.com_longtail_case_longtail_game.(*Game).Update", "github.com/longtail/case/longtail/game", "github.com/longtail/case"},
		{"runtime.mallocgc", "runtime", "std: runtime"},
		{"encoding_json.(*decodeState).object", "encoding/json", "std: encoding"},
		{"type:.eq.main.T", "type:", "std: type:"},
		{"gonum.org_v1_gonum_stat.Mean", "gonum.org/v1/gonum/stat", "gonum.org/v1/gonum"},
	} {
		if got := pkgOf(tc.sym); got != tc.pkg {
			t.Errorf("pkgOf(%q) = %q, want %q", tc.sym, got, tc.pkg)
		}
		if got := moduleOf(pkgOf(tc.sym)); got != tc.mod {
			t.Errorf("moduleOf(pkgOf(%q)) = %q, want %q", tc.sym, got, tc.mod)
		}
	}
}
