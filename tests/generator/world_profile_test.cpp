// tests/generator/world_profile_test.cpp — --profile: national stays byte for byte what it was;
// malmo lands on Malmö's published shares (../reference/national-figures.md).
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/command_line.h"
#include "tests/generator/forbund_writer.h"
#include "tests/generator/world_builder.h"
#include "tests/generator/world_profile.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace finsam::generator {
namespace {

// FNV-1a, so the pinned values below are the same on every platform (std::hash is not).
std::uint64_t fingerprint(const std::string& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

// Shares in percent over `counts`.
template <std::size_t N>
std::array<double, N> percent(const std::array<int, N>& counts) {
    int total = 0;
    for (const int c : counts) {
        total += c;
    }
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        out[i] = total == 0 ? 0.0 : 100.0 * counts[i] / total;
    }
    return out;
}

template <std::size_t N>
void expectShares(const char* what, const std::array<int, N>& counts,
                  const std::array<double, N>& malmo) {
    const auto shares = percent(counts);
    std::cout << "malmo " << what << ":";
    for (std::size_t i = 0; i < N; ++i) {
        std::cout << " " << shares[i] << " (" << malmo[i] << ")";
        EXPECT_NEAR(shares[i], malmo[i], 3.0) << what << " bucket " << i;
    }
    std::cout << "\n";
}

// The support buckets of the figures: rehabiliteringspenning goes with sjukpenning, and
// utvecklingsersättning is aktivitetsstöd for the young.
std::size_t supportBucket(Ersattning e) {
    switch (e) {
        case Ersattning::kForsorjningsstod:
            return 0;
        case Ersattning::kSjukpenning:
        case Ersattning::kRehabiliteringspenning:
            return 1;
        case Ersattning::kAktivitetsersattning:
            return 2;
        case Ersattning::kEtableringsersattning:
            return 3;
        case Ersattning::kAktivitetsstod:
        case Ersattning::kUtvecklingsersattning:
            return 4;
        default:
            return 5;
    }
}

WorldOptions malmoOptions(std::uint64_t seed) {
    WorldOptions options;
    options.seed = seed;
    options.participants = 3000;
    options.profile = "malmo";
    return options;
}

// Pinned from the generator before profiles existed: the national drop must not move. A change
// here is a change of the national shapes, the demo data and every golden file made from it.
TEST(WorldProfile, NationalIsByteForByteWhatItWasAndTheDefault) {
    WorldOptions options;  // seed 1, 150 deltaganden, sthlm, 2018-2020
    options.participants = 150;
    const ForbundSheets byDefault = renderForbundSheets(buildWorld(options), options.seed);
    options.profile = "national";
    const ForbundSheets named = renderForbundSheets(buildWorld(options), options.seed);
    EXPECT_EQ(byDefault.deltaganden, named.deltaganden);
    EXPECT_EQ(fingerprint(named.insatser), 0xa8cfb5732ff24ab6ULL);
    EXPECT_EQ(fingerprint(named.deltaganden), 0xfd0603ea05b2d01cULL);
    EXPECT_EQ(fingerprint(named.samtycken), 0x2656dc601c6c1650ULL);
}

TEST(WorldProfile, MalmoDiffersAndUnknownProfilesAreRefused) {
    WorldOptions options;
    options.participants = 150;
    const ForbundSheets national = renderForbundSheets(buildWorld(options), options.seed);
    options.profile = "malmo";
    EXPECT_NE(renderForbundSheets(buildWorld(options), options.seed).deltaganden,
              national.deltaganden);
    options.profile = "gotland";
    EXPECT_THROW(buildWorld(options), std::invalid_argument);
    EXPECT_THROW(worldProfile("Malmo"), std::invalid_argument);
}

TEST(WorldProfile, CommandLineTakesProfileAndNamesTheOptionWhenWrong) {
    std::vector<std::string> args = {"finsam-gen", "forbund", "--out", "/tmp/x", "--profile",
                                     "malmo"};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    EXPECT_EQ(parseCommandLine(static_cast<int>(argv.size()), argv.data()).options.world.profile,
              "malmo");
    EXPECT_EQ(parseCommandLine(4, argv.data()).options.world.profile, "national");
    args[5] = "sverige";
    argv[5] = args[5].data();
    try {
        parseCommandLine(static_cast<int>(argv.size()), argv.data());
        ADD_FAILURE() << "an unknown profile was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("--profile"), std::string::npos) << e.what();
    }
}

// Each share within 3 points of Malmö 2012-2016 (arbete/studier: 2015), counted as a hub would.
TEST(WorldProfile, MalmoLandsOnMalmosShares) {
    const World world = buildWorld(malmoOptions(2026));
    std::array<int, 4> age{};
    std::array<int, 6> support{};
    std::array<int, 2> tid{};  // up to 1 year, over 9 years; of all with a known time
    int tidKnown = 0;
    std::array<int, 3> duration{};
    std::array<int, 2> toWork{};  // to arbete or studier, the rest
    for (const Deltagande& d : world.deltaganden) {
        // Start year - birth year: all the register's Födelseår gives.
        const int years = yearOf(d.start) - yearOf(world.people[d.person].birthDate);
        ++age[years <= 29 ? 0 : years <= 44 ? 1 : years <= 59 ? 2 : 3];
        ++support[supportBucket(d.forsorjningFore.front())];
        if (d.tidOffentlig != TidOffentlig::kIngen && d.tidOffentlig != TidOffentlig::kOkand) {
            ++tidKnown;
            tid[0] += d.tidOffentlig == TidOffentlig::kUpTo1 ? 1 : 0;
            tid[1] += d.tidOffentlig == TidOffentlig::kOver9 ? 1 : 0;
        }
        if (!d.end || d.avslut == Avslut::kFelregistrering) {
            continue;
        }
        const int months = (yearOf(*d.end) * 12 + monthOf(*d.end)) -
                           (yearOf(d.start) * 12 + monthOf(d.start)) + 1;
        ++duration[months <= 6 ? 0 : months <= 12 ? 1 : 2];
        const auto after = d.sysselsattningEfter;
        const bool work = after == Sysselsattning::kArbete ||
                          after == Sysselsattning::kSubventioneratArbete ||
                          after == Sysselsattning::kStudier;
        ++toWork[work ? 0 : 1];
    }
    std::array<int, 5> utbildning{};
    for (const Person& p : world.people) {
        ++utbildning[static_cast<std::size_t>(p.utbildning)];
    }
    expectShares("age 16-29/30-44/45-59/60-", age, {21, 38, 39, 3});
    expectShares("utbildning", utbildning, {35, 35, 15, 4, 11});
    expectShares("main support", support, {57, 21, 5, 8, 6, 3});
    expectShares("time in insats", duration, {82, 11, 7});
    expectShares("to arbete/studier", toWork, {7, 93});
    ASSERT_GT(tidKnown, 0);
    const std::array<double, 2> tidShares = {100.0 * tid[0] / tidKnown, 100.0 * tid[1] / tidKnown};
    std::cout << "malmo tid offentlig <=1y " << tidShares[0] << " (20), >9y " << tidShares[1]
              << " (23)\n";
    EXPECT_NEAR(tidShares[0], 20.0, 3.0);
    EXPECT_NEAR(tidShares[1], 23.0, 3.0);
}

}  // namespace
}  // namespace finsam::generator
