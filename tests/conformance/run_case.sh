#!/usr/bin/env bash
# Runs one conformance program on the system libcurl and on mcurl and diffs the output.
#   run_case.sh PROGRAM MCURL_LIB_DIR [ARGS...]
# The program was compiled against the system's headers and linked to the system
# libcurl; on the second run LD_LIBRARY_PATH points the loader at mcurl's libcurl.so.4.
# Lines that start with "~" are informational and not compared (version strings that
# are allowed to differ). Exit status, stdout and loader complaints on stderr count.
set -u
prog=$1
libdir=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

args=("$@")
run() {  # run NAME [VAR=value...]
  local name=$1
  shift
  env "$@" MCURL_CONFORMANCE_SIDE="$name" timeout 60 "$prog" "${args[@]}" \
    >"$work/$name.out" 2>"$work/$name.err"
  echo "exit $?" >>"$work/$name.out"
}
run system
run mcurl LD_LIBRARY_PATH="$libdir"

status=0
# Proof that the second run really loaded mcurl, from the loader's own trace.
if grep -q "no version information available\|version .* not found\|symbol lookup error" \
    "$work/mcurl.err"; then
  echo "loader complaint on mcurl:"
  cat "$work/mcurl.err"
  status=1
fi
if ! LD_LIBRARY_PATH="$libdir" LD_DEBUG=libs "$prog" "${args[@]}" 2>&1 >/dev/null |
    grep -q "calling init: $libdir/${MCURL_SONAME:-libcurl.so.4}"; then
  echo "the mcurl run did not load $libdir/${MCURL_SONAME:-libcurl.so.4}"
  status=1
fi
grep -v '^~' "$work/system.out" >"$work/system.cmp"
grep -v '^~' "$work/mcurl.out" >"$work/mcurl.cmp"
if ! diff -u --label system "$work/system.cmp" --label mcurl "$work/mcurl.cmp"; then
  status=1
fi
lines=$(wc -l <"$work/system.cmp")
if [ "$lines" -lt 2 ]; then
  echo "the case printed almost nothing ($lines lines): not a test"
  status=1
fi
if [ $status -eq 0 ]; then
  echo "identical on both libraries ($lines lines compared)"
else
  echo "--- stderr (system)"; head -50 "$work/system.err"
  echo "--- stderr (mcurl)"; head -50 "$work/mcurl.err"
fi
exit $status
