// tests/bench/rekey_bench.cpp — how long `finsam-hub rekey` takes on a store of N persons, against
// a plain SELECT+UPDATE pass over the same rows (no HMAC) measured in the same run.
// SPDX-License-Identifier: Apache-2.0
//
// Run by hand (not a ctest test):
//   build/bin/bench_rekey                       # N = 10 000 on SQLite
//   build/bin/bench_rekey --rows=10000,100000   # the 100 000 persons
//   build/bin/bench_rekey --rows=100000 --pg="host=... user=..."   # PostgreSQL (scratch database)
// Google Benchmark's own flags (--benchmark_filter=..., --benchmark_format=json) pass through.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/common/hash.h"
#include "core/identity/pseudonymizer.h"
#include "core/store/database.h"
#include "core/store/link_key_rekey.h"

namespace {

using namespace finsam;

// Every pass rewrites every row, so a few passes give a stable mean without re-seeding.
constexpr int kPasses = 3;
// Rows per INSERT while seeding (bulk-bound vectors).
constexpr std::size_t kSeedChunk = 10000;
constexpr const char* kPlain = "plain_select_update";
constexpr const char* kRekey = "rekey_hmac";

struct Options {
    std::vector<std::int64_t> rows{10000};
    std::string pg;  ///< libpq conninfo of a server where a scratch database may be created
};

Options& options() {
    static Options instance;
    return instance;
}

// A scratch store of `rows` persons, each with one personnummer link key under key id "g0", made
// the way ingest makes them (HMAC of "personnummer:" and a 12-digit number).
class SeededStore {
public:
    explicit SeededStore(std::int64_t rows) {
        store::StoreLocation location;
        if (options().pg.empty()) {
            char pattern[] = "/tmp/finsam-bench.XXXXXX";
            if (::mkdtemp(pattern) == nullptr) {
                throw std::runtime_error("mkdtemp failed");
            }
            dir_ = pattern;
            location = {store::Backend::kSqlite, (dir_ / "hub.db").string(), ""};
        } else {
            pgDatabase_ = "finsam_bench_" + common::randomHex(6);
            store::Database server({store::Backend::kPostgresql, options().pg, ""});
            server.session() << "CREATE DATABASE " + pgDatabase_;
            location = {store::Backend::kPostgresql, options().pg + " dbname=" + pgDatabase_, ""};
        }
        database_ = std::make_unique<store::Database>(location);
        database_->migrate();
        seed(rows);
    }

    ~SeededStore() {
        database_.reset();
        if (!dir_.empty()) {
            std::filesystem::remove_all(dir_);
        }
        if (!pgDatabase_.empty()) {
            try {
                store::Database server({store::Backend::kPostgresql, options().pg, ""});
                server.session() << "DROP DATABASE IF EXISTS " + pgDatabase_ + " WITH (FORCE)";
            } catch (...) {
                // A scratch database left behind is harmless.
            }
        }
    }

    store::Database& database() { return *database_; }

private:
    void seed(std::int64_t rows) {
        const identity::Pseudonymizer key({"g0", std::string(64, 's')});
        auto& sql = database_->session();
        soci::transaction transaction(sql);
        std::vector<std::string> persons, values;
        for (std::int64_t first = 0; first < rows; first += kSeedChunk) {
            persons.clear();
            values.clear();
            const std::int64_t end = std::min<std::int64_t>(rows, first + kSeedChunk);
            for (std::int64_t i = first; i < end; ++i) {
                const std::string number = std::to_string(190000000000 + i);
                persons.push_back(common::randomHex(16));
                values.push_back(key.linkKey(identity::IdentityKind::kPersonnummer, number).value);
            }
            sql << "INSERT INTO person (person_key, protected, content_hash, created_at, "
                   "updated_at) VALUES (:p, 0, 'h', 't', 't')",
                soci::use(persons);
            sql << "INSERT INTO link_key (organisation, kind, key_id, value, person_key, "
                   "created_at) VALUES ('forbund-bench', 'personnummer', 'g0', :v, :p, 't')",
                soci::use(values), soci::use(persons);
        }
        transaction.commit();
    }

