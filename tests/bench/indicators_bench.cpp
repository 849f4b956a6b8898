// tests/bench/indicators_bench.cpp — seconds and peak memory of an indicator report (loadFacts + computeIndicators)
// on a seeded store, against the unavoidable read measured in the same run: a plain soci SELECT of every
// deltagande row and every ersattningsperiod row of that store. Prints ratios; asserts nothing (machines are shared
// and noisy).
// SPDX-License-Identifier: Apache-2.0
//
// Run by hand (not a ctest test):
//   build/bin/bench_indicators                                  # SQLite; PostgreSQL too when FINSAM_TEST_PG is set
//   source scripts/pg-test-cluster.sh start && build/bin/bench_indicators && pg_test_cluster_stop
//   FINSAM_BENCH_SCENARIOS=forbund FINSAM_BENCH_FORBUND_PARTICIPANTS=5000 build/bin/bench_indicators
// Scenarios:
//   forbund   one förbund-year: FINSAM_BENCH_FORBUND_PARTICIPANTS (2000) deltaganden in one förbund with
//             FINSAM_BENCH_FORBUND_INSATSER (10) insatser; the report is loadFacts for that förbund + one year.
//             Goal: under 1 s.
//   national  FINSAM_BENCH_NATIONAL_PER_YEAR (30000) deltaganden a year over FINSAM_BENCH_NATIONAL_YEARS (5) years,
//             FINSAM_BENCH_NATIONAL_FORBUND (75) förbund, FINSAM_BENCH_NATIONAL_INSATSER (400) insatser; the
//             report is every period of FINSAM_BENCH_PERIOD_KINDS (year; e.g. year,half,tertial) for one förbund,
//             loadFacts reading every förbund (the comparisons' reference). Goal: under 30 s, bounded memory.
// Other variables: FINSAM_BENCH_SCENARIOS (forbund,national), FINSAM_BENCH_BACKENDS (sqlite, plus postgresql when
// FINSAM_TEST_PG is set), FINSAM_BENCH_IDENTIFIED_PERCENT (70), FINSAM_BENCH_ROUNDS (3 for forbund, 1 for
// national), FINSAM_BENCH_SEED (1).
// The world: an identified participant is a förbund person linked (purpose uppfoljning, active) to an FK person and
// a kommun person, each with 1–3 benefit periods around the participation; the rest are anonymous. The store is
// filled with bulk-bound INSERTs in one transaction. Each round runs the plain read and then the report; the best
// round counts. Memory: VmHWM is reset (/proc/self/clear_refs) before each measurement where the kernel allows it,
// and the growth of the peak over the RSS at the start of the measurement is printed.
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/indicators/facts_loader.h"
#include "core/indicators/indicator_definition.h"
#include "core/indicators/indicator_engine.h"
#include "core/indicators/reporting_period.h"
#include "core/store/database.h"
#include "core/store/row_text.h"
#include "tests/bench/bench_report.h"
#include "tests/support/test_store.h"

namespace {

using namespace finsam;
using Clock = std::chrono::steady_clock;
using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Participants per INSERT batch while seeding (each brings up to 3 persons, 2 links and 6 periods).
constexpr int kSeedChunk = 5000;
constexpr int kStartYear = 2019;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string envString(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value == nullptr || *value == '\0' ? fallback : std::string(value);
}

long long envInt(const char* name, long long fallback) {
    const std::string value = envString(name, "");
    return value.empty() ? fallback : std::stoll(value);
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, ',');) {
        if (!part.empty()) parts.push_back(part);
    }
    return parts;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// --- memory -------------------------------------------------------------------------------------------------------

long long statusKb(const char* field) {
    std::ifstream status("/proc/self/status");
    const std::string prefix = std::string(field) + ":";
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(prefix, 0) == 0) return std::stoll(line.substr(prefix.size()));
    }
    return -1;
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0); false where the kernel refuses, and the peak is then the process's.
bool resetPeak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return static_cast<bool>(clear);
}

