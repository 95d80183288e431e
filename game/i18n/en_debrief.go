package i18n

// englishDebrief returns the English words of the class debrief page
// (game/classroom's Debrief): headings, captions, notes, table headers,
// chart titles and axis titles. Formats use fmt verbs; the comment after
// an entry names its arguments. Pairs ending in .one and .other are the
// singular and plural of one sentence, chosen by the count.
func englishDebrief() map[string]string {
	return map[string]string{
		// The page.
		"debrief.title":         "Debrief: %s",       // assignment title
		"debrief.heading":       "Class debrief: %s", // assignment title
		"debrief.toggle":        "Large type for the projector",
		"debrief.assignment":    "assignment %s · engine %s", // short hash, engine version
		"debrief.files.one":     "%d file, %d verified",      // files, verified
		"debrief.files.other":   "%d files, %d verified",     // files, verified
		"debrief.failed":        ", %d not verified (see the gradebook)",
		"debrief.stop":          ".",
		"debrief.lede":          "%s %s %s", // the page's opening sentences: files, charts, seeds
		"debrief.charts":        "Charts show verified submissions that finished the chapter; students are not named.",
		"debrief.seed.student":  "Each student played their own seed, so some spread between students is luck.",
		"debrief.seed.everyone": "Everyone played seed %d, so differences come from decisions alone.", // seed

		// A chapter.
		"debrief.chapter":          "Chapter %d",                            // number
		"debrief.chapter.named":    "Chapter %d: %s",                        // number, title
		"debrief.chapter.lead":     "Chapter",                               // how a chapter's own title starts when it names the chapter
		"debrief.students.one":     "%d student finished the %d quarters.",  // students, quarters
		"debrief.students.other":   "%d students finished the %d quarters.", // students, quarters
		"debrief.goals":            "Goal hit rates",
		"debrief.goals.caption":    "Goal hit rates, chapter %d", // chapter
		"debrief.goals.goal":       "goal",
		"debrief.goals.met":        "met",
		"debrief.goals.of":         "of",
		"debrief.goals.share":      "share",
		"debrief.goals.chart":      "Chapter %d: share of students who met each goal", // chapter
		"debrief.skill":            "Skill or luck?",
		"debrief.skill.note":       "One dot per student. Across: how often the student's decisions meet the goals when replayed on %d other worlds (the same worlds for everyone) — the quality of the policy. Up: the share of the goals met on the student's own world. Above the diagonal, the world was kinder than the policy deserved; below it, harsher.", // worlds
		"debrief.skill.table":      "Skill and luck, one row per student (no names)",
		"debrief.skill.policy":     "policy hit rate",
		"debrief.skill.baseline":   "baseline hit rate",
		"debrief.skill.own":        "goals met on own seed",
		"debrief.skill.luck":       "luck (percentile)",
		"debrief.skill.x":          "policy hit rate over %d other worlds (skill)", // worlds
		"debrief.skill.y":          "goals met on own world",
		"debrief.skill.luckier":    "luckier than the policy",
		"debrief.skill.unluckier":  "unluckier than the policy",
		"debrief.skill.chart":      "Chapter %d: skill (policy hit rate) against the outcome on the student's own seed, one dot per student", // chapter
		"debrief.levers":           "Lever choices against outcomes",
		"debrief.levers.note":      "One dot per student: the lever's mean over the quarters against the goal's measure; the dashed line is the goal.",
		"debrief.levers.x":         "mean %s over the quarters",               // lever
		"debrief.levers.goal":      "goal %s %s",                              // ≥ or ≤, threshold
		"debrief.levers.chart":     "%s against mean %s, one dot per student", // metric, lever
		"debrief.class":            "The class's numbers (one row per student, no names)",
		"debrief.class.mean":       "mean %s", // lever
		"debrief.column":           "%s (%s)", // metric, timing (debrief.when.*): a goal's measure in a table header or on an axis
		"debrief.when.end":         "end",
		"debrief.when.mean":        "mean",
		"debrief.when.cumulative":  "total",
		"debrief.when.every":       "worst quarter",
		"debrief.dist":             "Concentration and innovation",
		"debrief.dist.caption":     "Last-quarter values across the class",
		"debrief.dist.metric":      "metric",
		"debrief.dist.min":         "min",
		"debrief.dist.median":      "median",
		"debrief.dist.max":         "max",
		"debrief.dist.students":    "students",
		"debrief.dist.gini":        "Chapter %d: concentration (Gini of traffic) at the end", // chapter
		"debrief.dist.gini.x":      "Gini of traffic at the end (0 even – 1 concentrated)",
		"debrief.dist.entrants":    "Chapter %d: innovation (surviving entrants) at the end", // chapter
		"debrief.dist.entrants.x":  "surviving entrants in the last quarter",
		"debrief.lorenz":           "Chapter %d: concentration curves, one line per student", // chapter
		"debrief.lorenz.x":         "providers, smallest to largest (share)",
		"debrief.lorenz.y":         "share of traffic",
		"debrief.lorenz.note":      "diagonal: traffic spread evenly",
		"debrief.frontier":         "The frontier",
		"debrief.frontier.note":    "× marks: %d runs of the model at the assignment's base seed with %s held fixed from the first quarter. Dashed line: the best long-tail share reached at each level of revenue. Dots: the students.", // runs, levers
		"debrief.frontier.chart":   "Chapter %d: the frontier (dashed line through × marks) and the students (dots)",                                                                                                                     // chapter
		"debrief.frontier.x":       "platform revenue over the chapter",
		"debrief.frontier.y":       "long-tail share at the end",
		"debrief.frontier.table":   "Frontier points",
		"debrief.frontier.revenue": "revenue",
		"debrief.frontier.tail":    "long-tail share",
		"debrief.frontier.levers":  "levers",
		"debrief.frontier.start":   "the chapter's starting levers",
		"debrief.reflections":      "Reflections",
		"debrief.answers.one":      "%s (%d answer)",  // prompt, answers
		"debrief.answers.other":    "%s (%d answers)", // prompt, answers
		"debrief.unmatched":        "Answers to prompts not in this assignment",
	}
}
