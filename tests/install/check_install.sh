#!/usr/bin/env bash
# Installs mcurl into a scratch prefix and builds a consumer program against it twice:
# with pkg-config (libcurl.pc) and with CMake's find_package(CURL) (CURL::libcurl).
# Each must link to the installed mcurl, not to the system libcurl, and run.
#   check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null

libdir=$(dirname "$(find "$prefix" -name libcurl.so.4.8.0 | head -1)")
for f in libcurl.so libcurl.so.4 libcurl-gnutls.so.4 pkgconfig/libcurl.pc \
  cmake/CURL/CURLConfig.cmake; do
  [ -e "$libdir/$f" ] || { echo "not installed: $f"; exit 1; }
done
[ -f "$prefix/include/curl/curl.h" ] || { echo "headers not installed"; exit 1; }

# An ASan build of the library needs the ASan runtime loaded first in a plain program.
preload=""
if ldd "$libdir/libcurl.so.4" | grep -q libasan; then
  preload=$(cc -print-file-name=libasan.so)
fi

check_binary() {  # check_binary NAME PATH
  local needed
  needed=$(readelf -d "$2" | sed -n 's/.*(NEEDED).*\[\(libcurl[^]]*\)\]/\1/p')
  [ "$needed" = "libcurl.so.4" ] || { echo "$1: NEEDED is '$needed'"; exit 1; }
  LD_PRELOAD="$preload" LD_LIBRARY_PATH="$libdir" "$2" ||
    { echo "$1: the consumer failed on mcurl"; exit 1; }
  echo "$1: built and ran on the installed mcurl"
}

# pkg-config
flags=$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs libcurl)
case "$flags" in *"$prefix"*) ;; *) echo "pkg-config did not point at $prefix: $flags"; exit 1 ;; esac
version=$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --modversion libcurl)
[ "$version" = "7.88.1" ] || { echo "pkg-config version $version"; exit 1; }
# shellcheck disable=SC2086
cc -o "$work/pc_consumer" "$src/tests/install/consumer/main.c" $flags
check_binary pkg-config "$work/pc_consumer"

# find_package(CURL)
cmake -S "$src/tests/install/consumer" -B "$work/cm" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_PACKAGE_PREFER_CONFIG=ON >"$work/cm.log" 2>&1 || { cat "$work/cm.log"; exit 1; }
cmake --build "$work/cm" >"$work/cmb.log" 2>&1 || { cat "$work/cmb.log"; exit 1; }
grep -q "$prefix/include" "$work/cm/CMakeFiles/consumer.dir/flags.make" ||
  { echo "find_package did not use the installed headers"; exit 1; }
check_binary find_package "$work/cm/consumer"