struct Measured {
    double seconds = 0;
    double peakGrowthMb = 0;  ///< VmHWM after − VmRSS before (or VmHWM before, where the peak cannot be reset)
};

Measured measure(const std::function<void()>& work) {
    const bool reset = resetPeak();
    const long long before = reset ? statusKb("VmRSS") : statusKb("VmHWM");
    const auto started = Clock::now();
    work();
    Measured result;
    result.seconds = secondsSince(started);
    result.peakGrowthMb = static_cast<double>(std::max(0LL, statusKb("VmHWM") - before)) / 1024.0;
    return result;
}

// --- the world ----------------------------------------------------------------------------------------------------

struct WorldSize {
    long long perYear = 0;
    int years = 1;
    int forbund = 1;
    int insatser = 10;
    int identifiedPercent = 70;
    unsigned seed = 1;
};

struct SeedCounts {
    long long deltaganden = 0, identified = 0, persons = 0, links = 0, periods = 0;
};

std::string isoDate(sys_days day) {
    const year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

/// A person key in the hub's own alphabet [a-p] (the loader inlines person keys in IN lists).
std::string token(char kind, long long n) {
    std::string key(1, kind);
    for (int shift = 44; shift >= 0; shift -= 4) key += static_cast<char>('a' + ((n >> shift) & 0xf));
    return key;
}

std::string forbundName(int index) {
    char text[32];
    std::snprintf(text, sizeof text, "forbund-%03d", index);
    return text;
}

std::string kommunName(int forbund, int member) {
    char text[32];
    std::snprintf(text, sizeof text, "kommun-%04d", 1000 + forbund * 4 + member);
    return text;
}

year_month_day asOfFor(const WorldSize& size) {
    return year_month_day{std::chrono::year{kStartYear + size.years}, std::chrono::month{6}, std::chrono::day{30}};
}

template <typename T>
const T& pick(std::mt19937_64& random, const std::vector<T>& values) {
    return values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(random)];
}

// Column vectors of one INSERT batch per table.
struct Batch {
    // person
    std::vector<std::string> personKey;
    // link_key
    std::vector<std::string> linkOrganisation, linkValue, linkPerson;
    // person_link
    std::vector<std::string> linkA, linkB, linkFrom;
    // deltagande
    std::vector<std::string> dKey, dOrganisation, dInsats, dPerson, dKon, dStart, dEnd, dUtbildning, dFore, dTid,
        dAvslut, dEfter, dSysselsattning;
    std::vector<soci::indicator> dPersonInd, dEndInd, dUtbildningInd, dForeInd, dTidInd, dAvslutInd, dEfterInd,
        dSysselsattningInd;
    std::vector<int> dAnonymous;
    std::vector<long long> dFodelsear, dSource;
    // ersattningsperiod
    std::vector<std::string> eKey, eOrganisation, ePerson, eTyp, eFrom, eTo;
    std::vector<soci::indicator> eToInd;
    std::vector<long long> eSource;

    void clear() { *this = Batch{}; }
};

