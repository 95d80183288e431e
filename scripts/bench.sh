#!/usr/bin/env bash
# bench.sh runs the performance benchmarks and checks each against the
# budget its issue sets. A benchmark is judged by its best run of several,
# because the machine may be shared: the best run is the one least
# disturbed by other work, and a regression slows every run.
#
#   budget                                   issue   limit
#   one model round, 10,000 providers        #2      1 ms native, 3 ms wasm (3x)
#   one round-screen frame, 2,000 providers  #4      4 ms (layout, vertices, charts)
#   parsing every chapter                    #3      5 ms
#   verifying 500 submissions, all cores     #6      10 s
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
fail=0

# best NAME PKG COUNT [env...]: prints the smallest ns/op of COUNT runs.
best() {
	local name=$1 pkg=$2 count=$3
	shift 3
	env "$@" "$GO" test -run '^$' -bench "^Benchmark${name}\$" -benchmem -count "$count" "$pkg" 2>&1 |
		tee -a "$log" | awk -v n="$name" '$1 ~ "^Benchmark"n {for (i = 1; i < NF; i++) if ($(i+1) == "ns/op") print $i}' |
		sort -g | head -1
}

# check LABEL NS LIMIT_NS
check() {
	local label=$1 ns=$2 limit=$3
	if [ -z "$ns" ]; then
		echo "bench: $label: no result (see $log)"
		fail=1
		return
	fi
	if awk -v a="$ns" -v b="$limit" 'BEGIN {exit !(a <= b)}'; then
		printf 'bench: %-44s %14.0f ns/op  (budget %.0f)  ok\n' "$label" "$ns" "$limit"
	else
		printf 'bench: %-44s %14.0f ns/op  (budget %.0f)  OVER BUDGET\n' "$label" "$ns" "$limit"
		fail=1
	fi
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

check "model round, 10k providers (native, 1 core)" "$(best Round10k ./game/sim/ 5 GOFLAGS=-cpu=1)" 1000000
check "model round, 10k providers (wasm, node)" \
	"$(best Round10k ./game/sim/ 3 GOOS=js GOARCH=wasm PATH="$("$GO" env GOROOT)/lib/wasm:$PATH")" 3000000
check "round-screen frame, 2,000 providers" "$(best RoundFrame2000 ./game/layout/ 5)" 4000000
check "parse every chapter" "$(best ParseAll ./content/ 5)" 5000000
check "verify 500 submissions" "$(best Verify500 ./game/classroom/ 1 GOFLAGS=-benchtime=1x)" 10000000000

if grep -q 'allocs/op' "$log"; then
	awk '$1 ~ /^Benchmark(Round10k|RoundFrame2000)/ && $(NF-1) != 0 {print "bench: " $1 " allocates " $(NF-1) " times per op"; bad=1} END {exit bad}' "$log" || fail=1
fi
[ "$fail" -eq 0 ] && echo "bench: all budgets met"
exit "$fail"
