#!/usr/bin/env bash
# cjkfont.sh regenerates the Noto Sans CJK SC subsets in assets/cjk/ from
# Debian's fonts-noto-cjk, keeping GB2312 level 1 and every character of the
# Chinese catalog, chapters and teaching note (see scripts/cjkfont.py).
# Run it again after any Chinese text changes; then go test ./assets/cjk/.
# Usage: scripts/cjkfont.sh [--check]   (--check: fail if the subsets are stale)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
/usr/bin/python3 -c 'import fontTools, brotli' 2>/dev/null || need+=(python3-fonttools python3-brotli)
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "cjkfont.sh: missing Debian packages: ${need[*]}; run as root: apt-get install -y ${need[*]}" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y --no-install-recommends "${need[@]}"
fi
exec /usr/bin/python3 scripts/cjkfont.py "$@" .
