#!/usr/bin/env bash
# scripts/test.sh — from a fresh clone: install dependencies, build, start a throwaway PostgreSQL, run every test.
#
# Every test runs in a checked build: clang with AddressSanitizer and UndefinedBehaviorSanitizer (any report fails
# the test, the hubs tests start included), instrumented for libFuzzer so the same build runs each fuzz target for
# a bounded time. A second, ThreadSanitizer build runs the daemon's suites: scheduler, webhooks, HTTP server.
#   scripts/test.sh [ctest args]      e.g. -R Feed to run some tests (the fuzz and ThreadSanitizer passes then skip)
# Environment: FINSAM_FUZZ_SECONDS (per fuzz target, default 15), FINSAM_SKIP_TSAN=1.
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-deps.sh --tests
jobs=$(nproc)
# -O1 -g1: the sanitizers' usual trade: reports keep file:line, and it compiles faster than -O2 -g.
checked_flags=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG")

cmake -S . -B build-checked "${checked_flags[@]}" -DFINSAM_SANITIZE=address,undefined -DFINSAM_FUZZ=ON >/dev/null
cmake --build build-checked -j "$jobs"

# Reports go to the test's output and fail it; leak checking stays on. Suppressions name third-party code only.
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1"

# The ThreadSanitizer build compiles at low priority while the tests run: they wait on processes and sockets
# much of the time, and CI's budget has no room for the two one after the other.
daemon_suites=(test_scheduler test_webhook test_http)
tsan_build=""
if [ $# -eq 0 ] && [ "${FINSAM_SKIP_TSAN:-}" != 1 ]; then
    cmake -S . -B build-tsan "${checked_flags[@]}" -DFINSAM_SANITIZE=thread >/dev/null
    nice -n 15 cmake --build build-tsan -j "$jobs" --target "${daemon_suites[@]}" >build-tsan.log 2>&1 &
    tsan_build=$!
fi

# shellcheck source=scripts/pg-test-cluster.sh
source scripts/pg-test-cluster.sh start
trap pg_test_cluster_stop EXIT

status=0
ctest --test-dir build-checked --output-on-failure -j "$jobs" --timeout 900 "$@" || status=$?
if [ $# -gt 0 ] || [ $status -ne 0 ]; then
    [ -z "$tsan_build" ] || wait "$tsan_build" || true  # leave no compiler running behind
    exit $status
fi

bash scripts/fuzz.sh --build build-checked --seconds "${FINSAM_FUZZ_SECONDS:-15}"

if [ -n "$tsan_build" ]; then
    wait "$tsan_build" || { tail -50 build-tsan.log; echo "test.sh: the ThreadSanitizer build failed" >&2; exit 1; }
    ctest --test-dir build-tsan --output-on-failure -j "$jobs" --timeout 900 \
        -L "^($(IFS='|'; echo "${daemon_suites[*]}"))\$"
fi