void flush(soci::session& sql, Batch& b) {
    if (!b.personKey.empty()) {
        sql << "INSERT INTO person (person_key, kon, fodelsear, protected, content_hash, created_at, updated_at) "
               "VALUES (:p, NULL, NULL, 0, 'h', 't', 't')",
            soci::use(b.personKey);
    }
    if (!b.linkValue.empty()) {
        sql << "INSERT INTO link_key (organisation, kind, key_id, value, person_key, created_at) "
               "VALUES (:o, 'personnummer', 'k1', :v, :p, 't')",
            soci::use(b.linkOrganisation), soci::use(b.linkValue), soci::use(b.linkPerson);
    }
    if (!b.linkA.empty()) {
        sql << "INSERT INTO person_link (person_a, person_b, purpose, consent_key, valid_from, valid_to, state, "
               "created_at) VALUES (:a, :b, 'uppfoljning', 'bench/SAM-1', :f, NULL, 'active', 't')",
            soci::use(b.linkA), soci::use(b.linkB), soci::use(b.linkFrom);
    }
    if (!b.dKey.empty()) {
        sql << "INSERT INTO deltagande (entity_key, connector, organisation, insats_id, person_key, anonymous, kon, "
               "fodelsear, startdatum, slutdatum, utbildningsniva, forsorjning_fore, tid_offentlig_forsorjning, "
               "avslutsanledning, forsorjning_efter, sysselsattning_efter, state, content_hash, source_record_id, "
               "updated_at) VALUES (:k, :c, :o, :i, :p, :a, :kon, :f, :s, :e, :u, :ff, :t, :av, :fe, :se, 'active', "
               "'h', :src, 't')",
            soci::use(b.dKey), soci::use(b.dOrganisation), soci::use(b.dOrganisation), soci::use(b.dInsats),
            soci::use(b.dPerson, b.dPersonInd), soci::use(b.dAnonymous), soci::use(b.dKon), soci::use(b.dFodelsear),
            soci::use(b.dStart), soci::use(b.dEnd, b.dEndInd), soci::use(b.dUtbildning, b.dUtbildningInd),
            soci::use(b.dFore, b.dForeInd), soci::use(b.dTid, b.dTidInd), soci::use(b.dAvslut, b.dAvslutInd),
            soci::use(b.dEfter, b.dEfterInd), soci::use(b.dSysselsattning, b.dSysselsattningInd),
            soci::use(b.dSource);
    }
    if (!b.eKey.empty()) {
        sql << "INSERT INTO ersattningsperiod (entity_key, connector, organisation, person_key, ersattningstyp, "
               "omfattning, from_datum, tom_datum, arende_id, state, content_hash, source_record_id, updated_at) "
               "VALUES (:k, :c, :o, :p, :t, 100, :f, :to, NULL, 'active', 'h', :src, 't')",
            soci::use(b.eKey), soci::use(b.eOrganisation), soci::use(b.eOrganisation), soci::use(b.ePerson),
            soci::use(b.eTyp), soci::use(b.eFrom), soci::use(b.eTo, b.eToInd), soci::use(b.eSource);
    }
    b.clear();
}

