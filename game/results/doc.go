// Package results is the results screen: the goals met, the lever log,
// the reflection prompts with their text fields, and the analysis of why
// (each lever group's contribution to each goal, and luck against skill
// over other worlds, from game/classroom/explain), computed a step per
// tick. It imports scene and widget.
package results
