// tests/core/indicators/published_tables_attack_test.cpp — an attacker who has only the published rows and the
// documented meaning of each (docs/indicators.md) tries to recover the suppressed counts, and must fail.
// The relations are rebuilt here from the rows, not taken from the engine, and solved by an independent attacker.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "core/indicators/benefit_rules.h"
#include "core/indicators/indicator_engine.h"
#include "tests/support/disclosure_attack.h"

namespace finsam::testing {
namespace {

using namespace finsam::indicators;

template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

/// A small förbund: a few insatser of uneven size, so tables are full of small cells.
std::vector<ParticipationFacts> world(unsigned seed, int participations) {
    std::mt19937 rng(seed);
    const std::vector<std::string> insatser = {"A", "B", "C", "D", "E"};
    std::vector<ParticipationFacts> facts;
    for (int i = 0; i < participations; ++i) {
        ParticipationFacts f;
        f.deltagandeKey = "d" + std::to_string(100000 + i);
        f.forbund = "forbund-x";
        f.insats = insatser[std::min<std::size_t>(insatser.size() - 1, std::geometric_distribution<std::size_t>(0.45)(rng))];
        f.huvudman = pick(rng, std::vector<std::string>{"af", "kommun", "forbund"});
        f.kommun = pick(rng, std::vector<std::string>{"kommun-1280", "okand"});
        f.anonymous = rng() % 4 == 0;
        f.human = f.anonymous ? "" : "h" + std::to_string(rng() % (participations * 9 / 10 + 1));
        const auto start = std::chrono::sys_days{std::chrono::year{2019} / 1 / 1} + std::chrono::days{rng() % 700};
        f.start = std::chrono::year_month_day{start};
        if (rng() % 3 != 0) f.end = std::chrono::year_month_day{start + std::chrono::days{20 + rng() % 500}};
        f.kon = pick(rng, std::vector<std::string>{"kvinna", "man", "kvinna", "man", "annat"});
        f.aldersgrupp = pick(rng, std::vector<std::string>{"16-29", "16-29", "30-44", "45-59", "60-"});
        if (!f.anonymous) {
            f.utbildningsniva = pick(rng, std::vector<std::string>{"grundskola", "gymnasium", "hogskola", "saknas_okand"});
            f.forsorjningFore.values = {pick(rng, std::vector<std::string>{"forsorjningsstod", "sjukpenning",
                                                                           "aktivitetsstod", "lon", "ingen"})};
            f.tidOffentligForsorjning.values = {pick(rng, std::vector<std::string>{"0-1", "1-3", "3-5", "9-", "ingen"})};
            if (f.end) {
                f.avslutsanledning = pick(rng, std::vector<std::string>{"arbete", "studier", "avbrott", "annan"});
                f.sysselsattningEfter = pick(rng, std::vector<std::string>{"arbete", "studier", "arbetssokande", "okand"});
                f.forsorjningEfter.values = {pick(rng, std::vector<std::string>{"forsorjningsstod", "lon", "ingen"})};
                for (Outcome* o : {&f.utfall6, &f.utfall12}) {
                    o->matbarhet = pick(rng, std::vector<std::string>{"matbar", "matbar", "ej_lankad"});
                    if (o->matbarhet == "matbar") o->types = {pick(rng, std::vector<std::string>{"sjukpenning", "lon"})};
                }
            }
        } else if (f.end) {
            f.utfall6.matbarhet = f.utfall12.matbarhet = "anonym";
        }
        if (f.end) f.tidIInsats = tidIInsats(f.start, *f.end);
        facts.push_back(std::move(f));
    }
    return facts;
}

/// The release as the attacker sees it: cells named by what they count, and the relations the documentation
/// implies.
class Attacker {
public:
    explicit Attacker(const std::vector<IndicatorRow>& rows) {
        std::set<std::string> periods;
        for (const auto& r : rows) periods.insert(r.period);
        for (const auto& r : rows) {
            const std::string at = r.indicator + "|" + r.insats + "|" + r.period + "|";
            const bool share = r.denominator.has_value() || (r.suppressed && isShareOrDistribution(r.indicator));
            if (r.dimension == "jamforelse") continue;  // observed and population repeat the total row's counts
            const std::string n = "N|" + at + r.dimension + "|" + r.category;
            // A distribution has one denominator per dimension; a share one per category.
            const std::string d = "D|" + at + r.dimension + (isDistribution(r.indicator) ? "" : "|" + r.category);
            cell(n, r.suppressed ? std::nullopt : r.numerator);
            if (share) {
                cell(d, r.suppressed ? std::nullopt : r.denominator);
                sum(d, {n, "C|" + n});  // the complement is derivable
                cells_.emplace("C|" + n, cells_.size());
            }
            if (r.dimension != "total" && !isDistribution(r.indicator) && !listField(r.dimension)) {
                // Each dimension's categories add up to the total on their own.
                groups_[{"N|" + at + "total|total", r.dimension}].insert(n);
                if (share) groups_[{"D|" + at + "total|total", r.dimension}].insert(d);
            }
            if (isDistribution(r.indicator) && !listField(r.dimension)) groups_[{d, "categories"}].insert(n);
            if (!r.insats.empty() && deltagandeUnit(r.indicator)) {
                // Participations of the insatser add up to the förbund's.
                const std::string whole = r.indicator + "||" + r.period + "|";
                groups_[{"N|" + whole + r.dimension + "|" + r.category, "insatser"}].insert(n);
                if (share) groups_[{d.substr(0, 2) + whole + d.substr(2 + at.size()), "insatser"}].insert(d);
            }
        }
        // The same count published by two indicators.
        for (const std::string& period : periods) {
            same("N|avslutade||" + period + "|total|total", "D|tid_i_insats||" + period + "|tid_i_insats");
            same("N|deltagare||" + period + "|total|total", "D|tid_i_offentlig_forsorjning||" + period +
                                                              "|tid_i_offentlig_forsorjning");
            same("D|andel_arbete_studier||" + period + "|total|total",
                 "D|forsorjning_efter||" + period + "|forandring_offentlig_forsorjning");
        }
        for (const auto& [group, parts] : groups_) sum(group.first, {parts.begin(), parts.end()});
    }

