package main

import "github.com/longtail-case/longtail/content"

// pageWords are the words of the page around the game (web/index.html and
// the texts page.js writes into its tables), by language. The game's own
// words are in game/i18n; these are the page's, which the server fills in
// when it renders the page of each edition. Every language has the same
// keys (TestPageWords).
var pageWords = map[string]map[string]string{
	content.English: {
		"title":          "Long Tail — a playable case on platform ecosystems",
		"description":    "Run a platform like WeChat: set its openness, fees, traffic channels and rules, and watch the long tail of small providers thrive or starve.",
		"skip":           "Skip to the case text",
		"name":           "Long Tail",
		"tagline":        "A playable case on platform ecosystems: run the platform, and watch the long tail thrive or starve.",
		"stage":          "The game",
		"frame":          "Long Tail, the game",
		"noscript":       "The game needs JavaScript and WebAssembly. The case text on this page is readable without them.",
		"goals":          "Goals of this chapter",
		"goal":           "Goal",
		"now":            "Now",
		"status":         "Status",
		"noGoals":        "No goals yet.",
		"met":            "✓ met",
		"missed":         "✗ not met yet",
		"metrics":        "Metrics of the current round",
		"metric":         "Metric",
		"value":          "Value",
		"noRound":        "No round played yet.",
		"contrib":        "What each decision did to the goals (replays of your chapter on your seed)",
		"decision":       "Decision",
		"baseline":       "No lever moved",
		"played":         "Your result",
		"luck":           "Your decisions in other worlds (the same chapter with other luck)",
		"luckPolicy":     "Your decisions meet it in",
		"luckBaseline":   "No lever moved meets it in",
		"luckOwn":        "Worlds your result beat",
		"noGoalsShort":   "No goals.",
		"case":           "The case",
		"chapters":       "Chapters",
		"languages":      "Language",
		"languageSwitch": "简体中文",
	},
	content.Chinese: {
		"title":          "长尾——一个关于平台生态的可玩案例",
		"description":    "像微信那样经营一个平台：决定开放度、收费、流量分配与规则，看长尾中的小服务商兴旺还是凋零。",
		"skip":           "跳到案例正文",
		"name":           "长尾",
		"tagline":        "一个关于平台生态的可玩案例：经营平台，看长尾兴旺还是凋零。",
		"stage":          "游戏",
		"frame":          "《长尾》游戏",
		"noscript":       "游戏需要 JavaScript 和 WebAssembly。没有它们，本页的案例正文照样可以阅读。",
		"goals":          "本章目标",
		"goal":           "目标",
		"now":            "当前",
		"status":         "状态",
		"noGoals":        "暂无目标。",
		"met":            "✓ 已达成",
		"missed":         "✗ 尚未达成",
		"metrics":        "本季度指标",
		"metric":         "指标",
		"value":          "数值",
		"noRound":        "尚未进行任何季度。",
		"contrib":        "每项决策对目标的作用（以你的随机种子重放本章）",
		"decision":       "决策",
		"baseline":       "不动任何杠杆",
		"played":         "你的结果",
		"luck":           "你的决策在其他世界中的表现（同一章，不同运气）",
		"luckPolicy":     "你的决策达成目标的世界数",
		"luckBaseline":   "不动杠杆达成目标的世界数",
		"luckOwn":        "你的结果胜过的世界数",
		"noGoalsShort":   "暂无目标。",
		"case":           "案例",
		"chapters":       "章节",
		"languages":      "语言",
		"languageSwitch": "English",
	},
}

// pageFile is the name of the page of an edition: index.html for English,
// index.zh-Hans.html for Chinese.
func pageFile(lang string) string {
	if lang == content.English {
		return "index.html"
	}
	return "index." + lang + ".html"
}
