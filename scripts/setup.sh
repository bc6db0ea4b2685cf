#!/usr/bin/env bash
# Installs the Debian packages mcurl needs to build and test, if any are missing.
# Safe to run again: it only calls apt-get when something is absent.
set -euo pipefail

packages=(
  build-essential cmake pkg-config binutils python3 git
  libssl-dev zlib1g-dev libgtest-dev googletest clang-format
  # The oracle: the system libcurl 7.88.1, its headers and man pages, and the GnuTLS
  # flavour that git and pycurl load.
  libcurl4-openssl-dev libcurl3-gnutls libcurl4-doc
  # The TLS test fixture: test certificates and nginx on loopback (tests/support).
  openssl nginx-light
  # The event libraries of the example programs (examples/hiperfifo.c, multi-uv.c), and
  # valgrind, which the example tests use when it is there.
  libevent-dev libuv1-dev valgrind
  # The real-program suite (tests/clients, docs/CLIENTS.md): the curl tool, PHP's curl
  # extension, pycurl for Debian's /usr/bin/python3, git (its http helper) and cmake.
  curl php-cli php-curl python3-pycurl
  # A SOCKS5 server for the proxy tests (tests/integration/socks_test.cc, tests/clients).
  microsocks
  # HTTPS proxies (tests/support/nginx_fixture.sh): nginx's stream module ends TLS in
  # front of tinyproxy.
  libnginx-mod-stream tinyproxy
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
