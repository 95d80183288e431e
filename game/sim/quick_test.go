package sim

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestQuick(t *testing.T) {
	name := os.Getenv("SC")
	if name == "" {
		name = "baseline"
	}
	seeds := 8
	if s := os.Getenv("SEEDS"); s != "" {
		seeds, _ = strconv.Atoi(s)
	}
	names := strings.Fields("active_providers entrants surviving_entrants gini top1_share top1pct_share top10pct_share cr10 zipf_slope top1_top200_ratio user_share welfare consumed_quality entrant_quality platform_revenue complementor_profit median_profit investment_per_provider multihoming_rate multihoming_top3pct breakthroughs")
	if s := os.Getenv("M"); s != "" {
		names = strings.Fields(s)
	}
	for _, cfg := range strings.Split(os.Getenv("SET"), ";") {
		set := settings{}
		for _, kv := range strings.Fields(cfg) {
			k, v, _ := strings.Cut(kv, "=")
			f, _ := strconv.ParseFloat(v, 64)
			set[k] = f
		}
		sc := scenario(t, name, set)
		m := means(t, sc, seeds, names...)
		var b strings.Builder
		fmt.Fprintf(&b, "[%s] ", cfg)
		for _, n := range names {
			fmt.Fprintf(&b, "%s=%.4g ", n, m[n])
		}
		w, _ := New(sc, 1)
		fmt.Fprintf(&b, "newProfit=%.2f", w.newProfit)
		fmt.Println(b.String())
	}
}
