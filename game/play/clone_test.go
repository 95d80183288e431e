package play

import (
	"reflect"
	"strings"
	"testing"
)

// TestReplayFromSharesBurnIn: replays continued from one burned-in session
// give exactly Replay's reports and log, whichever order they run in, and
// leave the start untouched.
func TestReplayFromSharesBurnIn(t *testing.T) {
	logs := [][]Decision{
		nil,
		{{2, 1, "openness", 0.9}, {2, 3, "take_rate", 0.3}},
		{{2, 2, "take_rate", 0.05}},
	}
	start, err := New(2, testSetup(), 11)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{1, 0, 2, 1} {
		got, err := ReplayFrom(start, logs[i])
		if err != nil {
			t.Fatal(err)
		}
		want, err := Replay(2, testSetup(), 11, logs[i])
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Played(), want.Played()) || !reflect.DeepEqual(got.Log(), want.Log()) || !reflect.DeepEqual(got.Goals(), want.Goals()) {
			t.Fatalf("log %d: ReplayFrom differs from Replay", i)
		}
	}
	if start.Round() != 0 || len(start.Log()) != 0 {
		t.Fatal("ReplayFrom changed its start")
	}
	// A bad log fails as in Replay; a started session is refused.
	if _, err := ReplayFrom(start, []Decision{{2, 9, "openness", 0.5}}); err == nil || !strings.Contains(err.Error(), "after the last round") {
		t.Fatalf("round beyond the chapter: err = %v", err)
	}
	if _, err := start.Step(); err != nil {
		t.Fatal(err)
	}
	if _, err := ReplayFrom(start, nil); err == nil {
		t.Fatal("ReplayFrom accepted a started session")
	}
}
