// Package round is the round screen: the value network, the lever panel,
// the charts, the goals and the regulator, with play, pause and the
// quarter-by-quarter advance of the model (game/play). When the chapter's
// last round is played it opens the results through c.Open. It imports
// scene and widget.
package round
