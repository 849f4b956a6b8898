// tests/bench/bench_report.h — every bench's results, machine-readable: with FINSAM_BENCH_JSON set, each result
// is appended to that file as one JSON line; scripts/bench.sh gathers them into a table and one JSON file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace finsam::bench {

/// One measured figure: `value` of the hub in `unit`, the baseline's figure measured in the same run, the
/// hub/baseline ratio (higher is better) and the target ratio (0 when there is none).
struct BenchResult {
    std::string bench;     ///< ingest, feed, indicators, …
    std::string name;      ///< what was measured, e.g. "fk 10000000 rows vs sqlite3 .import"
    double value = 0;
    std::string unit;      ///< rows/s, events/s, s, MB
    std::string baseline;  ///< what it is compared with
    double baselineValue = 0;
    double ratio = 0;
    double target = 0;
};

inline void reportResult(const BenchResult& r) {
    const char* path = std::getenv("FINSAM_BENCH_JSON");
    if (path == nullptr || *path == '\0') {
        return;
    }
    if (std::FILE* out = std::fopen(path, "a")) {
        // Names and units are our own literals: no escaping needed beyond what they never contain.
        std::fprintf(out,
                     "{\"bench\":\"%s\",\"name\":\"%s\",\"value\":%.6g,\"unit\":\"%s\",\"baseline\":\"%s\","
                     "\"baseline_value\":%.6g,\"ratio\":%.6g,\"target\":%.6g}\n",
                     r.bench.c_str(), r.name.c_str(), r.value, r.unit.c_str(), r.baseline.c_str(), r.baselineValue,
                     r.ratio, r.target);
        std::fclose(out);
    }
}

}  // namespace finsam::bench