SeedCounts seed(store::Database& database, const WorldSize& size) {
    static const std::vector<std::string> huvudman{"kommun", "af", "fk", "region", "forbund"};
    static const std::vector<std::string> kon{"kvinna", "man"};
    static const std::vector<std::string> utbildning{"grundskola", "gymnasium", "eftergymnasial", "okand"};
    static const std::vector<std::string> fore{"[\"forsorjningsstod\"]", "[\"aktivitetsstod\"]", "[\"sjukpenning\"]",
                                               "[\"ingen\"]", "[\"forsorjningsstod\",\"sjukpenning\"]"};
    static const std::vector<std::string> tid{"0-1", "1-2", "2-5", "5-9", "9-"};
    static const std::vector<std::string> avslut{"arbete", "studier", "avbrott", "annan", "ohalsa"};
    static const std::vector<std::string> efter{"[\"lon\"]", "[\"studiemedel\"]", "[\"forsorjningsstod\"]",
                                                "[\"sjukpenning\"]", "[\"ingen\"]"};
    static const std::vector<std::string> sysselsattning{"arbete", "subventionerat_arbete", "studier",
                                                         "arbetssokande", "ej_arbetsmarknad"};
    static const std::vector<std::string> fkTypes{"sjukpenning", "rehabiliteringspenning", "aktivitetsersattning",
                                                  "sjukersattning"};

    auto& sql = database.session();
    soci::transaction transaction(sql);
    std::mt19937_64 random(size.seed);
    SeedCounts counts;
    long long sourceId = 0;

    {  // Insatser: insats i belongs to förbund i % F.
        std::vector<std::string> key, organisation, id, head;
        for (int i = 0; i < size.insatser; ++i) {
            organisation.push_back(forbundName(i % size.forbund));
            id.push_back("I" + std::to_string(i));
            key.push_back(organisation.back() + "/" + id.back());
            head.push_back(huvudman[static_cast<std::size_t>(i) % huvudman.size()]);
        }
        sql << "INSERT INTO insats (entity_key, connector, organisation, insats_id, namn, inriktning, "
               "uppfoljningsmetod, startdatum, slutdatum, huvudman, malgrupp, state, content_hash, source_record_id, "
               "updated_at) VALUES (:k, :c, :o, :i, NULL, 'individinriktad', 'individ', '2015-01-01', NULL, :h, "
               "NULL, 'active', 'h', 0, 't')",
            soci::use(key), soci::use(organisation), soci::use(organisation), soci::use(id), soci::use(head);
    }

    const sys_days asOf{asOfFor(size)};
    Batch b;
    const long long total = size.perYear * size.years;
    auto addPeriod = [&](const std::string& organisation, const std::string& person, const std::string& type,
                         sys_days from, std::optional<sys_days> to) {
        b.eKey.push_back(organisation + "/E" + std::to_string(++sourceId));
        b.eOrganisation.push_back(organisation);
        b.ePerson.push_back(person);
        b.eTyp.push_back(type);
        b.eFrom.push_back(isoDate(from));
        b.eTo.push_back(to ? isoDate(*to) : "");
        b.eToInd.push_back(to ? soci::i_ok : soci::i_null);
        b.eSource.push_back(sourceId);
        ++counts.periods;
    };
    auto addPerson = [&](const std::string& person, const std::string& organisation) {
        b.personKey.push_back(person);
        b.linkOrganisation.push_back(organisation);
        b.linkValue.push_back("v-" + person);
        b.linkPerson.push_back(person);
        ++counts.persons;
    };
    for (long long n = 0; n < total; ++n) {
        const int year = kStartYear + static_cast<int>(n / size.perYear);
        const int forbund = static_cast<int>(n % size.forbund);
        const int insatserHere = (size.insatser - forbund + size.forbund - 1) / size.forbund;
        const int insats =
            forbund + size.forbund * std::uniform_int_distribution<int>(0, std::max(0, insatserHere - 1))(random);
        const std::string organisation = forbundName(forbund);
        const sys_days start = sys_days{year_month_day{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}}} +
                               days{std::uniform_int_distribution<int>(0, 364)(random)};
        std::optional<sys_days> end;
        if (std::uniform_int_distribution<int>(0, 99)(random) < 80) {
            const sys_days candidate = start + days{std::uniform_int_distribution<int>(30, 540)(random)};
            if (candidate <= asOf) end = candidate;
        }
        const bool identified = std::uniform_int_distribution<int>(0, 99)(random) < size.identifiedPercent;

        b.dKey.push_back(organisation + "/D" + std::to_string(n));
        b.dOrganisation.push_back(organisation);
        b.dInsats.push_back("I" + std::to_string(insats));
        b.dAnonymous.push_back(identified ? 0 : 1);
        b.dKon.push_back(pick(random, kon));
        b.dFodelsear.push_back(std::uniform_int_distribution<int>(1960, 2004)(random));
        b.dStart.push_back(isoDate(start));
        b.dEnd.push_back(end ? isoDate(*end) : "");
        b.dEndInd.push_back(end ? soci::i_ok : soci::i_null);
        b.dSource.push_back(++sourceId);
        auto maybe = [&](std::vector<std::string>& column, std::vector<soci::indicator>& indicator,
                            const std::vector<std::string>& values, bool present) {
            column.push_back(present ? pick(random, values) : "");
            indicator.push_back(present ? soci::i_ok : soci::i_null);
        };
        maybe(b.dUtbildning, b.dUtbildningInd, utbildning, identified);
        maybe(b.dFore, b.dForeInd, fore, identified);
        maybe(b.dTid, b.dTidInd, tid, identified);
        maybe(b.dAvslut, b.dAvslutInd, avslut, identified && end);
        maybe(b.dEfter, b.dEfterInd, efter, identified && end);
        maybe(b.dSysselsattning, b.dSysselsattningInd, sysselsattning, identified && end);
        ++counts.deltaganden;
        if (!identified) {
            b.dPerson.push_back("");
            b.dPersonInd.push_back(soci::i_null);
        } else {
            ++counts.identified;
            const std::string person = token('a', n), fk = token('b', n), kommun = token('c', n);
            b.dPerson.push_back(person);
            b.dPersonInd.push_back(soci::i_ok);
            const std::string kommunOrganisation =
                kommunName(forbund, std::uniform_int_distribution<int>(0, 3)(random));
            addPerson(person, organisation);
            addPerson(fk, "fk");
            addPerson(kommun, kommunOrganisation);
            for (const auto& partner : {fk, kommun}) {
                b.linkA.push_back(partner);
                b.linkB.push_back(person);
                b.linkFrom.push_back(isoDate(start));
                ++counts.links;
            }
            // 1–3 periods each, from up to two years before the start to past the end, some ongoing.
            for (const auto& [partner, partnerOrganisation] :
                 {std::pair{fk, std::string("fk")}, std::pair{kommun, kommunOrganisation}}) {
                sys_days from = start - days{std::uniform_int_distribution<int>(0, 730)(random)};
                const int periods = std::uniform_int_distribution<int>(1, 3)(random);
                for (int p = 0; p < periods; ++p) {
                    const sys_days to = from + days{std::uniform_int_distribution<int>(30, 400)(random)};
                    const bool ongoing = p == periods - 1 && std::uniform_int_distribution<int>(0, 9)(random) == 0;
                    addPeriod(partnerOrganisation, partner,
                              partnerOrganisation == "fk" ? pick(random, fkTypes) : std::string("forsorjningsstod"),
                              from, ongoing ? std::nullopt : std::optional<sys_days>(to));
                    from = to + days{std::uniform_int_distribution<int>(1, 200)(random)};
                }
            }
        }
        if (b.dKey.size() >= static_cast<std::size_t>(kSeedChunk)) flush(sql, b);
    }
    flush(sql, b);
    transaction.commit();
    return counts;
}

