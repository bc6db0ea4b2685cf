#!/usr/bin/env bash
# ABI gate: the dynamic symbols and version nodes of our libcurl.so.4.
#   check_exports.sh LIBRARY SYMBOL_LIST
# Passes when the library's SONAME is libcurl.so.4, it defines the version nodes
# CURL_OPENSSL_4 and CURL_GNUTLS_3, and its defined dynamic symbols are exactly the
# functions of SYMBOL_LIST, each as name@@CURL_OPENSSL_4 (default) and name@CURL_GNUTLS_3.
set -euo pipefail
lib=$1
list=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [ "$soname" != "libcurl.so.4" ]; then
  echo "SONAME is '$soname', expected libcurl.so.4"
  fail=1
fi

readelf -V "$lib" | sed -n '/Version definition/,/Version needs/p' >"$work/verdef"
for node in CURL_OPENSSL_4 CURL_GNUTLS_3; do
  if ! grep -q "Name: $node\$" "$work/verdef"; then
    echo "version node $node is not defined"
    fail=1
  fi
done

sort -u "$list" >"$work/expected"
nm -D --defined-only "$lib" | awk '{print $3}' | sort >"$work/all"
# The version nodes themselves appear as absolute symbols; everything else must be ours.
grep -v -x -e CURL_OPENSSL_4 -e CURL_GNUTLS_3 "$work/all" >"$work/symbols" || true
sed -n 's/@@CURL_OPENSSL_4$//p' "$work/symbols" | sort >"$work/openssl4"
sed -n 's/@CURL_GNUTLS_3$//p' "$work/symbols" | sort >"$work/gnutls3"
grep -v -e '@@CURL_OPENSSL_4$' -e '@CURL_GNUTLS_3$' "$work/symbols" >"$work/other" || true

if [ -s "$work/other" ]; then
  echo "exported symbols outside both version nodes:"
  cat "$work/other"
  fail=1
fi
if ! diff -u --label expected "$work/expected" --label CURL_OPENSSL_4 "$work/openssl4"; then
  fail=1
fi
if ! diff -u --label expected "$work/expected" --label CURL_GNUTLS_3 "$work/gnutls3"; then
  fail=1
fi
n=$(wc -l <"$work/expected")
if [ "$n" -ne 91 ]; then
  echo "the symbol list has $n names, expected 91"
  fail=1
fi
if [ $fail -eq 0 ]; then
  echo "exports OK: $(wc -l <"$work/openssl4") functions @@CURL_OPENSSL_4," \
    "$(wc -l <"$work/gnutls3") @CURL_GNUTLS_3, nothing else"
fi
exit $fail
