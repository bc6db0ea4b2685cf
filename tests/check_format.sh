#!/usr/bin/env bash
# Fails if any C++ source of ours differs from what clang-format (with the committed
# .clang-format) would write.
set -euo pipefail
cf=$1
root=$2
cd "$root"
files=$(git ls-files 'src/*.cc' 'src/*.h' 'tests/unit/*.cc' 'tests/unit/*.h' \
  'tests/integration/*.cc' 'tests/integration/*.h' 'tests/support/*.cc' 'tests/support/*.h' \
  2>/dev/null || true)
[ -n "$files" ] || { echo "no files"; exit 1; }
n=0
bad=0
for f in $files; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  if ! "$cf" --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not clang-formatted: $f"
    bad=$((bad + 1))
  fi
done
echo "$n files checked, $bad not formatted"
[ "$bad" -eq 0 ]
