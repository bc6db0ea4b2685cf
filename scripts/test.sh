#!/usr/bin/env bash
# The whole test suite: installs what is missing, then builds and runs every test twice,
# in a normal build (build/) and in an ASan+UBSan build of everything (build-asan/).
# Exits non-zero if anything fails. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh || { echo "setup failed"; exit 1; }

jobs=${MCURL_JOBS:-2}
total_pass=0
total_fail=0
status=0

run_build() {  # run_build DIR [cmake args...]
  local dir=$1
  shift
  echo "=== $dir: configure and build"
  if ! cmake -S . -B "$dir" "$@" >"$dir.configure.log" 2>&1; then
    cat "$dir.configure.log"
    return 1
  fi
  if ! cmake --build "$dir" -j"$jobs"; then
    return 1
  fi
  echo "=== $dir: ctest"
  local log="$dir/ctest.log"
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" --timeout 600 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)
  if [ -n "$line" ]; then
    local failed total
    failed=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/')
    total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
    total_pass=$((total_pass + total - failed))
    total_fail=$((total_fail + failed))
  else
    total_fail=$((total_fail + 1))
  fi
  return "$rc"
}

mkdir -p build build-asan
run_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo || status=1
# allocator_may_return_null: C code may ask malloc for absurd sizes and expect NULL.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMCURL_SANITIZE=ON || status=1

echo "=== both builds: $total_pass tests passed, $total_fail failed"
echo "$total_pass passed, $total_fail failed"
[ $status -eq 0 ] && [ $total_fail -eq 0 ]
