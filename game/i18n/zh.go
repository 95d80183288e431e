package i18n

// chineseCore returns the Simplified Chinese messages of every screen but
// the round, key for key the twins of englishCore. Buttons are verbs
// (继续、开始、提交), labels carry no full stop, running text uses
// full-width punctuation; digits, %, and Latin names stay half-width.
// Where Chinese word order differs, explicit argument indexes (%[2]d)
// keep the English argument list; the comment names the arguments.
func chineseCore() map[string]string {
	return map[string]string{
		// Shared.
		"ui.on":   "开",
		"ui.off":  "关",
		"ui.back": "返回",

		// Title screen.
		"title.name":               "长尾",
		"title.tagline":            "一个可以上手玩的平台生态商业案例：经营一个平台，在赚钱的同时让长尾中小服务商活下去。",
		"title.continue":           "继续",
		"title.continue.failed":    "无法继续已保存的游戏：%s", // error
		"title.start":              "开始案例",
		"title.start.assignment":   "开始作业",
		"title.start.confirm":      "重新开始会覆盖你已保存的进度。选择“重新开始”以确认，或选择“继续”从上次离开的地方接着玩。",
		"title.start.again":        "重新开始",
		"title.sandbox":            "沙盒（自由模式）",
		"title.load":               "载入作业",
		"title.load.label":         "作业文件或链接",
		"title.load.placeholder":   "文件路径，或带 ?a=… 的链接",
		"title.load.open":          "打开作业",
		"title.load.empty":         "请先输入文件路径或粘贴作业链接。",
		"title.load.failed":        "无法读取作业 %q：%s", // source, error
		"title.load.linkname":      "作业链接",
		"title.assignment.bad":     "此作业无法使用：%s", // error
		"title.assignment.heading": "作业：%s",      // title
		"title.assignment.course":  "课程：%s",
		"title.assignment.due":     "截止日期：%s",
		"title.assignment.hash":    "作业代码 %s", // short hash
		"title.student.heading":    "谁在玩？",
		"title.student.id":         "学号（必填）",
		"title.student.name":       "姓名（选填）",
		"title.student.begin":      "开始作业",
		"title.student.needid":     "请先输入学号：老师要用它核对你的提交。",
		"title.settings":           "设置",
		"title.quit":               "退出",
		"title.footer":             "Tab 切换控件 · Enter 选择 · F11 全屏",

		// Settings.
		"settings.textsize":       "文字大小",
		"settings.textsize.value": "%d%%", // percent
		"settings.motion":         "减少动画",
		"settings.fullscreen":     "全屏",
		"settings.lang":           "语言",

		// Switching language.
		"lang.loading.short": "加载中……%d%%",
		"lang.failed.short":  "未能加载",
		"lang.failed":        "中文字体未能加载（%s）。游戏仍以英文显示，可在设置中重试。",
		"lang.unavailable":   "此版本的游戏没有中文字体，因此仍以英文显示。",
		"lang.docs.failed":   "未能加载本语言的章节（%s），现以英文显示。",

		// Pause menu.
		"pause.title":     "已暂停",
		"pause.resume":    "继续",
		"pause.totitle":   "返回标题画面",
		"pause.quit":      "退出",
		"pause.unfocused": "你离开时游戏已暂停：点击游戏即可继续",

		// Chapter reader.
		"reader.hint":        "用滚轮、方向键或 Page 键滚动 · Esc：菜单",
		"reader.play":        "开始模拟",
		"reader.play.failed": "模拟无法开始：%s", // error
		"reader.list.number": "%d.",       // item number of an ordered list
		"reader.next":        "下一章",
		"reader.finish":      "完成案例",
		"reader.goals":       "接下来 %d 个季度的目标", // rounds

		// Goals: "长尾份额至少 30%"; the when.* phrases also stand after 要求
		// ("要求最后一个季度至少 30%") and in brackets after a metric.
		"goal.auto.atleast": "%s至少 %s", // metric, threshold
		"goal.auto.atmost":  "%s不超过 %s",
		"when.end":          "最后一个季度",
		"when.cumulative":   "各季度合计",
		"when.every":        "最差的季度",
		"when.mean":         "各季度平均",

		// Chapter results.
		"results.title":         "结果 · %s", // chapter title
		"results.title.sandbox": "沙盒结果",
		"results.rounds":        "已进行 %d / %d 个季度", // played, rounds
		"results.goals":         "目标：达成 %d / %d 个", // met, total
		"results.met":           "已达成",
		"results.missed":        "未达成",
		"results.goal":          "%s：%s",                     // met/missed, label
		"results.goal.atleast":  "实际 %[1]s（要求%[3]s至少 %[2]s）", // value, threshold, when
		"results.goal.atmost":   "实际 %[1]s（要求%[3]s不超过 %[2]s）",
		"results.why":           "发生了什么，为什么",
		"results.lever":         "你把%s从 %s 调到了 %s。", // lever, from, to
		"results.nolevers":      "你没有动任何杠杆。",
		"results.gap":           "%s距离目标还差 %s。",                                  // metric, shortfall
		"results.metric.up":     "从第 %[4]d 季度到第 %[5]d 季度，%[1]s从 %[2]s 升至 %[3]s。", // metric, from, to, first, last
		"results.metric.down":   "从第 %[4]d 季度到第 %[5]d 季度，%[1]s从 %[2]s 降至 %[3]s。",
		"results.regulator":     "本章中监管方出手 %d 次。", // count
		"results.moved":         "变化了什么",
		// The counterfactual analysis (game/results_why.go, package explain).
		"results.why.unfinished":       "把本章玩到最后一个季度，才能看到每个决策起了什么作用、运气又占了多少。",
		"results.why.failed":           "无法重放你的这一章，因此没有分析：%s",                        // error
		"results.why.then":             "%s%s",                                       // 一句及其后一句（中文句间不加空格）
		"results.why.working":          "正在重放你的这一章，分析每个决策的作用和运气的影响：已完成 %d / %d 次重放。", // done, total
		"results.why.quantity":         "%s（%s）",                                     // metric, when ("各季度合计")
		"results.why.otherlevers":      "其他杠杆",
		"results.why.points":           "%s 个百分点", // a change of a share in percentage points
		"results.why.and":              "%s和%s",   // all but the last, the last
		"results.why.comma":            "、",
		"results.why.effect":           "%s变化 %s",       // quantity, signed change
		"results.why.lever":            "%s，%s。",        // the move, the effects
		"results.why.nothing":          "%s，对目标没有明显影响。", // the move
		"results.why.nomoves":          "你没有动任何杠杆，所以你的结果就是基准。",
		"results.why.interaction.more": "%s与%s共同作用，使%s的变化比各自单独作用之和多 %s。", // group, group, quantity, size
		"results.why.interaction.less": "%s与%s共同作用，使%s的变化比各自单独作用之和少 %s。",
		"results.why.luck":             "在其他 %[3]d 个世界（同一章、不同运气）中，你的决策有 %[2]d 个达成%[1]s目标；所有杠杆都不动则有 %[4]d 个达成。", // quantity, hits, worlds, baseline hits
		"results.why.lucky":            "你在自己的世界里运气不错：%[2]d 个世界中，你的结果好于其中 %[1]d 个。",                            // worse, worlds
		"results.why.unlucky":          "你在自己的世界里运气欠佳：%[2]d 个世界中有 %[1]d 个结果更好。",                                // better, worlds
		"results.why.typical":          "你自己的世界是个典型情况：%d 个世界结果更好，%d 个更差。",                                      // better, worse
		"results.why.move.other":       "你的其他杠杆调整",
		"results.why.move.switch":      "将%s从%s切换为%s", // lever, from, to
		"results.why.move.up":          "将%s从 %s 提高到 %s",
		"results.why.move.down":        "将%s从 %s 降低到 %s",
		"results.why.move.back":        "调整%s后又改回 %s", // lever, value
		"results.why.of":               "%d / %d",
		"results.why.waterfall":        "%s：从基准到你的结果", // quantity
		"results.why.baseline":         "不动杠杆",
		"results.why.yours":            "你的结果",
		"results.why.goal":             "目标 %s",               // threshold
		"results.why.strip":            "其他 %[2]d 个世界中的%[1]s", // quantity, worlds
		"results.why.policy":           "你的决策",
		"results.why.nochange":         "不动杠杆",
		"results.why.strip.key":        "每个点代表一个世界。圆环是你的世界，虚线是目标，阴影一侧为达成目标。",
		"results.why.yourseed":         "你的世界",
		"results.reflect":              "反思",
		"results.reflect.hint":         "你的回答在输入时自动保存，并计入你的提交。",
		"results.next":                 "下一章",
		"results.finish":               "完成案例",
		"results.totitle":              "返回标题画面",

		// Epilogue.
		"epilogue.title":            "你的案例历程",
		"epilogue.intro":            "这里列出你玩过的每一章。导出你的提交即可交作业：其中有你的随机种子、每一次杠杆调整和你的反思，老师可以据此原样重放。",
		"epilogue.chapter":          "第 %d 章",
		"epilogue.row":              "达成目标：%d / %d · 已进行季度：%d / %d · 杠杆调整：%d 次", // met, goals, played, rounds, changes
		"epilogue.frontier.running": "正在尝试固定的杠杆设置，看看可能做到什么程度：%d / %d…",          // done, total
		"epilogue.frontier.failed":  "无法与其他设置比较：%s",
		"epilogue.frontier.start":   "%d 种固定设置中的最佳者达成 %d / %d 个目标：沿用本章的起始杠杆。",   // tried, met, goals
		"epilogue.frontier.best":    "%d 种固定设置中的最佳者达成 %d / %d 个目标：从第 1 季度起，%s。", // tried, met, goals, the moved levers
		"epilogue.frontier.lever":   "%s设为 %s",                                  // lever, value
		"epilogue.frontier.sep":     "，",
		"epilogue.chart.title":      "收入与长尾：逐个设置对比",
		"epilogue.chart.x":          "本章平台收入",
		"epilogue.chart.y":          "期末长尾份额",
		"epilogue.chart.sweep":      "一种固定设置",
		"epilogue.chart.front":      "最佳权衡",
		"epilogue.chart.you":        "你",
		"epilogue.none":             "还没有玩过任何一章。",
		"epilogue.export":           "导出我的提交",
		"epilogue.exported":         "提交已保存为 %s", // path or file name
		"epilogue.export.failed":    "无法导出提交：%s",
		"epilogue.csv":              "将各季度数据导出为 CSV",
		"epilogue.exported.csv":     "各季度数据已保存为 %s", // path or file name
		"epilogue.totitle":          "返回标题画面",

		// The page's live region.
		"page.announce": "第 %d 季度结束：长尾获得 %s 的访问量；本季度平台收入 %s。", // round, share, money

		// Autosave.
		"save.corrupt":      "无法读取已保存的游戏，已将其另存为 %s 并开始新游戏。", // path
		"save.corrupt.kept": "无法读取已保存的游戏（%s），文件保持原样。",
		"save.unreadable":   "无法读取位于 %s 的存档：%s",
		"save.failed":       "无法将进度保存到 %s：%s",
		"save.unavailable":  "此处无法保存进度（存储被阻止）。关闭游戏前，请先导出你的提交。",

		// The page's metrics table (package present's Description).
		"page.metric.active_providers":        "活跃服务商",
		"page.metric.ad_revenue":              "本季度广告收入",
		"page.metric.breakthroughs":           "跻身前 1% 的年轻服务商",
		"page.metric.complementor_profit":     "服务商总利润",
		"page.metric.consumed_quality":        "用户所用内容的质量",
		"page.metric.cr10":                    "最大 10 家服务商的份额",
		"page.metric.cumulative_revenue":      "至今的平台收入",
		"page.metric.defections":              "本季度转投对手的退出",
		"page.metric.entrant_quality":         "本季度新进入者的质量",
		"page.metric.entrants":                "本季度新进入者",
		"page.metric.exits":                   "本季度退出",
		"page.metric.fine":                    "本季度罚款",
		"page.metric.gini":                    "访问量的基尼系数",
		"page.metric.hhi":                     "访问份额的赫芬达尔指数 (0–10,000)",
		"page.metric.investment_per_provider": "每个服务商的投入",
		"page.metric.long_tail_share":         "长尾份额（前 20% 以外）",
		"page.metric.median_profit":           "服务商利润中位数",
		"page.metric.multihoming_rate":        "同时入驻对手的服务商",
		"page.metric.multihoming_top3pct":     "同时入驻对手的前 3%",
		"page.metric.platform_revenue":        "本季度平台收入",
		"page.metric.regulatory_events":       "至今的监管事件",
		"page.metric.remedy_rounds":           "剩余整改季度",
		"page.metric.rival_share":             "对手的用户份额",
		"page.metric.surviving_entrants":      "8 个季度前进入、至今仍活跃的服务商",
		"page.metric.tail_exponent":           "幂律尾部指数",
		"page.metric.top10pct_share":          "前 10% 服务商的份额",
		"page.metric.top1_share":              "最大服务商的份额",
		"page.metric.top1_top200_ratio":       "第 1 名与第 200 名的访问量之比",
		"page.metric.top1pct_share":           "前 1% 服务商的份额",
		"page.metric.user_share":              "平台的用户份额",
		"page.metric.welfare":                 "用户福利",
		"page.metric.zipf_slope":              "位序–规模斜率（齐普夫）",
	}
}
