#!/bin/sh
# mcurl — libcurl 7.88.1 compatible API. MIT licence.
#
# check_headers.sh OUR_INCLUDE_DIR SYSTEM_INCLUDE_DIR WORKDIR
#
# Compares the ABI facts of our headers with the reference (libcurl 7.88.1)
# headers: every enum member, every public #define, every typedef size and
# every struct's size and member offsets and sizes. gen_header_table.py
# writes one program from the reference headers; it is compiled once against
# each set of headers, both are run, and their outputs must be identical.
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 OUR_INCLUDE_DIR SYSTEM_INCLUDE_DIR WORKDIR" >&2
  exit 2
fi
OURS=$(cd "$1" && pwd -P)
SYS=$(cd "$2" && pwd -P)
WORK=$3
CC=${CC:-cc}
PYTHON=${PYTHON:-python3}
MIN_ITEMS=${MIN_ITEMS:-1450}
HERE=$(cd "$(dirname "$0")" && pwd -P)

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)

[ -f "$OURS/curl/curl.h" ] || { echo "no curl/curl.h in $OURS" >&2; exit 2; }
[ -f "$SYS/curl/curl.h" ] || { echo "no curl/curl.h in $SYS" >&2; exit 2; }

"$PYTHON" "$HERE/gen_header_table.py" table "$SYS" "$WORK/header_table.c"

# Every curl header the compiler used must come from the expected directory.
check_origin() { # INCDIR EXPECTED_DIR LABEL
  "$CC" -std=gnu11 -I "$1" -M "$WORK/header_table.c" >"$WORK/deps_$3.txt"
  bad=0
  used=0
  for f in $(tr ' \\' '\n\n' <"$WORK/deps_$3.txt" | grep '/curl/[^/]*\.h$'); do
    real=$(cd "$(dirname "$f")" && pwd -P)/$(basename "$f")
    used=$((used + 1))
    case $real in
      "$2"/curl/*) ;;
      *) echo "$3: $f is not from $2" >&2; bad=1 ;;
    esac
  done
  if [ "$used" -eq 0 ]; then
    echo "$3: no curl header was used?" >&2
    bad=1
  fi
  return $bad
}

check_origin "$SYS" "$SYS" reference
check_origin "$OURS" "$OURS" ours

# -w: the table uses deprecated names and GNU sizeof(void) on purpose.
"$CC" -std=gnu11 -w -I "$SYS" -o "$WORK/header_table_ref" "$WORK/header_table.c"
# A name missing from our headers must show in the diff, not stop the run.
"$PYTHON" "$HERE/gen_header_table.py" adapt "$OURS" "$WORK/header_table.c" \
  "$WORK/header_table_ours.c"
"$CC" -std=gnu11 -w -I "$OURS" -o "$WORK/header_table_ours" \
  "$WORK/header_table_ours.c"

"$WORK/header_table_ref" >"$WORK/header_table_ref.txt"
"$WORK/header_table_ours" >"$WORK/header_table_ours.txt"

items=$(wc -l <"$WORK/header_table_ref.txt" | tr -d ' ')
status=0
if ! diff -u "$WORK/header_table_ref.txt" "$WORK/header_table_ours.txt" \
     >"$WORK/header_table.diff"; then
  echo "DIFFERENCES (- reference libcurl 7.88.1, + ours):"
  cat "$WORK/header_table.diff"
  ndiff=$(grep -c '^[-+][^-+]' "$WORK/header_table.diff" || true)
  echo "check_headers: $ndiff differing lines"
  status=1
fi
echo "check_headers: $items items compared"
if [ "$items" -lt "$MIN_ITEMS" ]; then
  echo "check_headers: expected at least $MIN_ITEMS items: generator broken?" >&2
  status=1
fi
[ $status -eq 0 ] && echo "check_headers: OK"
exit $status
