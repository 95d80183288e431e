package classroom

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

// TestAnalyseRows: verified rows get one Why per finished chapter, equal
// to what Explain gives for the same submission; a tampered submission is
// neither analysed by AnalyseRows nor by Explain; the gradebook gains the
// chapters' columns and the debrief the skill chart.
func TestAnalyseRows(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	var in []Input
	for i, id := range []string{"u1", "u2"} {
		data, err := simulate(t, a, id, i).MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, Input{File: id + ".json", Data: data})
	}
	tampered := bytes.Replace(in[1].Data, []byte(`"u2"`), []byte(`"u3"`), 1)
	in = append(in, Input{File: "u3.json", Data: tampered})
	rows := Grade([]Assignment{a}, docs, in, 2)
	if !rows[0].Verified || !rows[1].Verified || rows[2].Verified {
		t.Fatalf("verified %v %v %v", rows[0].Verified, rows[1].Verified, rows[2].Verified)
	}
	if err := AnalyseRows([]Assignment{a}, docs, rows, 2); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows[:2] {
		if len(r.Why) != len(a.Chapters) {
			t.Fatalf("row %d: %d analyses, want %d", i, len(r.Why), len(a.Chapters))
		}
		as, _, err := Explain(a, docs, *r.Sub, nil)
		if err != nil {
			t.Fatal(err)
		}
		for c, y := range r.Why {
			w := whyOf(as[c])
			if y != w {
				t.Errorf("row %d chapter %d: %+v, Explain gives %+v", i, y.Chapter, y, w)
			}
			if y.PolicyHitRate < 0 || y.PolicyHitRate > 1 || y.Luck < 0 || y.Luck > 100 || math.IsNaN(y.OwnHitRate) {
				t.Errorf("row %d: %+v", i, y)
			}
		}
	}
	if len(rows[2].Why) != 0 {
		t.Fatal("an unverified row was analysed")
	}
	var nv *NotVerifiedError
	if _, _, err := Explain(a, docs, *rows[2].Sub, nil); !errors.As(err, &nv) || len(nv.Reasons) == 0 {
		t.Fatalf("Explain of a tampered submission: %v", err)
	}
	gb := string(Gradebook(rows))
	head := strings.SplitN(gb, "\n", 2)[0]
	if !strings.HasSuffix(head, ",reason,ch1_policy_hit_rate,ch1_luck,ch4_policy_hit_rate,ch4_luck") {
		t.Fatalf("header %q", head)
	}
	if lines := strings.Split(strings.TrimSpace(gb), "\n"); !strings.HasSuffix(lines[3], ",,,,") || strings.HasSuffix(lines[1], ",") {
		t.Fatalf("gradebook:\n%s", gb)
	}
	page, err := Debrief(a, docs, rows, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(page, []byte("Skill or luck?")); n != len(a.Chapters) {
		t.Fatalf("%d skill charts, want %d", n, len(a.Chapters))
	}
}
