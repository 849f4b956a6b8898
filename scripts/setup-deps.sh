#!/usr/bin/env bash
# scripts/setup-deps.sh — install the Debian packages finsam-hub builds and tests with (idempotent).
# Usage: setup-deps.sh [--tests]   (--tests adds what only the test suite needs: Chromium for the admin page test,
#                                   clang with its sanitizer and libFuzzer runtimes for the checked builds)
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail

# libboost-dev: SOCI 4.0 on Debian is built with SOCI_HAVE_BOOST, so its headers include Boost.Fusion.
packages=(
    build-essential cmake pkg-config ca-certificates curl
    libpoco-dev libcurl4-openssl-dev rapidjson-dev
    libsoci-dev libboost-dev libsqlite3-dev libpq-dev postgresql
    libgtest-dev libgmock-dev libbenchmark-dev
    openssl sqlite3
)
# chromium, chromium-driver: the admin page test (tests/e2e/admin_page_test.cpp) drives headless Chromium.
# clang, libclang-rt-14-dev, llvm: the sanitizer builds and libFuzzer (scripts/test.sh, scripts/fuzz.sh); llvm has
# llvm-symbolizer, which turns a sanitizer's report into file:line.
if [ "${1:-}" = "--tests" ]; then
    packages+=(chromium chromium-driver clang libclang-rt-14-dev llvm)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "setup-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
