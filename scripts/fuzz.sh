#!/usr/bin/env bash
# scripts/fuzz.sh — builds the libFuzzer targets (tests/fuzz/README.md), seeds their corpora from finsam-gen, the
# connectors' fixtures, the example configs and the checked-in seeds, runs each target for a bounded time (one at a
# time) and prints executions, exec/s, corpus size and crashes per target. Exits 1 when any target crashed, with
# the crash file's path in the output; 2 on a usage or build error.
#
#   scripts/fuzz.sh [--seconds N] [--target T]... [--build DIR] [--jobs J] [--fresh]
#
#   --seconds N  fuzzing time per target (default 30)
#   --target T   only this target (repeatable): personnummer af_csv fk_fixed forbund_csv region_fhir kommun_api
#                config feed_query
#   --build DIR  the fuzz build (default build-fuzz), configured here with clang if it is not yet
#   --jobs J     build parallelism (default: the number of cores)
#   --fresh      start from the seeds again instead of the corpora grown by earlier runs
#
# Corpora grow in DIR/fuzz-work/corpus/<target> (never in the source tree); crashes land in
# DIR/fuzz-work/artifacts/<target>/. A crash found becomes a regression test: copy the file to
# tests/fuzz/regressions/<target>/ (ctest replays that folder in every build).
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
all_targets=(personnummer af_csv fk_fixed forbund_csv region_fhir kommun_api config feed_query)
seconds=30
build="$root/build-fuzz"
jobs=$(nproc 2>/dev/null || echo 2)
fresh=0
targets=()

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds) seconds=${2:?}; shift 2 ;;
        --target) targets+=("${2:?}"); shift 2 ;;
        --build) build=$(realpath -m "${2:?}"); shift 2 ;;
        --jobs) jobs=${2:?}; shift 2 ;;
        --fresh) fresh=1; shift ;;
        -h|--help) usage ;;
        *) echo "fuzz.sh: unknown argument $1" >&2; usage ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "fuzz.sh: --seconds must be a positive integer" >&2; exit 2; }
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target $t (${all_targets[*]})" >&2; exit 2; }
done

# --- build -------------------------------------------------------------------------------------------------------
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang)" >&2; exit 2; }
    # Debian's RapidJSON 1.1.0 declares its iterator comparisons in a way C++20 finds ambiguous; clang warns at
    # every call site (gcc does not). The warning is about that header, not our code, so only it is turned off;
    # likewise UBSan skips that header's code (tests/fuzz/sanitizer-ignorelist.txt says why).
    cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DFINSAM_SANITIZE=address,undefined -DFINSAM_FUZZ=ON \
        "-DCMAKE_CXX_FLAGS=-Wno-ambiguous-reversed-operator -fsanitize-ignorelist=$root/tests/fuzz/sanitizer-ignorelist.txt" \
        >/dev/null
fi
grep -q '^FINSAM_FUZZ:BOOL=ON' "$build/CMakeCache.txt" ||
    { echo "fuzz.sh: $build is not a fuzz build (FINSAM_FUZZ=ON)" >&2; exit 2; }
build_targets=(finsam-gen)
for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
echo "building ${build_targets[*]} in $build" >&2
cmake --build "$build" -j"$jobs" --target "${build_targets[@]}" >"$build/fuzz-build.log" 2>&1 ||
    { tail -30 "$build/fuzz-build.log" >&2; echo "fuzz.sh: build failed (log: $build/fuzz-build.log)" >&2; exit 2; }

# --- seed corpora --------------------------------------------------------------------------------------------------
work="$build/fuzz-work"
seeds="$work/seeds"
sep=$'\n--8<--\n'   # tests/fuzz/fuzz_support.h kPartSeparator

# Joins files into one input, separated as the multi-part targets expect.
join_parts() {
    local first=1 f
    for f in "$@"; do
        [[ $first -eq 1 ]] || printf '%s' "$sep"
        cat "$f"
        first=0
    done
}