    AttackResult run() const {
        std::vector<std::optional<std::int64_t>> known(cells_.size());
        for (const auto& [name, id] : cells_) {
            auto value = values_.find(name);
            if (value != values_.end()) known[id] = value->second;
        }
        std::vector<std::pair<std::size_t, std::vector<std::size_t>>> sums;
        for (const auto& [total, parts] : sums_) {
            if (!cells_.count(total)) continue;
            std::vector<std::size_t> ids;
            bool complete = true;
            for (const auto& part : parts) {
                if (!cells_.count(part)) complete = false;
                else ids.push_back(cells_.at(part));
            }
            if (complete) sums.emplace_back(cells_.at(total), ids);
        }
        return attack(known, sums);
    }

    /// Relations whose cells are all published and that do not add up: a wrong reading of the documentation.
    std::vector<std::string> brokenRelations() const {
        std::vector<std::string> broken;
        for (const auto& [total, parts] : sums_) {
            auto value = [&](const std::string& name) { return values_.find(name); };
            if (value(total) == values_.end()) continue;
            std::int64_t sum = 0;
            bool complete = true;
            for (const auto& part : parts) {
                if (value(part) == values_.end()) complete = false;
                else sum += value(part)->second;
            }
            if (complete && sum != value(total)->second) {
                broken.push_back(total + " = " + std::to_string(value(total)->second) + " but parts add to " +
                                 std::to_string(sum));
            }
        }
        return broken;
    }

    bool published(const std::string& name) const { return values_.count(name) > 0; }

    std::optional<std::size_t> id(const std::string& name) const {
        auto found = cells_.find(name);
        return found == cells_.end() ? std::nullopt : std::optional<std::size_t>(found->second);
    }

private:
    static bool isDistribution(const std::string& indicator) {
        return indicator == "tid_i_insats" || indicator == "forsorjning_fore" ||
               indicator == "tid_i_offentlig_forsorjning" || indicator == "forsorjning_efter" ||
               indicator.rfind("utfall_", 0) == 0;
    }
    static bool isShareOrDistribution(const std::string& indicator) {
        return indicator == "andel_arbete_studier" || isDistribution(indicator);
    }
    static bool deltagandeUnit(const std::string& indicator) {
        return indicator != "deltagare" && indicator != "forsorjning_fore" && indicator != "tid_i_offentlig_forsorjning";
    }
    static bool listField(const std::string& dimension) {
        return dimension == "forsorjning_fore" || dimension == "forsorjning_efter" ||
               dimension.rfind("utfall_", 0) == 0;
    }
    void cell(const std::string& name, std::optional<std::int64_t> value) {
        cells_.emplace(name, cells_.size());
        if (value) values_[name] = *value;
    }
    void sum(const std::string& total, std::vector<std::string> parts) { sums_.emplace_back(total, std::move(parts)); }
    void same(const std::string& a, const std::string& b) { sum(a, {b}); }