// --- the measurements ---------------------------------------------------------------------------------------------

/// The unavoidable read: every deltagande row (the loader's columns) and every ersattningsperiod row, as text.
long long plainRead(store::Database& database) {
    auto& sql = database.session();
    long long rows = 0;
    std::size_t bytes = 0;
    {
        soci::rowset<soci::row> result =
            (sql.prepare << "SELECT entity_key, organisation, insats_id, person_key, anonymous, kon, fodelsear, "
                            "startdatum, slutdatum, utbildningsniva, forsorjning_fore, tid_offentlig_forsorjning, "
                            "avslutsanledning, forsorjning_efter, sysselsattning_efter, duplicate_of FROM deltagande");
        for (const auto& r : result) {
            for (std::size_t i = 0; i < 16; ++i) bytes += store::cellText(r, i).size();
            ++rows;
        }
    }
    {
        soci::rowset<soci::row> result =
            (sql.prepare << "SELECT person_key, ersattningstyp, from_datum, tom_datum, organisation FROM "
                            "ersattningsperiod");
        for (const auto& r : result) {
            for (std::size_t i = 0; i < 5; ++i) bytes += store::cellText(r, i).size();
            ++rows;
        }
    }
    if (bytes == 0) throw std::runtime_error("the plain read saw no data");
    return rows;
}