make_seeds() {
    local gen="$build/bin/finsam-gen" world="$work/gen" t f d n
    rm -rf "$seeds" "$world"
    for t in "${all_targets[@]}"; do mkdir -p "$seeds/$t"; done
    # A small world with short pages (so next links and cursors are followed), and one with every fault planted.
    "$gen" all --out "$world/clean" --seed 11 --participants 130 --af-snapshots 2 \
        --kommun-page-size 4 --region-page-size 4 >/dev/null
    "$gen" af --out "$world/af-faults" --seed 12 --participants 130 --af-snapshots 2 \
        --fault utf8-file --fault bad-date --fault bad-personnummer --fault unknown-code \
        --fault wrong-field-count --fault shrink --fault withdrawal >/dev/null
    "$gen" fk --out "$world/fk-faults" --seed 13 --participants 60 \
        --fault short-line --fault missing-trailer --fault count-mismatch --fault sum-mismatch \
        --fault out-of-order --fault duplicate-batch --fault batch-gap --fault unknown-formanskod \
        --fault tom-before-from --fault makulering-of-unknown >/dev/null

    # personnummer: every spelling the generator writes, and the conformance list's test numbers.
    n=0
    grep -rhoE '(^|[^0-9])[0-9]{6}([0-9]{2})?[-+]?[0-9]{4}([^0-9]|$)' "$world/clean/forbund" "$world/clean/af" \
        "$world/clean/fk" 2>/dev/null | grep -oE '[0-9]{6}([0-9]{2})?[-+]?[0-9]{4}' | sort -u >"$world/numbers" || true
    head -200 "$world/numbers" | while read -r f; do printf '%s' "$f" >"$seeds/personnummer/gen-$((n++))"; done
    grep -oE '"(long_format|short_format|separated_format|separated_long)": "[^"]*"' \
        "$root/tests/data/personnummer/list.json" | sed 's/.*: "//; s/"$//' | sort -u |
        while read -r f; do printf '%s' "$f" >"$seeds/personnummer/list-$((n++))"; done

    # af_csv, fk_fixed: the files as they are.
    find "$world"/*/af "$root/connectors/af-csv/fixtures" -name '*.csv' -type f -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$seeds/af_csv/$(echo "$f" | md5sum | cut -c1-12).csv"; done
    find "$world"/*/fk "$root/connectors/fk-fixed/fixtures" -name 'fk_ers_*.txt' -type f -size -256k -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$seeds/fk_fixed/$(echo "$f" | md5sum | cut -c1-12).txt"; done

    # forbund_csv: each set's three sheets (as far as the set has them, in order) as one input.
    for d in "$world/clean/forbund" "$root"/connectors/forbund-csv/fixtures/*/; do
        local sheets=()
        for f in insatser deltaganden samtycken; do
            [[ -f "$d/$f.csv" ]] || break
            sheets+=("$d/$f.csv")
        done
        [[ ${#sheets[@]} -gt 0 ]] && join_parts "${sheets[@]}" >"$seeds/forbund_csv/$(basename "$d")"
    done

    # region_fhir: the Consent pages, then the EpisodeOfCare pages, as the run asks for them; and the first pages
    # of each search alone.
    join_parts "$world"/clean/region/Consent/page-*.json "$world"/clean/region/EpisodeOfCare/page-*.json \
        >"$seeds/region_fhir/all-pages"
    for f in "$world"/clean/region/*/page-00[01][0-9].json; do
        cp "$f" "$seeds/region_fhir/$(basename "$(dirname "$f")")-$(basename "$f" .json)"
    done
    # kommun_api: the payment pages, then the participation pages; and the first pages of each endpoint alone.
    join_parts "$world"/clean/kommun/api/v1/forsorjningsstod/utbetalningar/page-*.json \
        "$world"/clean/kommun/api/v1/finsam/deltaganden/page-*.json >"$seeds/kommun_api/all-pages"
    for f in "$world"/clean/kommun/api/v1/*/*/page-00[01][0-9].json; do
        cp "$f" "$seeds/kommun_api/$(basename "$(dirname "$f")")-$(basename "$f" .json)"
    done

    # config: each example's settings as an instance file, alone and after a hub.json naming it.
    for f in "$root"/config/examples/*.json; do
        local name plugin instance
        name=$(basename "$f" .json)
        plugin=${name%%.*}
        instance="$seeds/config/instance-$name"
        printf '{"id": "%s", "plugin": "%s", "organisation": "af", "settings": %s}\n' "$name" "$plugin" "$(cat "$f")" \
            >"$instance"
        { printf '{"forbund": {"id": "forbund-sthlm", "name": "Samordningsförbundet Stockholm"}, '
          printf '"store": {"backend": "sqlite", "path": "hub.db"}, '
          printf '"identity": {"key_file": "keys/pseudonym.key", "key_id": "k1"}, "connectors": ["c1.json"]}'
          printf '%s' "$sep"; cat "$instance"; } >"$seeds/config/hub-$name"
    done
    cp "$root"/connectors/*/schema.json "$seeds/config/" 2>/dev/null || true

    # feed_query: every catalogue type once, the wildcards, and each parameter at its bounds.
    for f in "$root"/config/schemas/events/*.schema.json; do
        t=$(basename "$f" .schema.json)
        printf 'after=0&limit=100&types=%s' "$t" >"$seeds/feed_query/type-$t"
        printf 'types=%s.*&format=ndjson' "${t%%.*}" >"$seeds/feed_query/wildcard-${t%%.*}"
    done

    # The checked-in seeds and every regression, last (same names win).
    for t in "${all_targets[@]}"; do
        for d in "$root/tests/fuzz/seeds/$t" "$root/tests/fuzz/regressions/$t"; do
            [[ -d "$d" ]] && find "$d" -type f ! -name '*.md' -exec cp {} "$seeds/$t/" \;
        done
    done
    touch "$work/seeds.stamp"
}

mkdir -p "$work"
if [[ $fresh -eq 1 || ! -f "$work/seeds.stamp" || "$build/bin/finsam-gen" -nt "$work/seeds.stamp" ]]; then
    echo "making seed corpora in $seeds" >&2
    make_seeds
fi

# feed_query: a dictionary of its parameter names and the catalogue's types.
dict="$work/feed_query.dict"
{
    for w in after limit types wait format json ndjson '.*' '&' '=' ','; do printf '"%s"\n' "$w"; done
    for f in "$root"/config/schemas/events/*.schema.json; do printf '"%s"\n' "$(basename "$f" .schema.json)"; done
} >"$dict"

# --- run -----------------------------------------------------------------------------------------------------------
stat_of() { grep -oE "^stat::$2: *[0-9]+" "$1" | tail -1 | grep -oE '[0-9]+$' || echo 0; }

declare -A result
failed=0
for t in "${targets[@]}"; do
    corpus="$work/corpus/$t"
    artifacts="$work/artifacts/$t"
    log="$work/logs/$t.log"
    [[ $fresh -eq 1 ]] && rm -rf "$corpus"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    cp -n "$seeds/$t"/* "$corpus/" 2>/dev/null || true
    extra=()
    [[ $t == feed_query ]] && extra+=("-dict=$dict")
    before=$(find "$artifacts" -type f | wc -l)
    echo "fuzzing $t for ${seconds}s (corpus $(find "$corpus" -type f | wc -l) files, log $log)" >&2
    set +e
    # One process at a time, niced; the outer timeout only guards against a hang libFuzzer itself misses.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
        nice -n 10 timeout --kill-after=30 $((seconds + 300)) "$build/bin/fuzz_$t" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "${extra[@]}" "$corpus" >"$log" 2>&1
    status=$?
    set -e
    crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
    execs=$(stat_of "$log" number_of_executed_units)
    rate=$(stat_of "$log" average_exec_per_sec)
    size=$(find "$corpus" -type f | wc -l)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 | sed 's/corp: /kept: /' || true)
    crash_file=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //' || true)
    if [[ $status -ne 0 || $crashes -gt 0 ]]; then
        failed=1
        echo "CRASH in $t (exit $status): ${crash_file:-see $log}" >&2
        grep -m5 -E 'ERROR: |fuzz invariant broken|runtime error|SUMMARY' "$log" >&2 || true
    fi
    result[$t]="$execs|$rate|$size|${cov:-?}|$crashes|${crash_file:--}"
done

# corpus: files in the corpus folder; kept: the inputs libFuzzer holds in memory (the corpus, minimised).
printf '\n%-13s %12s %8s %7s %-30s %7s  %s\n' target executions exec/s corpus coverage crashes "crash file"
for t in "${targets[@]}"; do
    IFS='|' read -r execs rate size cov crashes file <<<"${result[$t]}"
    printf '%-13s %12s %8s %7s %-30s %7s  %s\n' "$t" "$execs" "$rate" "$size" "$cov" "$crashes" "$file"
done
exit $failed