    std::map<std::string, std::size_t> cells_;
    std::map<std::string, std::int64_t> values_;
    std::map<std::pair<std::string, std::string>, std::set<std::string>> groups_;  // (total, dimension) -> parts
    std::vector<std::pair<std::string, std::vector<std::string>>> sums_;
};

std::vector<IndicatorRow> publish(const std::vector<ParticipationFacts>& facts, std::int64_t threshold) {
    IndicatorRequest request;
    request.periods = reportingPeriods(std::chrono::year{2019} / 1 / 1, std::chrono::year{2020} / 12 / 31, "year");
    request.forbund = "forbund-x";
    request.disclosure.threshold = threshold;
    return computeIndicators(facts, loadIndicatorDefinitions(), request);
}

TEST(PublishedTablesAttack, TheRelationsTheAttackerReadsFromTheDocumentationHoldInAnUnsuppressedRelease) {
    for (unsigned seed = 1; seed <= 4; ++seed) {
        const auto broken = Attacker(publish(world(seed, 200), 1)).brokenRelations();
        for (const auto& b : broken) ADD_FAILURE() << b;
    }
}

// What docs/indicators.md §7 promises: a suppressed count above zero is never recovered exactly, and one below the
// threshold keeps an interval at least as wide as the threshold; so does a small denominator or complement of a
// suppressed share. A suppressed zero may be recovered: zeros reveal no one and are published.
TEST(PublishedTablesAttack, NoSuppressedCountCanBeRecoveredFromTheRelease) {
    constexpr std::int64_t threshold = 5;
    int suppressedSeen = 0, small = 0;
    for (unsigned seed = 1; seed <= 12; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto facts = world(seed, 40 + static_cast<int>(seed) * 15);
        const auto truth = publish(facts, 1);  // nothing but zero is small: the true counts
        const auto released = publish(facts, threshold);
        ASSERT_EQ(truth.size(), released.size());
        const Attacker rebuilt(released);
        const auto result = rebuilt.run();
        // sensitiveOnly: a denominator or complement that is not small may be known (it is often published in
        // another indicator); only a small one must stay hidden.
        auto expectProtected = [&](const std::string& name, std::int64_t value, bool sensitiveOnly) {
            const auto id = rebuilt.id(name);
            ASSERT_TRUE(id.has_value()) << name;
            const auto lo = result.lo[*id], hi = result.hi[*id];
            EXPECT_LE(lo, value) << name;
            EXPECT_GE(hi, value) << name;
            if (value == 0 || (sensitiveOnly && value >= threshold)) return;
            EXPECT_LT(lo, hi) << name << " recovered exactly: " << value;
            if (value < threshold) {
                ++small;
                EXPECT_GE(hi - lo, threshold) << name << " narrowed to [" << lo << ", " << hi << "], true " << value;
            }
        };
        for (std::size_t i = 0; i < released.size(); ++i) {
            const auto& r = released[i];
            if (!r.suppressed || r.dimension == "jamforelse") continue;
            ++suppressedSeen;
            const auto n = "N|" + r.indicator + "|" + r.insats + "|" + r.period + "|" + r.dimension + "|" + r.category;
            expectProtected(n, *truth[i].numerator, false);
            if (!truth[i].denominator) continue;
            expectProtected("C|" + n, *truth[i].denominator - *truth[i].numerator, true);
            const auto d = "D|" + r.indicator + "|" + r.insats + "|" + r.period + "|" + r.dimension;
            const auto denominator = rebuilt.id(d) ? d : d + "|" + r.category;
            if (!rebuilt.published(denominator)) expectProtected(denominator, *truth[i].denominator, true);
        }
    }
    EXPECT_GT(suppressedSeen, 100);  // the worlds are small enough that suppression really happens
    EXPECT_GT(small, 50);
}

TEST(PublishedTablesAttack, TheAttackerRecoversCellsWhenOnlyPrimarySuppressionIsApplied) {
    // Proof that the attacker is real: hide only the small cells of a release published without suppression.
    const auto facts = world(7, 120);
    auto rows = publish(facts, 1);
    int hidden = 0;
    for (auto& r : rows) {
        if (r.indicator == "avslutade" && r.numerator && *r.numerator > 0 && *r.numerator < 5 && hidden == 0 &&
            r.dimension == "kon") {
            r.suppressed = true;
            ++hidden;
        }
    }
    ASSERT_EQ(hidden, 1);
    const Attacker rebuilt(rows);
    const auto result = rebuilt.run();
    for (const auto& r : rows) {
        if (!r.suppressed) continue;
        const auto id = rebuilt.id("N|" + r.indicator + "|" + r.insats + "|" + r.period + "|" + r.dimension + "|" +
                                   r.category);
        ASSERT_TRUE(id.has_value());
        EXPECT_EQ(result.lo[*id], result.hi[*id]) << "a lone suppressed cell in a table with its total is recovered";
        EXPECT_EQ(result.lo[*id], *r.numerator);
    }
}

}  // namespace
}  // namespace finsam::testing
