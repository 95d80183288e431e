// Package play runs one chapter of the case as a session: a model world
// built from the chapter's setup and seed, the operator's lever changes
// logged with the round they apply from, the played reports and the goals.
//
// The game, the headless CLI and the grader all play chapters through this
// package, so a session replayed from its log gives the same numbers the
// student saw.
//
// Imports: the standard library and game/sim only; never ebiten.
package play

import (
	"errors"
	"fmt"

	"github.com/longtail-case/longtail/game/sim"
)

// Decision is one lever change: from round Round of chapter Chapter on, the
// lever Lever has value Value. Several decisions may share a round; the last
// one for a lever wins.
type Decision struct {
	Chapter int     `json:"chapter"`
	Round   int     `json:"round"`
	Lever   string  `json:"lever"`
	Value   float64 `json:"value"`
}

// GoalResult is a goal judged on the rounds played so far.
type GoalResult struct {
	Goal  sim.Goal
	Value float64 // the compared value (see sim.Goal.Check)
	Met   bool
}

// ErrDone is returned by Step when every round of the session has been played.
var ErrDone = errors.New("play: session is over")

// Session is one chapter being played.
type Session struct {
	chapter int
	setup   sim.Setup
	seed    uint64
	rounds  int
	world   *sim.World
	log     []Decision
	played  []sim.Report
}

// New starts a session of chapter with the setup and seed. It builds the
// world and runs its burn-in, so it may take a few milliseconds.
func New(chapter int, setup sim.Setup, seed uint64) (*Session, error) {
	if err := setup.Validate(); err != nil {
		return nil, fmt.Errorf("play: chapter %d: %w", chapter, err)
	}
	sc, err := setup.Scenario()
	if err != nil {
		return nil, fmt.Errorf("play: chapter %d: %w", chapter, err)
	}
	w, err := sim.New(sc, seed)
	if err != nil {
		return nil, fmt.Errorf("play: chapter %d: %w", chapter, err)
	}
	return &Session{chapter: chapter, setup: setup, seed: seed, rounds: sc.Rounds, world: w}, nil
}

// Replay starts a session and plays every round, applying each decision
// before the round it applies from. Decisions must be for this chapter, in
// round order, for rounds 1..Rounds(), and on unlocked levers; anything else
// is an error, so a tampered log cannot replay silently.
func Replay(chapter int, setup sim.Setup, seed uint64, ds []Decision) (*Session, error) {
	s, err := New(chapter, setup, seed)
	if err != nil {
		return nil, err
	}
	if err := s.replay(ds); err != nil {
		return nil, err
	}
	return s, nil
}

// replay plays every round of a session that has not started, applying
// each decision before the round it applies from (see Replay).
func (s *Session) replay(ds []Decision) error {
	chapter := s.chapter
	i := 0
	for !s.Done() {
		for ; i < len(ds) && ds[i].Round == s.Round()+1; i++ {
			d := ds[i]
			if d.Chapter != chapter {
				return fmt.Errorf("play: decision %d: chapter %d in a replay of chapter %d", i+1, d.Chapter, chapter)
			}
			if err := s.Set(d.Lever, d.Value); err != nil {
				return fmt.Errorf("play: decision %d: %w", i+1, err)
			}
		}
		if i < len(ds) && ds[i].Round <= s.Round() {
			return fmt.Errorf("play: decision %d: round %d is out of order", i+1, ds[i].Round)
		}
		if _, err := s.Step(); err != nil {
			return err
		}
	}
	if i < len(ds) {
		return fmt.Errorf("play: decision %d: round %d is after the last round %d", i+1, ds[i].Round, s.rounds)
	}
	return nil
}

// Set changes a lever from the next round on and logs the change. A locked
// lever, an unknown lever or an invalid value is an error, and so is a
// change after the last round.
func (s *Session) Set(lever string, v float64) error {
	if s.Done() {
		return ErrDone
	}
	if !s.setup.Unlocks(lever) {
		if _, ok := sim.Spec(lever); !ok {
			return fmt.Errorf("play: unknown lever %q", lever)
		}
		return fmt.Errorf("play: lever %s is locked in chapter %d", lever, s.chapter)
	}
	if err := s.world.Apply(sim.Action{Lever: lever, Value: v}); err != nil {
		return fmt.Errorf("play: %w", err)
	}
	s.log = append(s.log, Decision{Chapter: s.chapter, Round: s.Round() + 1, Lever: lever, Value: v})
	return nil
}

// Step plays the next round and returns its report, or ErrDone.
func (s *Session) Step() (sim.Report, error) {
	if s.Done() {
		return sim.Report{}, ErrDone
	}
	r := s.world.Step()
	s.played = append(s.played, r)
	return r, nil
}

// Done reports whether every round has been played.
func (s *Session) Done() bool { return len(s.played) >= s.rounds }

// Round returns the number of rounds played so far (0 before the first).
func (s *Session) Round() int { return len(s.played) }

// Rounds returns the number of rounds the session plays.
func (s *Session) Rounds() int { return s.rounds }

// Chapter returns the chapter number.
func (s *Session) Chapter() int { return s.chapter }

// Seed returns the session's seed.
func (s *Session) Seed() uint64 { return s.seed }

// Setup returns the chapter's setup.
func (s *Session) Setup() sim.Setup { return s.setup }

// Levers returns the operator's current levers.
func (s *Session) Levers() sim.Levers { return s.world.Levers() }

// World returns the running world, for views that draw it. Callers must not
// step it or apply actions to it directly.
func (s *Session) World() *sim.World { return s.world }

// Played returns the reports of the rounds played; do not modify it.
func (s *Session) Played() []sim.Report { return s.played }

// Log returns the lever changes so far, in order; do not modify it.
func (s *Session) Log() []Decision { return s.log }

// Goals judges every goal of the setup on the rounds played so far.
func (s *Session) Goals() []GoalResult {
	out := make([]GoalResult, len(s.setup.Goals))
	for i, g := range s.setup.Goals {
		v, met := g.Check(s.played)
		out[i] = GoalResult{Goal: g, Value: v, Met: met}
	}
	return out
}
