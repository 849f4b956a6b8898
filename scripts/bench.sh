#!/usr/bin/env bash
# scripts/bench.sh — the benchmark suite in one command: installs the baselines' tools (sqlite3, nginx, wrk,
# pandas), builds, runs every bench (each measures its baseline in the same run) and prints one table of ratios;
# the same figures go to a JSON file. Performance targets live here only, never in the tests.
# Usage: scripts/bench.sh [--full] [--json FILE] [--build DIR]
#   --full   the issue's sizes: 10 million FK rows (peak RSS; about 20 minutes), 20 000 AF participants
#   --json   where the results go (default bench-results.json)
#   --build  the build directory (default build; an existing RelWithDebInfo build is reused as it is)
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail
cd "$(dirname "$0")/.."

full=0
json=bench-results.json
build=build
while [ $# -gt 0 ]; do
    case "$1" in
        --full) full=1 ;;
        --json) json=$2; shift ;;
        --build) build=$2; shift ;;
        *) echo "usage: scripts/bench.sh [--full] [--json FILE] [--build DIR]" >&2; exit 2 ;;
    esac
    shift
done

bash scripts/setup-deps.sh
missing=()
for p in sqlite3 wrk nginx-light python3-pandas; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target bench_ingest bench_feed bench_indicators bench_linkage finsam-hub finsam-gen

results=$(mktemp)
export FINSAM_BENCH_JSON=$results
if [ $full = 1 ]; then
    "$build"/bin/bench_ingest --af-participants 20000 --fk-rows 10000000
else
    "$build"/bin/bench_ingest
fi
"$build"/bin/bench_feed
"$build"/bin/bench_linkage
# shellcheck source=scripts/pg-test-cluster.sh
source scripts/pg-test-cluster.sh start
trap pg_test_cluster_stop EXIT
"$build"/bin/bench_indicators

/usr/bin/python3 - "$results" "$json" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
json.dump({"results": rows}, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
print()
print("%-11s %-52s %14s %-9s %14s  %-34s %8s %7s" % ("bench", "measure", "hub", "unit", "baseline", "baseline is", "ratio", "target"))
for r in rows:
    print("%-11s %-52s %14.4g %-9s %14.4g  %-34s %8.3f %7s" % (
        r["bench"], r["name"][:52], r["value"], r["unit"], r["baseline_value"], r["baseline"][:34], r["ratio"],
        (">= %g" % r["target"]) if r["target"] else ""))
print("\n%d results written to %s" % (len(rows), sys.argv[2]))
PY
