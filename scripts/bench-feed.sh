#!/usr/bin/env bash
# scripts/bench-feed.sh — installs wrk and nginx if missing, builds, runs bench_feed (arguments are passed on).
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null || ! PATH="$PATH:/usr/sbin:/sbin" command -v nginx >/dev/null; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get install -y --no-install-recommends wrk nginx-light
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target bench_feed finsam-hub finsam-gen
exec build/bin/bench_feed "$@"
