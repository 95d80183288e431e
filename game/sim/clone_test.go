package sim

import (
	"math"
	"reflect"
	"testing"
)

// sameBits reports the first metric whose bits differ between two reports.
func sameBits(a, b *Report) (string, bool) {
	if a.Round != b.Round {
		return "round", false
	}
	for _, m := range metrics {
		if math.Float64bits(m.get(a)) != math.Float64bits(m.get(b)) {
			return m.name, false
		}
	}
	return "", true
}

// TestCloneContinuesIdentically: a clone taken after burn-in, stepped with
// the same lever changes as the original, reports the same bits every
// round; a clone taken mid-chapter does too; and a world built afresh and
// played the same way agrees with both.
func TestCloneContinuesIdentically(t *testing.T) {
	for _, base := range []string{"baseline", "musiclab"} {
		t.Run(base, func(t *testing.T) {
			sc, err := Builtin(base)
			if err != nil {
				t.Skip(err)
			}
			orig, err := New(sc, 7)
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := New(sc, 7)
			if err != nil {
				t.Fatal(err)
			}
			c := orig.Clone()
			acts := map[int][]Action{
				2: {{"openness", 0.9}, {"take_rate", 0.3}},
				4: {{"cap", 0.02}, {"pool", 0.2}},
				6: {{"feed_beta", 1.2}, {"grant", 2}},
				8: {{"ad_load", 0.25}, {"first_party", 1}},
			}
			var mid *World
			for r := 1; r <= 12; r++ {
				for _, w := range []*World{orig, fresh, c} {
					if err := w.Apply(acts[r]...); err != nil {
						t.Fatal(err)
					}
				}
				if r == 5 {
					mid = c.Clone()
				} else if mid != nil {
					if err := mid.Apply(acts[r]...); err != nil {
						t.Fatal(err)
					}
				}
				a, b, f := orig.Step(), c.Step(), fresh.Step()
				if name, ok := sameBits(&a, &b); !ok {
					t.Fatalf("round %d: clone differs from the original in %s", r, name)
				}
				if name, ok := sameBits(&a, &f); !ok {
					t.Fatalf("round %d: fresh world differs from the original in %s", r, name)
				}
				if mid != nil {
					m := mid.Step()
					if name, ok := sameBits(&a, &m); !ok {
						t.Fatalf("round %d: mid-chapter clone differs in %s", r, name)
					}
				}
			}
			if !reflect.DeepEqual(orig.AppendProviders(nil), c.AppendProviders(nil)) {
				t.Fatal("the clone's providers differ from the original's")
			}
		})
	}
}

// TestCloneIsDeep: the clone shares no memory with the original (every
// slice, map and pointer field, found by reflection, so a field added to
// World or its providers later is checked too), and stepping one leaves the
// other untouched.
func TestCloneIsDeep(t *testing.T) {
	sc, err := Builtin("baseline")
	if err != nil {
		t.Fatal(err)
	}
	w, err := New(sc, 3)
	if err != nil {
		t.Fatal(err)
	}
	w.Step()
	c := w.Clone()
	var walk func(path string, a, b reflect.Value)
	walk = func(path string, a, b reflect.Value) {
		switch a.Kind() {
		case reflect.Struct:
			for i := range a.NumField() {
				walk(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
			}
		case reflect.Array:
			for i := range a.Len() {
				walk(path, a.Index(i), b.Index(i))
			}
		case reflect.Slice:
			if a.Cap() > 0 && a.Pointer() == b.Pointer() {
				t.Errorf("%s: the clone shares the original's backing array", path)
			}
			if a.Len() != b.Len() || a.Cap() != b.Cap() {
				t.Errorf("%s: length %d/%d, clone %d/%d", path, a.Len(), a.Cap(), b.Len(), b.Cap())
			}
		case reflect.Map, reflect.Pointer, reflect.Chan, reflect.Func, reflect.Interface, reflect.UnsafePointer:
			if !a.IsNil() {
				t.Errorf("%s: %s field not handled by Clone", path, a.Kind())
			}
		}
	}
	walk("World", reflect.ValueOf(w).Elem(), reflect.ValueOf(c).Elem())

	before := w.AppendProviders(nil)
	hist := len(w.History())
	for range 3 {
		c.Step()
	}
	if !reflect.DeepEqual(before, w.AppendProviders(nil)) || len(w.History()) != hist || w.Round() != 1 {
		t.Fatal("stepping the clone changed the original")
	}
}

// BenchmarkClone times a deep copy of the baseline world after burn-in.
func BenchmarkClone(b *testing.B) {
	sc, err := Builtin("baseline")
	if err != nil {
		b.Fatal(err)
	}
	w, err := New(sc, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = w.Clone()
	}
}
