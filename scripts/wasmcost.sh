#!/usr/bin/env bash
# wasmcost.sh prints what the largest packages and modules cost in the
# game's WebAssembly binary (code bytes by package; issue 10), built like
# cmd/longtail-serve builds it but with the function names kept.
#   scripts/wasmcost.sh [N]    # the N largest (default 25)
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
GOOS=js GOARCH=wasm "$GO" build -trimpath -o "$tmp/game.wasm" ./cmd/longtail
GOOS=js GOARCH=wasm "$GO" list -deps ./cmd/longtail >"$tmp/pkgs"
echo "== by package"
"$GO" run ./scripts/wasmcost -pkgs "$tmp/pkgs" -n "${1:-25}" "$tmp/game.wasm"
echo "== by module"
"$GO" run ./scripts/wasmcost -pkgs "$tmp/pkgs" -by module -n 12 "$tmp/game.wasm"
