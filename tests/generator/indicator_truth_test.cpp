// tests/generator/indicator_truth_test.cpp — truth/indicators.json as finsam-gen writes it agrees
// with two recounts done here: one over the World, one over the register's bytes as a hub reads
// them.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/drop_files.h"
#include "tests/generator/checks/forbund_sheet.h"
#include "tests/generator/checks/generated_drop.h"
#include "tests/generator/indicator_truth.h"
#include "tests/generator/world_builder.h"

#include <gtest/gtest.h>

#include <array>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace finsam::generator {
namespace {

// One year's numbers in the JSON's own terms, so the three sources compare field by field.
struct Counts {
    std::int64_t deltagare = 0;
    std::int64_t anonyma = 0;
    std::int64_t nya = 0;
    std::int64_t avslutade = 0;
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    std::array<std::int64_t, 3> tid{};
    std::array<std::int64_t, 4> alder{};
    bool operator==(const Counts&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Counts& c) {
    out << "{deltagare " << c.deltagare << ", anonyma " << c.anonyma << ", nya " << c.nya
        << ", avslutade " << c.avslutade << ", andel " << c.numerator << "/" << c.denominator
        << ", tid " << c.tid[0] << "/" << c.tid[1] << "/" << c.tid[2] << ", ålder " << c.alder[0]
        << "/" << c.alder[1] << "/" << c.alder[2] << "/" << c.alder[3] << "}";
    return out;
}

std::map<int, Counts> fromJson(const rapidjson::Document& doc) {
    std::map<int, Counts> out;
    for (const auto& year : doc["years"].GetObject()) {
        const auto& y = year.value;
        Counts c;
        c.deltagare = y["deltagare"].GetInt64();
        c.anonyma = y["deltagare_anonyma"].GetInt64();
        c.nya = y["nya_deltagare"].GetInt64();
        c.avslutade = y["avslutade"].GetInt64();
        c.numerator = y["andel_arbete_studier"]["numerator"].GetInt64();
        c.denominator = y["andel_arbete_studier"]["denominator"].GetInt64();
        const char* const tid[] = {"1-6", "7-12", "13-"};
        for (std::size_t i = 0; i < 3; ++i) {
            c.tid[i] = y["tid_i_insats"][tid[i]].GetInt64();
        }
        const char* const alder[] = {"16-29", "30-44", "45-59", "60-"};
        for (std::size_t i = 0; i < 4; ++i) {
            c.alder[i] = y["aldersgrupp_vid_start"][alder[i]].GetInt64();
        }
        out[std::stoi(year.name.GetString())] = c;
    }
    return out;
}

std::size_t tidBucket(int startYear, int startMonth, int endYear, int endMonth) {
    const int months = (endYear - startYear) * 12 + (endMonth - startMonth) + 1;
    return months <= 6 ? 0 : months <= 12 ? 1 : 2;
}

std::size_t alderBucket(int age) {
    return age < 30 ? 0 : age < 45 ? 1 : age < 60 ? 2 : 3;
}

// Recount over the World, year by year, straight from the definitions in the README.
std::map<int, Counts> recountWorld(const World& world, const WorldOptions& options) {
    std::map<int, Counts> out;
    for (int year = options.yearFrom; year <= options.yearTo; ++year) {
        Counts c;
        std::set<std::size_t> people;
        for (const Deltagande& d : world.deltaganden) {
            const Insats& insats = world.insatser[d.insats];
            if (insats.inriktning != Inriktning::kIndividinriktad ||
                insats.uppfoljning != Uppfoljning::kIndivid ||
                (d.avslut && *d.avslut == Avslut::kFelregistrering)) {
                continue;
            }
            const bool identified =
                !d.anonymous && d.reportsNumber && !world.people[d.person].skyddad;
            const bool active = yearOf(d.start) <= year && (!d.end || yearOf(*d.end) >= year);
            if (active && identified) {
                people.insert(d.person);
            }
            c.anonyma += active && !identified ? 1 : 0;
            if (yearOf(d.start) == year) {
                ++c.nya;
                ++c.alder[alderBucket(year - yearOf(world.people[d.person].birthDate))];
            }
            if (d.end && yearOf(*d.end) == year) {
                ++c.avslutade;
                ++c.tid[tidBucket(yearOf(d.start), monthOf(d.start), yearOf(*d.end),
                                  monthOf(*d.end))];
                if (identified) {
                    ++c.denominator;
                    const auto s = d.sysselsattningEfter;
                    c.numerator += s == Sysselsattning::kArbete ||
                                           s == Sysselsattning::kSubventioneratArbete ||
                                           s == Sysselsattning::kStudier
                                       ? 1
                                       : 0;
                }
            }
        }
        c.deltagare = static_cast<std::int64_t>(people.size());
        out[year] = c;
    }
    return out;
}

// Recount over the register's bytes, as a hub that reads only forbund/ would: identified is a
// number with Anonym = Nej, people are told apart by their number.
std::map<int, Counts> recountRegister(const std::string& insatserCsv,
                                      const std::string& deltagandenCsv, int yearFrom,
                                      int yearTo) {
    const auto insatser = checks::readForbundSheet(insatserCsv);
    std::set<std::string> individual;
    for (const auto& row : insatser.rows) {
        if (insatser.at(row, "Inriktning") == "Individinriktad" &&
            insatser.at(row, "Uppföljningsmetod") == "Individ") {
            individual.insert(insatser.at(row, "Insats-ID"));
        }
    }
    const auto sheet = checks::readForbundSheet(deltagandenCsv);
    const auto year = [](const std::string& date) { return std::stoi(date.substr(0, 4)); };
    const auto month = [](const std::string& date) { return std::stoi(date.substr(5, 2)); };
    std::map<int, Counts> out;
    for (int y = yearFrom; y <= yearTo; ++y) {
        Counts c;
        std::set<std::string> numbers;
        for (const auto& row : sheet.rows) {
            if (individual.count(sheet.at(row, "Insats-ID")) == 0 ||
                sheet.at(row, "Avslutsanledning") == "Felregistrering") {
                continue;
            }
            const std::string number = sheet.at(row, "Personnummer");
            const bool identified = !number.empty() && sheet.at(row, "Anonym") == "Nej";
            const std::string start = sheet.at(row, "Startdatum");
            const std::string end = sheet.at(row, "Slutdatum");
            const bool active = year(start) <= y && (end.empty() || year(end) >= y);
            if (active && identified) {
                numbers.insert(number);
            }
            c.anonyma += active && !identified ? 1 : 0;
            if (year(start) == y) {
                ++c.nya;
                ++c.alder[alderBucket(y - std::stoi(sheet.at(row, "Födelseår")))];
            }
            if (!end.empty() && year(end) == y) {
                ++c.avslutade;
                ++c.tid[tidBucket(year(start), month(start), year(end), month(end))];
                if (identified) {
                    ++c.denominator;
                    const std::string after = sheet.at(row, "Sysselsättning efter");
                    c.numerator +=
                        after == "Arbete" || after == "Subventionerat arbete" || after == "Studier"
                            ? 1
                            : 0;
                }
            }
        }
        c.deltagare = static_cast<std::int64_t>(numbers.size());
        out[y] = c;
    }
    return out;
}

class MalmoIndicators : public testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new checks::TempDir();
        const auto run = checks::runChild({FINSAM_GEN_BINARY, "forbund", "--out",
                                           dir_->path().string(), "--participants", "2000",
                                           "--seed", "11", "--profile", "malmo", "--year-from",
                                           "2018", "--year-to", "2020"});
        ASSERT_EQ(run.exitStatus, 0);
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static WorldOptions options() {
        WorldOptions o;
        o.seed = 11;
        o.participants = 2000;
        o.profile = "malmo";
        return o;
    }
    static checks::TempDir* dir_;
};

checks::TempDir* MalmoIndicators::dir_ = nullptr;

TEST_F(MalmoIndicators, HasTheDocumentedShape) {
    const auto doc = checks::readJson(dir_->path() / "truth" / "indicators.json");
    ASSERT_TRUE(doc.IsObject());
    EXPECT_EQ(doc.MemberCount(), 3U);
    EXPECT_STREQ(doc["forbund"].GetString(), "forbund-sthlm");
    EXPECT_STREQ(doc["profile"].GetString(), "malmo");
    std::vector<std::string> years;
    for (const auto& year : doc["years"].GetObject()) {
        years.push_back(year.name.GetString());
        const auto& y = year.value;
        EXPECT_EQ(y.MemberCount(), 7U);
        for (const char* key : {"deltagare", "deltagare_anonyma", "nya_deltagare", "avslutade"}) {
            EXPECT_TRUE(y.HasMember(key) && y[key].IsInt64()) << key;
        }
        EXPECT_EQ(y["andel_arbete_studier"].MemberCount(), 2U);
        EXPECT_EQ(y["tid_i_insats"].MemberCount(), 3U);
        EXPECT_EQ(y["aldersgrupp_vid_start"].MemberCount(), 4U);
    }
    EXPECT_EQ(years, (std::vector<std::string>{"2018", "2019", "2020"}));
}

TEST_F(MalmoIndicators, AgreeWithARecountOverTheWorldAndOverTheRegister) {
    const auto truth = fromJson(checks::readJson(dir_->path() / "truth" / "indicators.json"));
    const World world = buildWorld(options());
    EXPECT_EQ(truth, recountWorld(world, options()));
    const auto forbund = dir_->path() / "forbund";
    EXPECT_EQ(truth, recountRegister(checks::readBytes(forbund / "insatser.csv"),
                                     checks::readBytes(forbund / "deltaganden.csv"), 2018, 2020));
    const auto sum = [](const auto& buckets) {
        std::int64_t total = 0;
        for (const auto v : buckets) {
            total += v;
        }
        return total;
    };
    for (const auto& [year, c] : truth) {
        SCOPED_TRACE(year);
        std::cout << "malmo " << year << " " << c << "\n";
        EXPECT_EQ(sum(c.tid), c.avslutade);
        EXPECT_EQ(sum(c.alder), c.nya);
        EXPECT_LE(c.denominator, c.avslutade);
        EXPECT_LE(c.numerator, c.denominator);
        // Non-trivial: every year has people of every kind and outcome.
        EXPECT_GT(c.deltagare, 0);
        EXPECT_GT(c.anonyma, 0);
        EXPECT_GT(c.nya, 0);
        EXPECT_GT(c.avslutade, 0);
        EXPECT_GT(c.numerator, 0);
        EXPECT_GT(c.tid[1], 0);
        // Malmö's few to work or studies, far below the national third.
        EXPECT_LT(c.numerator * 100, c.denominator * 15);
    }
}

TEST(Indicators, NationalDropCarriesThemAndKeepsItsThirdToWorkOrStudies) {
    const auto options = checks::optionsFor(2026, 400);
    const auto drop = checks::generate(options);
    const auto truth = fromJson(drop->indicators);
    EXPECT_STREQ(drop->indicators["profile"].GetString(), "national");
    EXPECT_EQ(truth, recountWorld(buildWorld(options.world), options.world));
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    for (const auto& [year, c] : truth) {
        numerator += c.numerator;
        denominator += c.denominator;
    }
    ASSERT_GT(denominator, 0);
    EXPECT_GT(numerator * 100, denominator * 20);
    EXPECT_LT(numerator * 100, denominator * 40);
    // Same world, same bytes.
    EXPECT_EQ(indicatorTruthJson(buildWorld(options.world), options.world),
              indicatorTruthJson(buildWorld(options.world), options.world));
}

}  // namespace
}  // namespace finsam::generator