    std::filesystem::path dir_;
    std::string pgDatabase_;
    std::unique_ptr<store::Database> database_;
};

// One pass = every row from key id g<n> to g<n+1>; with `hmac` the value becomes HMAC(new, value)
// exactly as `finsam-hub rekey` does, without it the value is copied (the SQL work alone).
void rekeyPasses(benchmark::State& state, bool hmac) {
    const std::int64_t rows = state.range(0);
    SeededStore seeded(rows);
    const identity::Pseudonymizer step({"new", std::string(64, 'n')});
    const store::LinkKeyDerivation derive =
        hmac ? store::LinkKeyDerivation([&step](const std::string& v) { return step.mac(v); })
             : store::LinkKeyDerivation([](const std::string& v) { return v; });
    int generation = 0;
    for (auto _ : state) {
        const std::string from = "g" + std::to_string(generation);
        const std::string to = "g" + std::to_string(generation + 1);
        const auto result = store::rekeyLinkKeys(seeded.database(), from, to, derive);
        if (result.rekeyed != rows) {
            state.SkipWithError("rekey did not rewrite every row");
            break;
        }
        ++generation;
    }
    state.counters["rows_per_second"] = benchmark::Counter(
        static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}

// Prints the console table as usual and keeps the mean seconds per pass for the summary.
class SummaryReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& run : runs) {
            if (!run.error_occurred && run.run_type == Run::RT_Iteration && run.iterations > 0) {
                seconds_[run.run_name.function_name][std::stoll(run.run_name.args)] =
                    run.real_accumulated_time / static_cast<double>(run.iterations);
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }

    void printSummary() const {
        const auto plain = seconds_.find(kPlain);
        const auto rekey = seconds_.find(kRekey);
        if (plain == seconds_.end() || rekey == seconds_.end()) {
            return;
        }
        const char* backend = options().pg.empty() ? "sqlite" : "postgresql";
        for (const auto& [rows, seconds] : rekey->second) {
            auto baseline = plain->second.find(rows);
            std::printf("rekey %s N=%lld: %.3f s per pass, %.0f rows/s", backend,
                        static_cast<long long>(rows), seconds, static_cast<double>(rows) / seconds);
            if (baseline != plain->second.end()) {
                std::printf("; ratio to the plain SELECT+UPDATE pass of this run (%.3f s): %.2f",
                            baseline->second, seconds / baseline->second);
            }
            const auto& [smallest, smallestSeconds] = *rekey->second.begin();
            if (smallest != rows) {
                std::printf("; time per row vs N=%lld: %.2f", static_cast<long long>(smallest),
                            (seconds / static_cast<double>(rows)) /
                                (smallestSeconds / static_cast<double>(smallest)));
            }
            std::printf("\n");
        }
    }

private:
    std::map<std::string, std::map<std::int64_t, double>> seconds_;
};

std::vector<std::int64_t> parseRows(const std::string& text) {
    std::vector<std::int64_t> rows;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        rows.push_back(std::stoll(text.substr(start, end - start)));
        start = end + 1;
    }
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    // Our own flags are taken out before Google Benchmark sees (and rejects) them.
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--rows=", 0) == 0) {
            options().rows = parseRows(arg.substr(7));
        } else if (arg.rfind("--pg=", 0) == 0) {
            options().pg = arg.substr(5);
        } else {
            rest.push_back(argv[i]);
        }
    }
    int restCount = static_cast<int>(rest.size());
    benchmark::Initialize(&restCount, rest.data());
    if (benchmark::ReportUnrecognizedArguments(restCount, rest.data())) {
        return 2;
    }
    for (std::int64_t rows : options().rows) {
        // The baseline runs first at each size, in the same process and on an identical store.
        benchmark::RegisterBenchmark(kPlain, [](benchmark::State& s) { rekeyPasses(s, false); })
            ->Arg(rows)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(kPasses);
        benchmark::RegisterBenchmark(kRekey, [](benchmark::State& s) { rekeyPasses(s, true); })
            ->Arg(rows)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(kPasses);
    }
    SummaryReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.printSummary();
    benchmark::Shutdown();
    return 0;
}
