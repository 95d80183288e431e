package classroom

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/play"
)

// class500 is 500 submissions of the example assignment with the real
// content, each student with their own seed and decisions.
var class500 = sync.OnceValues(func() ([]Input, error) {
	data, err := os.ReadFile("../../content/assignments/example.toml")
	if err != nil {
		return nil, err
	}
	a, err := ParseAssignment("example.toml", data)
	if err != nil {
		return nil, err
	}
	docs, err := markdown.Load(content.Files)
	if err != nil {
		return nil, err
	}
	in := make([]Input, 500)
	errs := make([]error, len(in))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ds := []play.Decision{
					{Chapter: 1, Round: 1 + i%5, Lever: "openness", Value: float64(i%20) * 0.05},
					{Chapter: 2, Round: 2, Lever: "ad_load", Value: float64(i%30) * 0.01},
					{Chapter: 3, Round: 1, Lever: "cap", Value: 0.01 + float64(i%10)*0.02},
				}
				s, err := Simulate(a, docs, fmt.Sprintf("student-%04d", i), ds)
				if err != nil {
					errs[i] = err
					continue
				}
				in[i].File = fmt.Sprintf("s%04d.json", i)
				in[i].Data, errs[i] = s.MarshalIndent()
			}
		}()
	}
	for i := range in {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return in, nil
})

// BenchmarkVerify500 grades 500 submissions of the example assignment
// (three chapters, 10–12 rounds each after a 60-round burn-in) on every
// core: the bar is 10 s on 2 cores.
func BenchmarkVerify500(b *testing.B) {
	in, err := class500()
	if err != nil {
		b.Fatal(err)
	}
	data, _ := os.ReadFile("../../content/assignments/example.toml")
	a, _ := ParseAssignment("example.toml", data)
	docs, _ := markdown.Load(content.Files)
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		rows := Grade([]Assignment{a}, docs, in, runtime.GOMAXPROCS(0))
		for _, r := range rows {
			if !r.Verified {
				b.Fatalf("%s: %v", r.File, r.Reasons)
			}
		}
	}
	// CPU seconds per 500, the figure that does not depend on how busy a
	// shared machine is: on two free cores the wall time is about half.
	if cpu0 >= 0 {
		b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
	}
}

// BenchmarkVerify1 verifies one submission of the example assignment.
func BenchmarkVerify1(b *testing.B) {
	in, err := class500()
	if err != nil {
		b.Fatal(err)
	}
	data, _ := os.ReadFile("../../content/assignments/example.toml")
	a, _ := ParseAssignment("example.toml", data)
	docs, _ := markdown.Load(content.Files)
	s, err := ParseSubmission(in[0].File, in[0].Data)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if r := Verify(a, docs, s); !r.Verified {
			b.Fatal(r.Reasons)
		}
	}
}

// BenchmarkVerifyExplain500 grades 500 submissions of the example
// assignment and analyses every chapter (AnalyseRows: the class's luck
// worlds once, then per student the lever subsets and 32 policy replays)
// on every core. The bar is 60 s on 2 cores; longtail-grade
// announces its estimate from these figures.
func BenchmarkVerifyExplain500(b *testing.B) {
	in, err := class500()
	if err != nil {
		b.Fatal(err)
	}
	data, _ := os.ReadFile("../../content/assignments/example.toml")
	a, _ := ParseAssignment("example.toml", data)
	docs, _ := markdown.Load(content.Files)
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		rows := Grade([]Assignment{a}, docs, in, runtime.GOMAXPROCS(0))
		if err := AnalyseRows([]Assignment{a}, docs, rows, runtime.GOMAXPROCS(0)); err != nil {
			b.Fatal(err)
		}
		for _, r := range rows {
			if !r.Verified || len(r.Why) != len(a.Chapters) {
				b.Fatalf("%s: %v, %d analyses", r.File, r.Reasons, len(r.Why))
			}
		}
	}
	if cpu0 >= 0 {
		b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
	}
}
