#!/usr/bin/env bash
# scripts/test.sh — from a fresh clone: install dependencies, build, start a throwaway PostgreSQL, run every test.
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-deps.sh --tests
jobs=$(nproc)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"

# shellcheck source=scripts/pg-test-cluster.sh
source scripts/pg-test-cluster.sh start
trap pg_test_cluster_stop EXIT

ctest --test-dir build --output-on-failure -j "$jobs" --timeout 600 "$@"
