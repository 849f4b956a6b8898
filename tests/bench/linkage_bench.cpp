// tests/bench/linkage_bench.cpp — probabilistic linkage: quality on FEBRL 4 and on generated people with injected
// errors (precision, recall, F1, blocking), and Dice comparisons per second against the portable popcount.
//   build/tests/bench/bench_linkage [--people N] [--seed S] [--upper P] [--lower P]
// SPDX-License-Identifier: Apache-2.0
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/link/encoding_similarity.h"
#include "tests/bench/bench_report.h"
#include "tests/bench/linkage_evaluation.h"

namespace {

using namespace finsam;

void print(const char* title, const bench::Quality& q) {
    std::printf("\n%s\n", title);
    std::printf("  records %zu, true pairs %zu\n", q.records, q.truePairs);
    std::printf("  blocking: %zu candidate pairs (%.2f per record), recall %.4f (%.4f lost to blocking)\n",
                q.candidatePairs, q.pairsPerRecord, q.blockingRecall, 1 - q.blockingRecall);
    std::printf("  model: prior %.6f (u from 200 000 random pairs, m by EM per blocking pass)\n", q.model.prior());
    std::printf("  linked %zu (%zu true), review %zu (%zu true)\n", q.linked, q.linkedTrue, q.review, q.reviewTrue);
    std::printf("  precision %.4f  recall %.4f  F1 %.4f\n", q.precision, q.recall, q.f1);
    for (const auto& [error, counts] : q.recallByError) {
        std::printf("  recall, %-14s %5zu / %5zu = %.4f\n", error.empty() ? "no error" : error.c_str(),
                    counts.first, counts.second, counts.second == 0 ? 0.0 : double(counts.first) / counts.second);
    }
    std::printf("  estimation and scoring: %.3f s for %zu pairs (%.2f M pairs/s: model estimation, field Dice, weights)\n",
                q.compareSeconds, q.candidatePairs, q.candidatePairs / q.compareSeconds / 1e6);
}

double comparisonsPerSecond(const std::vector<link::EncodedRecord>& records, bool hardware, std::size_t& total) {
    std::vector<identity::IdentityEncoding> encodings;
    for (const auto& record : records) {
        encodings.push_back(record.encoding);
    }
    std::vector<double> out(encodings.size());
    double checksum = 0;
    total = 0;
    const auto started = std::chrono::steady_clock::now();
    double seconds = 0;
    for (std::size_t q = 0; seconds < 2.0; ++q) {
        const auto& query = encodings[q % encodings.size()];
        hardware ? link::diceMany(query, encodings.data(), encodings.size(), out.data())
                 : link::diceManyPortable(query, encodings.data(), encodings.size(), out.data());
        checksum += out[q % out.size()];
        total += encodings.size();
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
    if (checksum < 0) {
        std::puts("");  // keeps the loop from being optimised away
    }
    return double(total) / seconds;
}

}  // namespace

int main(int argc, char** argv) {
    int people = 20000;
    std::uint64_t seed = 7;
    link::MatchThresholds thresholds;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--people")) people = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed")) seed = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--upper")) thresholds.upper = std::stod(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--lower")) thresholds.lower = std::stod(argv[i + 1]);
    }
    auto pseudonymizer = bench::evaluationPseudonymizer();
    identity::IdentityEncoder encoder(pseudonymizer);
    std::printf("thresholds: link at P >= %.3f, review at P >= %.3f; popcount instruction: %s\n", thresholds.upper,
                thresholds.lower, link::hardwarePopcount() ? "yes" : "no");

    auto febrl = bench::loadFebrl4(std::string(FINSAM_TEST_DATA_DIR) + "/febrl", encoder);
    auto febrlQuality = bench::evaluate(febrl, thresholds);
    print("FEBRL 4 (5 000 + 5 000 records, 5 000 true pairs)", febrlQuality);
    bench::reportResult({"linkage", "FEBRL 4 F1 (encoded fields)", febrlQuality.f1, "F1", "published clear-text FS",
                         0.96, febrlQuality.f1 / 0.96, 0.99 / 0.96});

    auto generated = bench::generatedPeople(people, seed, encoder);
    auto generatedQuality = bench::evaluate(generated, thresholds);
    print("generated people (finsam-gen persons, errors injected at the second source)", generatedQuality);
    const auto& typo = generatedQuality.recallByError["typo"];
    const double typoRecall = typo.second == 0 ? 0 : double(typo.first) / typo.second;
    bench::reportResult({"linkage", "generated: recall of one mistyped digit", typoRecall, "recall", "", 0, 0, 0});
    bench::reportResult({"linkage", "generated: precision", generatedQuality.precision, "precision", "", 0, 0, 0});

    std::size_t total = 0;
    const double hardware = comparisonsPerSecond(febrl.records, true, total);
    const double portable = comparisonsPerSecond(febrl.records, false, total);
    std::printf("\nDice on 1 024-bit encodings, one core: %.1f M comparisons/s with popcount, %.1f M/s portable "
                "(ratio %.2f; target 50 M/s)\n",
                hardware / 1e6, portable / 1e6, hardware / portable);
    bench::reportResult({"linkage", "Dice comparisons per second, one core", hardware, "comparisons/s",
                         "portable popcount", portable, hardware / portable, 0});
    return 0;
}