struct Report {
    std::size_t facts = 0, rows = 0;
    double loadSeconds = 0, computeSeconds = 0;
};

Report report(store::Database& database, const std::vector<indicators::IndicatorDefinition>& definitions,
              const indicators::FactsScope& scope, const indicators::IndicatorRequest& request) {
    Report result;
    const auto started = Clock::now();
    const auto facts = indicators::loadFacts(database, scope);
    result.loadSeconds = secondsSince(started);
    const auto computeStarted = Clock::now();
    const auto rows = indicators::computeIndicators(facts, definitions, request);
    result.computeSeconds = secondsSince(computeStarted);
    result.facts = facts.size();
    result.rows = rows.size();
    return result;
}

struct Scenario {
    std::string name;
    WorldSize size;
    bool allForbund = false;  ///< loadFacts reads every förbund (the reference population)
    std::vector<std::string> periodKinds;
    double goalSeconds = 0;
    int rounds = 1;
};

void run(testing::TestBackend backend, const Scenario& scenario,
         const std::vector<indicators::IndicatorDefinition>& definitions) {
    const std::string backendName = testing::backendName(backend);
    testing::TestStore store(backend);
    auto database = store.open();
    const auto seedStarted = Clock::now();
    const SeedCounts counts = seed(*database, scenario.size);
    std::printf("%s %s: seeded %lld deltaganden (%lld identified), %d insatser, %d förbund, %lld persons, %lld links, "
                "%lld benefit periods in %.1f s\n",
                backendName.c_str(), scenario.name.c_str(), counts.deltaganden, counts.identified,
                scenario.size.insatser, scenario.size.forbund, counts.persons, counts.links, counts.periods,
                secondsSince(seedStarted));
    std::fflush(stdout);

    const std::string forbund = forbundName(0);
    indicators::FactsScope scope;
    scope.asOf = asOfFor(scenario.size);
    if (!scenario.allForbund) scope.forbund = forbund;
    indicators::IndicatorRequest request;
    request.forbund = forbund;
    const year_month_day from{std::chrono::year{kStartYear}, std::chrono::January, std::chrono::day{1}};
    const year_month_day to{std::chrono::year{kStartYear + scenario.size.years - 1}, std::chrono::December,
                            std::chrono::day{31}};
    for (const auto& kind : scenario.periodKinds) {
        for (auto& period : indicators::reportingPeriods(from, to, kind)) request.periods.push_back(std::move(period));
    }

    Measured bestPlain{1e300, 0}, bestEngine{1e300, 0};
    Report bestReport;
    long long plainRows = 0;
    double plainPeak = 0, enginePeak = 0;
    for (int round = 0; round < scenario.rounds; ++round) {
        const Measured plain = measure([&] { plainRows = plainRead(*database); });
        Report current;
        const Measured engine = measure([&] { current = report(*database, definitions, scope, request); });
        if (plain.seconds < bestPlain.seconds) bestPlain = plain;
        if (engine.seconds < bestEngine.seconds) {
            bestEngine = engine;
            bestReport = current;
        }
        plainPeak = std::max(plainPeak, plain.peakGrowthMb);
        enginePeak = std::max(enginePeak, engine.peakGrowthMb);
    }
    std::string kinds;
    for (const auto& kind : scenario.periodKinds) kinds += (kinds.empty() ? "" : ",") + kind;
    std::printf("%s %s: report %s, %zu period(s) (%s), facts of %s: %zu facts, %zu rows | engine %.3f s (loadFacts "
                "%.3f s, computeIndicators %.3f s), peak RSS +%.1f MB | plain read %.3f s (%lld rows), peak RSS "
                "+%.1f MB | ratio engine/plain read %.2f | goal < %.0f s: %s (best of %d round(s))\n",
                backendName.c_str(), scenario.name.c_str(), forbund.c_str(), request.periods.size(), kinds.c_str(),
                scenario.allForbund ? "every förbund" : forbund.c_str(), bestReport.facts, bestReport.rows,
                bestEngine.seconds, bestReport.loadSeconds, bestReport.computeSeconds, enginePeak, bestPlain.seconds,
                plainRows, plainPeak, bestEngine.seconds / bestPlain.seconds, scenario.goalSeconds,
                bestEngine.seconds < scenario.goalSeconds ? "met" : "MISSED", scenario.rounds);
    // The ratio is plain read / engine (higher is better, as everywhere in the report); the goal is in seconds.
    finsam::bench::reportResult({"indicators", backendName + " " + scenario.name + " (goal < " +
                                                   std::to_string(static_cast<int>(scenario.goalSeconds)) + " s)",
                                 bestEngine.seconds, "s", "plain SELECT of the same rows", bestPlain.seconds,
                                 bestPlain.seconds / bestEngine.seconds, 0});
    std::fflush(stdout);
}

}  // namespace

