#!/usr/bin/env bash
# The lowest versions pyproject.toml allows: every direct dependency (the [test] ones too) at
# its minimum, in a throwaway environment, then ruff and the tests (the domain tests and the
# interface tests, so the Qt binding's bound is checked too). A lower bound that fails here is
# not true: raise it.
#   scripts/lowest-deps.sh            ruff and tests/domain tests/ui
#   scripts/lowest-deps.sh PATH...    ruff and only those tests
# Needs python3 (or $PYTHON) with venv, and the package registry; leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=$(command -v "${PYTHON:-python3}")
work=$(mktemp -d "${TMPDIR:-/tmp}/beachhead-lowest.XXXXXX")
trap 'rm -rf "$work"' EXIT
export UV_CACHE_DIR="$work/cache" UV_PYTHON_DOWNLOADS=never

"$python" -m venv "$work/tools"
"$work/tools/bin/python" -m pip install --quiet --disable-pip-version-check uv
uv="$work/tools/bin/uv"
"$uv" venv --quiet --python "$python" "$work/venv"
"$uv" pip install --quiet --python "$work/venv/bin/python" --resolution lowest-direct \
  -e "$root[test]"
echo "lowest-deps: $("$uv" pip list --python "$work/venv/bin/python" 2>/dev/null |
  awk 'NR > 2 {printf "%s%s %s", sep, $1, $2; sep = ", "}')"

# the interface translations (built files, never committed), if 'make' has not built them
for ts in resources/translations/*.ts; do
  [ -f "${ts%.ts}.qm" ] || "$work/venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

"$work/venv/bin/ruff" check .
if [ $# -eq 0 ]; then
  set -- tests/domain tests/ui
fi
QT_QPA_PLATFORM=offscreen "$work/venv/bin/python" -m pytest -q -n 2 -p no:cacheprovider "$@"
