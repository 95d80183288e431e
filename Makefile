# Long Tail — build and test. `make test` is the README's test command: it
# installs what the tests need when missing, then runs every tier.

GO      ?= go
WASMENV := PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm
# Packages that must never import ebiten: tested natively, with CGO_ENABLED=0
# and as WebAssembly under node.
PURE    := ./game/sim/... ./game/play/... ./game/layout/... ./game/classroom/... ./game/i18n/... ./game/save/... ./game/page/... ./content/...
# The Ebiten packages: the shell, the widgets and the scenes (render tests).
EBITEN  := ./game ./game/widget/... ./game/scene/... ./game/menu/... ./game/title/... ./game/reader/... ./game/round/... ./game/results/... ./game/epilogue/...
PURECMD := ./cmd/longtail-sim/... ./cmd/longtail-grade/... ./cmd/internal/...

.PHONY: test deps fmt vet purity test-pure test-wasm build test-render test-browser budgets bench web serve clean

test: deps fmt vet purity test-pure test-wasm build test-render test-browser budgets
	@echo "make test: all tiers passed"

deps:
	@scripts/deps.sh all
	@$(GO) mod download

fmt:
	@bad=$$(find . -name '*.go' -not -path './.git/*' | xargs gofmt -l); \
	if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

# The purity guard: the model, content and classroom packages stay free of ebiten,
# and the game free of the Markdown parser (content/markdown, goldmark).
purity:
	@if $(GO) list -deps $(PURE) $(PURECMD) | grep -q hajimehoshi/ebiten; then \
		echo "purity: a pure package imports ebiten:"; \
		for p in $$($(GO) list $(PURE) $(PURECMD)); do $(GO) list -deps $$p | grep -q hajimehoshi/ebiten && echo "  $$p"; done; \
		exit 1; fi
	@if GOOS=js GOARCH=wasm $(GO) list -deps ./cmd/longtail | grep -q -e yuin/goldmark -e /content/markdown$$; then \
		echo "purity: the game links the Markdown parser (it must start from content.Compiled)"; exit 1; fi
	@echo "purity: ok"

test-pure:
	CGO_ENABLED=0 $(GO) test -count=1 $(PURE) $(PURECMD) ./cmd/longtail-serve/...

test-wasm:
	$(WASMENV) $(GO) test -count=1 $(PURE)

build:
	$(GO) build ./...
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/longtail-sim
	GOOS=windows $(GO) build -o /dev/null ./cmd/longtail
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o /dev/null ./cmd/longtail

# Render tests open a real window under Xvfb and save screenshots.
test-render:
	xvfb-run -a -s "-screen 0 1280x800x24" $(GO) test -count=1 -tags xvfb $(EBITEN) -args -screens "$(CURDIR)/game/testdata/screens"

# Browser tests drive the built site in headless Chromium.
test-browser:
	$(GO) test -count=1 -tags browser -timeout 15m -run '^TestBrowser' ./cmd/longtail-serve/

# Budgets: sizes, load times, frame rates and benchmarks against their limits.
budgets:
	scripts/bench.sh
	BUDGETS_ENFORCE=1 scripts/budgets.sh

bench:
	scripts/bench.sh

web:
	$(GO) run ./cmd/longtail-serve -dir out/site

serve:
	$(GO) run ./cmd/longtail-serve

clean:
	rm -rf out web/game.wasm web/wasm_exec.js
