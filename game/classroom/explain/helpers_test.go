package explain

import "github.com/longtail-case/longtail/game/play"

// playDecision is a decision without its chapter, for short tables.
type playDecision struct {
	round int
	lever string
	value float64
}

func decisions(chapter int, ds []playDecision) []play.Decision {
	out := make([]play.Decision, len(ds))
	for i, d := range ds {
		out[i] = play.Decision{Chapter: chapter, Round: d.round, Lever: d.lever, Value: d.value}
	}
	return out
}
