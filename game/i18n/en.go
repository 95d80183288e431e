package i18n

// englishCore returns the English messages of every screen but the round:
// title, settings, reader, results, epilogue, pause menu and autosave.
// Formats use fmt verbs; the comment after an entry names its arguments.
func englishCore() map[string]string {
	return map[string]string{
		// Shared.
		"ui.on":   "On",
		"ui.off":  "Off",
		"ui.back": "Back",

		// Title screen.
		"title.name":               "Long Tail",
		"title.tagline":            "A playable business case on platform ecosystems: run the platform, and keep the long tail of small providers alive while still earning.",
		"title.continue":           "Continue",
		"title.continue.failed":    "Could not continue the saved game: %s", // error
		"title.start":              "Start the case",
		"title.start.assignment":   "Start the assignment",
		"title.start.confirm":      "Starting again replaces your saved progress. Choose Start again to confirm, or Continue to go on where you left off.",
		"title.start.again":        "Start again",
		"title.sandbox":            "Sandbox (free play)",
		"title.load":               "Load assignment",
		"title.load.label":         "Assignment file or link",
		"title.load.placeholder":   "A file path, or a link with ?a=…",
		"title.load.open":          "Open the assignment",
		"title.load.empty":         "Type a file path or paste an assignment link first.",
		"title.load.failed":        "Could not read the assignment %q: %s", // source, error
		"title.load.linkname":      "assignment link",
		"title.assignment.bad":     "This assignment cannot be used: %s", // error
		"title.assignment.heading": "Assignment: %s",                     // title
		"title.assignment.course":  "Course: %s",
		"title.assignment.due":     "Due: %s",
		"title.assignment.hash":    "Assignment code %s", // short hash
		"title.student.heading":    "Who is playing?",
		"title.student.id":         "Student ID (required)",
		"title.student.name":       "Name (optional)",
		"title.student.begin":      "Start the assignment",
		"title.student.needid":     "Type your student ID first: your instructor needs it to match your submission.",
		"title.settings":           "Settings",
		"title.quit":               "Quit",
		"title.footer":             "Tab moves between controls · Enter chooses · F11 full screen",

		// Settings.
		"settings.textsize":       "Text size",
		"settings.textsize.value": "%d%%", // percent
		"settings.motion":         "Reduced motion",
		"settings.fullscreen":     "Full screen",
		"settings.lang":           "Language",

		// Switching language.
		"lang.loading.short": "Loading… %d%%",
		"lang.failed.short":  "Could not load",
		"lang.failed":        "The Chinese type could not be loaded (%s). The game stays in English; try again from the settings.",
		"lang.unavailable":   "This copy of the game has no Chinese type, so it stays in English.",
		"lang.docs.failed":   "The chapters could not be loaded in this language (%s); they are shown in English.",

		// Pause menu.
		"pause.title":     "Paused",
		"pause.resume":    "Resume",
		"pause.totitle":   "Back to the title screen",
		"pause.quit":      "Quit",
		"pause.unfocused": "Paused while you are elsewhere: click the game to go on",

		// Chapter reader.
		"reader.hint":        "Scroll with the wheel, arrows or Page keys · Esc: menu",
		"reader.play":        "Play the round",
		"reader.play.failed": "The round cannot start: %s", // error
		"reader.list.number": "%d.",                        // item number of an ordered list
		"reader.next":        "Next chapter",
		"reader.finish":      "Finish the case",
		"reader.goals":       "Your goals for the next %d rounds", // rounds

		// Goals.
		"goal.auto.atleast": "%s at least %s", // metric, threshold
		"goal.auto.atmost":  "%s at most %s",
		"when.end":          "at the last round",
		"when.cumulative":   "summed over the rounds",
		"when.every":        "in the worst round",
		"when.mean":         "averaged over the rounds",

		// Chapter results.
		"results.title":         "Results · %s", // chapter title
		"results.title.sandbox": "Sandbox results",
		"results.rounds":        "%d of %d rounds played", // played, rounds
		"results.goals":         "Goals: %d of %d met",    // met, total
		"results.met":           "Met",
		"results.missed":        "Missed",
		"results.goal":          "%s: %s",                              // met/missed, label
		"results.goal.atleast":  "Reached %s (needed at least %s, %s)", // value, threshold, when
		"results.goal.atmost":   "Reached %s (needed at most %s, %s)",
		"results.why":           "What happened and why",
		"results.lever":         "You moved %s from %s to %s.", // lever, from, to
		"results.nolevers":      "You kept every lever where it started.",
		"results.gap":           "%s fell short of its goal by %s.",                // metric, shortfall
		"results.metric.up":     "%s rose from %s to %s between rounds %d and %d.", // metric, from, to, first, last
		"results.metric.down":   "%s fell from %s to %s between rounds %d and %d.",
		"results.regulator":     "The regulator acted %d time(s) during the chapter.", // count
		"results.moved":         "What moved",
		// The counterfactual analysis (game/results_why.go, package explain).
		"results.why.unfinished":       "Play the chapter to its last round to see what each decision did and how much was luck.",
		"results.why.failed":           "Your chapter could not be replayed, so there is no analysis: %s",                                    // error
		"results.why.then":             "%s %s",                                                                                              // a sentence and the one after it
		"results.why.working":          "Replaying your chapter to find out what each decision did and how much was luck: %d of %d replays.", // done, total
		"results.why.quantity":         "%s, %s",                                                                                             // metric, when ("summed over the rounds")
		"results.why.otherlevers":      "Other levers",
		"results.why.points":           "%s pts",    // a change of a share in percentage points
		"results.why.and":              "%s and %s", // all but the last, the last
		"results.why.comma":            ", ",
		"results.why.effect":           "%s by %s",                                    // quantity, signed change
		"results.why.lever":            "%s changed %s.",                              // the move, the effects
		"results.why.nothing":          "%s made no visible difference to the goals.", // the move
		"results.why.nomoves":          "You kept every lever where it started, so your result is the baseline.",
		"results.why.interaction.more": "Together, %s and %s changed %s by %s more than the sum of their separate effects.", // group, group, quantity, size
		"results.why.interaction.less": "Together, %s and %s changed %s by %s less than the sum of their separate effects.",
		"results.why.luck":             "Your decisions meet the goal on %s in %d of %d other worlds (the same chapter with other luck); leaving every lever alone meets it in %d.", // quantity, hits, worlds, baseline hits
		"results.why.lucky":            "On your own world you were lucky: your result beat %d of the %d.",                                                                          // worse, worlds
		"results.why.unlucky":          "On your own world you were unlucky: %d of the %d did better.",                                                                              // better, worlds
		"results.why.typical":          "Your own world was a typical one: %d did better and %d worse.",                                                                             // better, worse
		"results.why.move.other":       "Your other lever changes",
		"results.why.move.switch":      "Switching %s from %s to %s", // lever, from, to
		"results.why.move.up":          "Raising %s from %s to %s",
		"results.why.move.down":        "Lowering %s from %s to %s",
		"results.why.move.back":        "Moving %s and setting it back to %s", // lever, value
		"results.why.of":               "%d of %d",
		"results.why.waterfall":        "%s: from the baseline to your result", // quantity
		"results.why.baseline":         "No lever moved",
		"results.why.yours":            "Your result",
		"results.why.goal":             "goal %s",               // threshold
		"results.why.strip":            "%s in %d other worlds", // quantity, worlds
		"results.why.policy":           "Your decisions",
		"results.why.nochange":         "No lever moved",
		"results.why.strip.key":        "Each dot is one world. The ring is yours, the dashed line the goal, and the shaded side meets it.",
		"results.why.yourseed":         "your world",
		"results.reflect":              "Reflect",
		"results.reflect.hint":         "Your answers are saved as you type and go into your submission.",
		"results.next":                 "Next chapter",
		"results.finish":               "Finish the case",
		"results.totitle":              "Back to the title screen",

		// Epilogue.
		"epilogue.title":            "Your path through the case",
		"epilogue.intro":            "Here is every chapter you played. Export your submission to hand it in: it holds your seed, every lever change and your reflections, so your instructor can replay it exactly.",
		"epilogue.chapter":          "Chapter %d",
		"epilogue.row":              "Goals met: %d of %d · rounds played: %d of %d · lever changes: %d", // met, goals, played, rounds, changes
		"epilogue.frontier.running": "Trying fixed lever settings to see what was possible: %d of %d…",   // done, total
		"epilogue.frontier.failed":  "Could not compare with other settings: %s",
		"epilogue.frontier.start":   "Best of %d fixed settings: %d of %d goals met, with the chapter's starting levers.", // tried, met, goals
		"epilogue.frontier.best":    "Best of %d fixed settings: %d of %d goals met, with %s from round 1.",               // tried, met, goals, the moved levers
		"epilogue.frontier.lever":   "%s at %s",                                                                           // lever, value
		"epilogue.frontier.sep":     ", ",
		"epilogue.chart.title":      "Revenue against the long tail, setting by setting",
		"epilogue.chart.x":          "platform revenue over the chapter",
		"epilogue.chart.y":          "long-tail share at the end",
		"epilogue.chart.sweep":      "A fixed setting",
		"epilogue.chart.front":      "Best trade-offs",
		"epilogue.chart.you":        "You",
		"epilogue.none":             "No chapter has been played yet.",
		"epilogue.export":           "Export my submission",
		"epilogue.exported":         "Saved your submission as %s", // path or file name
		"epilogue.export.failed":    "Could not export the submission: %s",
		"epilogue.csv":              "Export the rounds as CSV",
		"epilogue.exported.csv":     "Saved every round's numbers as %s", // path or file name
		"epilogue.totitle":          "Back to the title screen",

		// The page's live region.
		"page.announce": "Round %d played: the long tail holds %s of visits; platform revenue %s this round.", // round, share, money

		// The page's table of metrics: each metric's longer name (package
		// present, Description; the short names are round.metric.*).
		"page.metric.gini":                    "Gini coefficient of visits",
		"page.metric.hhi":                     "HHI of visit shares (0–10,000)",
		"page.metric.top1_share":              "Share of the largest provider",
		"page.metric.top1pct_share":           "Share of the top 1% of providers",
		"page.metric.top10pct_share":          "Share of the top 10% of providers",
		"page.metric.cr10":                    "Share of the 10 largest providers",
		"page.metric.long_tail_share":         "Long-tail share (outside the top 20%)",
		"page.metric.zipf_slope":              "Rank–size slope (Zipf)",
		"page.metric.top1_top200_ratio":       "Visits of rank 1 over rank 200",
		"page.metric.tail_exponent":           "Power-law tail exponent",
		"page.metric.active_providers":        "Active providers",
		"page.metric.entrants":                "Entrants this round",
		"page.metric.surviving_entrants":      "Entrants of 8 rounds ago still active",
		"page.metric.breakthroughs":           "Young providers in the top 1%",
		"page.metric.exits":                   "Exits this round",
		"page.metric.investment_per_provider": "Investment per provider",
		"page.metric.complementor_profit":     "Providers' total profit",
		"page.metric.median_profit":           "Median provider profit",
		"page.metric.platform_revenue":        "Platform revenue this round",
		"page.metric.cumulative_revenue":      "Platform revenue so far",
		"page.metric.ad_revenue":              "Ad revenue this round",
		"page.metric.user_share":              "Platform's share of users",
		"page.metric.rival_share":             "Rival's share of users",
		"page.metric.welfare":                 "User welfare",
		"page.metric.consumed_quality":        "Quality of what users consume",
		"page.metric.entrant_quality":         "Quality of this round's entrants",
		"page.metric.multihoming_rate":        "Providers also on the rival",
		"page.metric.multihoming_top3pct":     "Top 3% also on the rival",
		"page.metric.defections":              "Exits to the rival this round",
		"page.metric.regulatory_events":       "Regulatory events so far",
		"page.metric.fine":                    "Fine this round",
		"page.metric.remedy_rounds":           "Rounds left under a remedy",

		// Autosave.
		"save.corrupt":      "Your saved game could not be read, so it was kept aside as %s and a new one started.", // path
		"save.corrupt.kept": "Your saved game could not be read (%s) and was left untouched.",
		"save.unreadable":   "Could not read the saved game at %s: %s",
		"save.failed":       "Could not save your progress to %s: %s",
		"save.unavailable":  "Your progress cannot be saved here (storage is blocked). Export your submission before you close the game.",
	}
}
