#!/usr/bin/env bash
# deps.sh installs the Debian packages the tests need when they are missing:
# with apt-get when run as root, otherwise it prints the exact command and
# fails. Usage: scripts/deps.sh [build|render|browser|all]
set -euo pipefail
build=(gcc libc6-dev libx11-dev libxrandr-dev libxcursor-dev libxinerama-dev libxi-dev libxxf86vm-dev libgl-dev)
render=(xvfb xauth)
browser=(chromium)
node=(nodejs)
case "${1:-all}" in
build) want=("${build[@]}") ;;
render) want=("${render[@]}") ;;
browser) want=("${browser[@]}") ;;
all) want=("${build[@]}" "${render[@]}" "${browser[@]}") ;;
*) echo "deps.sh: unknown set $1" >&2; exit 2 ;;
esac
command -v node >/dev/null || want+=("${node[@]}")
missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: missing Debian packages: ${missing[*]}" >&2
	echo "deps.sh: run as root: sudo sh -c '$cmd'" >&2
	exit 1
fi
echo "deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