int main() {
    try {
        const unsigned seedValue = static_cast<unsigned>(envInt("FINSAM_BENCH_SEED", 1));
        const int identified = static_cast<int>(envInt("FINSAM_BENCH_IDENTIFIED_PERCENT", 70));
        const long long rounds = envInt("FINSAM_BENCH_ROUNDS", 0);

        std::vector<Scenario> scenarios;
        const auto wanted = split(envString("FINSAM_BENCH_SCENARIOS", "forbund,national"));
        if (contains(wanted, "forbund")) {
            Scenario s{"forbund-year", {}, false, {"year"}, 1.0, rounds > 0 ? static_cast<int>(rounds) : 3};
            s.size = {envInt("FINSAM_BENCH_FORBUND_PARTICIPANTS", 2000), 1, 1,
                      static_cast<int>(envInt("FINSAM_BENCH_FORBUND_INSATSER", 10)), identified, seedValue};
            scenarios.push_back(s);
        }
        if (contains(wanted, "national")) {
            Scenario s{"national", {}, true, split(envString("FINSAM_BENCH_PERIOD_KINDS", "year")), 30.0,
                       rounds > 0 ? static_cast<int>(rounds) : 1};
            s.size = {envInt("FINSAM_BENCH_NATIONAL_PER_YEAR", 30000),
                      static_cast<int>(envInt("FINSAM_BENCH_NATIONAL_YEARS", 5)),
                      static_cast<int>(envInt("FINSAM_BENCH_NATIONAL_FORBUND", 75)),
                      static_cast<int>(envInt("FINSAM_BENCH_NATIONAL_INSATSER", 400)), identified, seedValue};
            scenarios.push_back(s);
        }
        const bool havePg = !envString("FINSAM_TEST_PG", "").empty();
        std::vector<testing::TestBackend> backends;
        for (const auto& name : split(envString("FINSAM_BENCH_BACKENDS", havePg ? "sqlite,postgresql" : "sqlite"))) {
            if (name == "sqlite") backends.push_back(testing::TestBackend::kSqlite);
            else if (name == "postgresql") backends.push_back(testing::TestBackend::kPostgresql);
            else throw std::runtime_error("FINSAM_BENCH_BACKENDS: unknown backend " + name);
        }
        if (!havePg && !contains(split(envString("FINSAM_BENCH_BACKENDS", "")), "postgresql")) {
            std::printf("FINSAM_TEST_PG not set: PostgreSQL skipped (source scripts/pg-test-cluster.sh start)\n");
        }
        std::printf("peak RSS: %s\n", resetPeak() ? "VmHWM reset before each measurement"
                                                  : "VmHWM cannot be reset here: growth of the process's peak");
        const auto definitions = indicators::loadIndicatorDefinitions();
        for (const auto backend : backends) {
            for (const auto& scenario : scenarios) run(backend, scenario, definitions);
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_indicators: %s\n", error.what());
        return 1;
    }
}
