package sim

import (
	"fmt"
	"maps"
	"slices"
)

// Setup is what one chapter (or one chapter of an assignment) plays: a
// built-in scenario with overrides, starting and locked levers, the rounds,
// the goals and the reflection prompts. Chapters declare it in a ```scenario
// block of TOML; assignments may override it.
type Setup struct {
	Base     string             `toml:"base" json:"base"`         // built-in scenario name; "" means "baseline"
	Rounds   int                `toml:"rounds" json:"rounds"`     // rounds played, 1–200; 0 means the base scenario's
	BurnIn   int                `toml:"burnin" json:"burnin"`     // unseen rounds before round 1; 0 means the base scenario's
	Set      map[string]float64 `toml:"set" json:"set"`           // structural overrides by key (applied in sorted key order)
	Start    map[string]float64 `toml:"start" json:"start"`       // starting lever values
	Locked   map[string]float64 `toml:"locked" json:"locked"`     // levers locked at a value
	Unlocked []string           `toml:"unlocked" json:"unlocked"` // levers the student may move; all others are locked at their starting value
	Goals    []Goal             `toml:"goal" json:"goals"`
	Prompts  []string           `toml:"prompts" json:"prompts"` // reflection prompts shown on the results screen
}

// Scenario resolves the setup into a validated scenario: the base, then the
// structural overrides, then starting and locked lever values.
func (s Setup) Scenario() (Scenario, error) {
	base := s.Base
	if base == "" {
		base = "baseline"
	}
	sc, err := Builtin(base)
	if err != nil {
		return Scenario{}, err
	}
	for _, k := range slices.Sorted(maps.Keys(s.Set)) {
		if err := sc.Set(k, s.Set[k]); err != nil {
			return Scenario{}, fmt.Errorf("set: %w", err)
		}
	}
	for _, part := range []struct {
		name string
		m    map[string]float64
	}{{"start", s.Start}, {"locked", s.Locked}} {
		for _, k := range slices.Sorted(maps.Keys(part.m)) {
			if _, ok := Spec(k); !ok {
				return Scenario{}, fmt.Errorf("%s: %q is not a lever", part.name, k)
			}
			if err := sc.Levers.Set(k, part.m[k]); err != nil {
				return Scenario{}, fmt.Errorf("%s: %w", part.name, err)
			}
		}
	}
	if s.Rounds < 0 || s.Rounds > 200 {
		return Scenario{}, fmt.Errorf("rounds = %d is outside [1, 200]", s.Rounds)
	}
	if s.Rounds > 0 {
		sc.Rounds = s.Rounds
	}
	if s.BurnIn < 0 || s.BurnIn > 1000 {
		return Scenario{}, fmt.Errorf("burnin = %d is outside [0, 1000]", s.BurnIn)
	}
	if s.BurnIn > 0 {
		sc.BurnIn = s.BurnIn
	}
	if err := sc.Validate(); err != nil {
		return Scenario{}, err
	}
	return sc, nil
}

// Validate checks the whole setup: the scenario resolves, unlocked levers
// exist and are not also locked, goals are well formed.
func (s Setup) Validate() error {
	if _, err := s.Scenario(); err != nil {
		return err
	}
	for _, k := range s.Unlocked {
		if _, ok := Spec(k); !ok {
			return fmt.Errorf("unlocked: %q is not a lever", k)
		}
		if _, ok := s.Locked[k]; ok {
			return fmt.Errorf("unlocked: %q is also locked", k)
		}
	}
	for i, g := range s.Goals {
		if err := g.Validate(); err != nil {
			return fmt.Errorf("goal %d: %w", i+1, err)
		}
	}
	return nil
}

// Unlocks reports whether the student may move the lever.
func (s Setup) Unlocks(key string) bool {
	_, locked := s.Locked[key]
	return !locked && slices.Contains(s.Unlocked, key)
}
