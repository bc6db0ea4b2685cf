#!/usr/bin/env bash
# The main job. Foundation stage: builds mcurl and runs examples/version_demo on it
# (curl_version_info and a URL round trip through the URL API). The engine issue replaces
# this with the epoll hiperfifo example driving 10,000 transfers against a local server.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${MCURL_JOBS:-2}" --target curl version_demo
./build/examples/version_demo
