#!/bin/sh
# mcurl — libcurl 7.88.1 compatible API. MIT licence.
#
# header_compile_test.sh OUR_INCLUDE_DIR WORKDIR [SYSTEM_INCLUDE_DIR]
#
# 1. A unit including every one of our public headers compiles cleanly
#    (-Wall -Wextra -Werror -pedantic) as C89, C99, C11, C++11 and C++20.
# 2. Prototype check: a C11 unit that includes our curl/curl.h and then
#    repeats every public function prototype and typedef exactly as the
#    reference headers (default /usr/include/x86_64-linux-gnu) declare them,
#    and checks the type of every struct member: any mismatch fails.
# 3. typecheck-gcc.h: correct calls compile without a warning at -O0 and
#    -O2 and evaluate each argument once; wrong calls are warned about.
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 OUR_INCLUDE_DIR WORKDIR [SYSTEM_INCLUDE_DIR]" >&2
  exit 2
fi
OURS=$(cd "$1" && pwd -P)
WORK=$2
SYS=${3:-${SYSTEM_INCLUDE_DIR:-/usr/include/x86_64-linux-gnu}}
CC=${CC:-cc}
CXX=${CXX:-c++}
PYTHON=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd -P)
WARN="-Wall -Wextra -Werror -pedantic"

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
fail=0

run() { # describe, then run a compile; record failure
  label=$1
  shift
  if "$@" >"$WORK/out.txt" 2>&1; then
    echo "ok    $label"
  else
    echo "FAIL  $label"
    sed 's/^/      /' "$WORK/out.txt" | head -40
    fail=1
  fi
}

# --- 1. every header, every dialect
cat >"$WORK/all_headers.c" <<'EOT'
#include <curl/curl.h>
#include <curl/curlver.h>
#include <curl/system.h>
#include <curl/easy.h>
#include <curl/multi.h>
#include <curl/urlapi.h>
#include <curl/header.h>
#include <curl/options.h>
#include <curl/websockets.h>
#include <curl/mprintf.h>
#include <curl/stdcheaders.h>
#include <curl/typecheck-gcc.h>
int mcurl_all_headers_included;
EOT
cp "$WORK/all_headers.c" "$WORK/all_headers.cc"
for std in c89 c99 c11; do
  run "all headers, -std=$std" \
    "$CC" -std=$std $WARN -I "$OURS" -c -o "$WORK/all_$std.o" "$WORK/all_headers.c"
done
for std in c++11 c++20; do
  run "all headers, -std=$std" \
    "$CXX" -std=$std $WARN -I "$OURS" -c -o "$WORK/all_$std.o" "$WORK/all_headers.cc"
done

# The headers used must be ours, not the system's.
"$CC" -I "$OURS" -M "$WORK/all_headers.c" >"$WORK/deps.txt"
for f in $(tr ' \\' '\n\n' <"$WORK/deps.txt" | grep '/curl/[^/]*\.h$'); do
  real=$(cd "$(dirname "$f")" && pwd -P)/$(basename "$f")
  case $real in
    "$OURS"/curl/*) ;;
    *) echo "FAIL  header $f is not from $OURS"; fail=1 ;;
  esac
done

# --- 2. prototypes, typedefs and member types from the reference headers
if "$PYTHON" "$HERE/gen_header_table.py" protos "$SYS" "$WORK/proto_check.c" \
     >"$WORK/out.txt" 2>&1; then
  echo "ok    reference declarations extracted: $(tail -n 1 "$WORK/out.txt")"
else
  echo "FAIL  extracting reference declarations"
  sed 's/^/      /' "$WORK/out.txt"
  fail=1
fi
for std in c11 gnu11; do
  run "reference prototypes against our headers, -std=$std" \
    "$CC" -std=$std $WARN -Wno-deprecated-declarations -I "$OURS" \
      -c -o "$WORK/proto_check_$std.o" "$WORK/proto_check.c"
done

# --- 3. typecheck-gcc.h
for std in c89 c99 c11 gnu11; do
  for opt in -O0 -O2; do
    run "typecheck: correct usage, -std=$std $opt" \
      "$CC" -std=$std $opt $WARN -I "$OURS" -o "$WORK/typecheck_usage" \
        "$HERE/typecheck_usage.c"
    run "typecheck: each argument evaluated once, -std=$std $opt" \
      "$WORK/typecheck_usage"
  done
done
expected=$(grep -c 'MISUSE' "$HERE/typecheck_misuse.c")
if echo | "$CC" -dM -E - | grep -q '__clang__'; then
  echo "skip  typecheck: misuse warnings (GCC only; $CC is clang)"
elif "$CC" -O2 -Wall -I "$OURS" -c -o "$WORK/typecheck_misuse.o" \
     "$HERE/typecheck_misuse.c" >"$WORK/out.txt" 2>&1; then
  got=$(grep -c 'declared with attribute warning' "$WORK/out.txt" || true)
  if [ "$got" -eq "$expected" ]; then
    echo "ok    typecheck: $got of $expected misuses warned about"
  else
    echo "FAIL  typecheck: $got of $expected misuses warned about"
    sed 's/^/      /' "$WORK/out.txt" | head -40
    fail=1
  fi
else
  echo "FAIL  typecheck: misuse unit does not compile"
  sed 's/^/      /' "$WORK/out.txt" | head -40
  fail=1
fi

if [ $fail -eq 0 ]; then
  echo "header_compile_test: OK"
else
  echo "header_compile_test: FAILED"
fi
exit $fail
