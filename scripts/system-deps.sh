#!/usr/bin/env bash
# Install the Debian packages Beachhead needs, if any is missing.
#   scripts/system-deps.sh run    libraries Qt needs to open a window, and a symbol font
#                                 (emoji and pictographs in reports)
#   scripts/system-deps.sh test   those, plus LibreOffice (recalculates exported workbooks in the
#                                 tests), CJK fonts (Chinese in charts and reports) and
#                                 PostgreSQL (the tests start a throwaway server: tests/postgres.py)
set -euo pipefail
want=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
      libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
      libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
      fonts-symbola)
if [ "${1:-run}" = "test" ]; then
  want+=(libreoffice-calc-nogui fonts-noto-cjk poppler-utils postgresql)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: please install: ${missing[*]}" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
