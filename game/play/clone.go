package play

import (
	"fmt"
	"slices"
)

// Clone returns a deep copy of the session: its world (see sim.World.Clone),
// its log and its played reports. Playing the copy gives bit-identical
// reports to playing the original the same way, and neither sees the
// other's changes. The setup is shared; sessions never modify it.
func (s *Session) Clone() *Session {
	c := *s
	c.world = s.world.Clone()
	c.log = slices.Clone(s.log)
	c.played = slices.Clone(s.played)
	return &c
}

// ReplayFrom plays a copy of start, a session that has not played a round,
// with the decisions, as Replay does, and returns the copy; start is left
// as it was. Replays of one chapter and seed thus share one burn-in: the
// result is bit-identical to Replay with start's chapter, setup and seed.
func ReplayFrom(start *Session, ds []Decision) (*Session, error) {
	if start.Round() != 0 || len(start.log) != 0 {
		return nil, fmt.Errorf("play: chapter %d: ReplayFrom needs a session that has not started (%d rounds played, %d changes)", start.chapter, start.Round(), len(start.log))
	}
	s := start.Clone()
	if err := s.replay(ds); err != nil {
		return nil, err
	}
	return s, nil
}
