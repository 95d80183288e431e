package explain_test

import (
	"testing"

	"github.com/longtail-case/longtail/game/classroom/explain"
)

// BenchmarkAnalyse times the full analysis of a 10-round chapter with six
// lever groups: one burn-in and 64 subsets on the student's seed, 32
// burn-ins and 64 replays on the luck seeds. Target (issue 12): ≤ 1 s
// native, ≤ 3 s under wasm.
func BenchmarkAnalyse(b *testing.B) {
	ch := chapter3(b, 4242)
	for b.Loop() {
		if _, err := explain.Analyse(ch, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyseShared times the same analysis with the luck seeds'
// worlds shared by the class (what the grader pays per student).
func BenchmarkAnalyseShared(b *testing.B) {
	ch := chapter3(b, 4242)
	w, err := explain.NewWorlds(ch.Number, ch.Setup, 1)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := explain.Analyse(ch, w); err != nil {
			b.Fatal(err)
		}
	}
}
