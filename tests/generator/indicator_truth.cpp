// tests/generator/indicator_truth.cpp — truth/indicators.json: what the hub's indicator engine must
// report for the förbund when only its register (forbund/deltaganden.csv) is read.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/indicator_truth.h"

#include "tests/generator/json_output.h"

#include <algorithm>
#include <map>
#include <vector>

namespace finsam::generator {
namespace {

// The rows the indicators count: every deltagande is a register row (forbund_writer.cpp), but only
// individual follow-up counts, and a felregistrering never happened.
bool counted(const World& world, const Deltagande& d) {
    const Insats& insats = world.insatser[d.insats];
    return insats.inriktning == Inriktning::kIndividinriktad &&
           insats.uppfoljning == Uppfoljning::kIndivid && d.avslut != Avslut::kFelregistrering;
}

// What the register shows: the number only when reportsNumber, Anonym = Ja when anonymous. The hub
// keeps no identity for skyddade people (the förbund registers them anonymously anyway).
bool identified(const World& world, const Deltagande& d) {
    return d.reportsNumber && !d.anonymous && !world.people[d.person].skyddad;
}

// Calendar months from the start month to the end month, both counted.
int monthsInInsats(Date start, Date end) {
    return (yearOf(end) * 12 + monthOf(end)) - (yearOf(start) * 12 + monthOf(start)) + 1;
}

std::size_t durationBucket(int months) {
    return months <= 6 ? 0 : months <= 12 ? 1 : 2;
}

// The register has Födelseår only, so the age is start year - birth year.
std::size_t ageBucket(int age) {
    return age <= 29 ? 0 : age <= 44 ? 1 : age <= 59 ? 2 : 3;
}

bool toWorkOrStudies(const Deltagande& d) {
    // The register leaves Sysselsättning efter empty on rows without details.
    if (!d.reportsDetails || !d.sysselsattningEfter) {
        return false;
    }
    const Sysselsattning s = *d.sysselsattningEfter;
    return s == Sysselsattning::kArbete || s == Sysselsattning::kSubventioneratArbete ||
           s == Sysselsattning::kStudier;
}

// codes.md, column "national bucket". A reported "Ingen" is a value like any other: övriga.
ForsorjningBucket bucketOf(Ersattning e) {
    switch (e) {
        case Ersattning::kSjukpenning:
        case Ersattning::kRehabiliteringspenning:
            return ForsorjningBucket::kSjukpenning;
        case Ersattning::kAktivitetsersattning:
            return ForsorjningBucket::kAktivitetsersattning;
        case Ersattning::kAktivitetsstod:
        case Ersattning::kUtvecklingsersattning:
            return ForsorjningBucket::kAktivitetsstod;
        case Ersattning::kEtableringsersattning:
            return ForsorjningBucket::kEtableringsersattning;
        case Ersattning::kForsorjningsstod:
            return ForsorjningBucket::kForsorjningsstod;
        case Ersattning::kOkand:
            return ForsorjningBucket::kOkand;
        case Ersattning::kSjukersattning:
        case Ersattning::kAKassa:
        case Ersattning::kStudiemedel:
        case Ersattning::kLon:
        case Ersattning::kSubventioneradAnstallning:
        case Ersattning::kEgetForetag:
        case Ersattning::kAnnan:
        case Ersattning::kIngen:
            break;
    }
    return ForsorjningBucket::kOvriga;
}

// Offentlig försörjning: the types with an SCB försörjningsmått group (codes.md).
bool offentlig(Ersattning e) {
    switch (e) {
        case Ersattning::kSjukpenning:
        case Ersattning::kRehabiliteringspenning:
        case Ersattning::kAktivitetsersattning:
        case Ersattning::kSjukersattning:
        case Ersattning::kAktivitetsstod:
        case Ersattning::kUtvecklingsersattning:
        case Ersattning::kEtableringsersattning:
        case Ersattning::kAKassa:
        case Ersattning::kForsorjningsstod:
            return true;
        default:
            return false;
    }
}

// What the register says: the list only on rows with details (forbund_writer.cpp).
const std::vector<Ersattning>& reportedList(const Deltagande& d,
                                            const std::vector<Ersattning>& list) {
    static const std::vector<Ersattning> kNone;
    return d.reportsDetails ? list : kNone;
}

// Each distinct bucket of the list once; an empty (unreported) list is okand.
void addBuckets(const std::vector<Ersattning>& list,
                std::array<std::int64_t, kForsorjningBuckets>& counts) {
    std::array<bool, kForsorjningBuckets> seen{};
    if (list.empty()) {
        seen[static_cast<std::size_t>(ForsorjningBucket::kOkand)] = true;
    }
    for (const Ersattning e : list) {
        seen[static_cast<std::size_t>(bucketOf(e))] = true;
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
        counts[i] += seen[i] ? 1 : 0;
    }
}

// Unknown: not reported, or nothing but Okänd.
bool unknownList(const std::vector<Ersattning>& list) {
    return std::all_of(list.begin(), list.end(),
                       [](Ersattning e) { return e == Ersattning::kOkand; });
}

bool anyOffentlig(const std::vector<Ersattning>& list) {
    return std::any_of(list.begin(), list.end(), offentlig);
}

Forandring forandringOf(const std::vector<Ersattning>& before,
                        const std::vector<Ersattning>& after) {
    if (unknownList(before) || unknownList(after)) {
        return Forandring::kOkand;
    }
    const bool fore = anyOffentlig(before);
    const bool efter = anyOffentlig(after);
    return fore && efter ? Forandring::kKvar
           : fore        ? Forandring::kLamnat
           : efter       ? Forandring::kTillkommit
                         : Forandring::kUtan;
}

std::size_t tidOffentligIndex(const Deltagande& d) {
    // The enum's order is the written order; an unreported cell is okand.
    return d.reportsDetails ? static_cast<std::size_t>(d.tidOffentlig)
                            : static_cast<std::size_t>(TidOffentlig::kOkand);
}

// indicators.md §3: the first failing reason, in the table's order anonym, ej_lankad, ej_natt.
// The register alone links nobody, so every identified row stops at ej_lankad.
void addMatbarhet(Matbarhet& m, bool identified, bool linked, Date measuredOn, Date asOf) {
    if (!identified) {
        ++m.anonym;
    } else if (!linked) {
        ++m.ejLankad;
    } else if (measuredOn > asOf) {
        ++m.ejNatt;
    } else {
        ++m.matbar;
    }
}

// Earliest start, then Deltagande-ID: the person's representative row (indicators.md §4).
bool earlier(const Deltagande& a, const Deltagande& b) {
    return a.start != b.start ? a.start < b.start : a.id < b.id;
}

YearIndicators indicatorsFor(const World& world, int year) {
    const Date first = makeDate(year, 1, 1);
    const Date last = makeDate(year, 12, 31);
    // The hub's as-of for the truth: the day after the snapshot (for --year-to 2020, 2021-01-01).
    // Only linked people reach the ej_natt test, and the register links nobody.
    const Date asOf = addDays(world.asOf, 1);
    constexpr bool kLinked = false;
    YearIndicators y;
    std::map<std::size_t, const Deltagande*> people;  // person → representative row
    for (const Deltagande& d : world.deltaganden) {
        if (!counted(world, d)) {
            continue;
        }
        const bool known = identified(world, d);
        if (d.start <= last && (!d.end || *d.end >= first)) {
            if (known) {
                const auto [it, added] = people.emplace(d.person, &d);
                if (!added && earlier(d, *it->second)) {
                    it->second = &d;
                }
            } else {
                ++y.deltagareAnonyma;
            }
        }
        if (d.start >= first && d.start <= last) {
            ++y.nyaDeltagare;
            ++y.aldersgrupp[ageBucket(year - yearOf(world.people[d.person].birthDate))];
        }
        if (d.end && *d.end >= first && *d.end <= last) {
            ++y.avslutade;
            ++y.tidIInsats[durationBucket(monthsInInsats(d.start, *d.end))];
            if (known) {
                ++y.avslutadeIdentifierade;
                y.arbeteStudier += toWorkOrStudies(d) ? 1 : 0;
                const auto& fore = reportedList(d, d.forsorjningFore);
                const auto& efter = reportedList(d, d.forsorjningEfter);
                ++y.forsorjningEfterDeltaganden;
                addBuckets(efter, y.forsorjningEfter);
                ++y.forandring[static_cast<std::size_t>(forandringOf(fore, efter))];
            }
            addMatbarhet(y.utfall6, known, kLinked, addDays(*d.end, 182), asOf);
            addMatbarhet(y.utfall12, known, kLinked, addDays(*d.end, 365), asOf);
        }
    }
    y.deltagare = static_cast<std::int64_t>(people.size());
    for (const auto& [person, d] : people) {
        ++y.forsorjningForePersoner;
        addBuckets(reportedList(*d, d->forsorjningFore), y.forsorjningFore);
        ++y.tidOffentligForsorjning[tidOffentligIndex(*d)];
    }
    return y;
}

constexpr const char* kBuckets[kForsorjningBuckets] = {
    "sjukpenning",      "aktivitetsersattning", "aktivitetsstod", "etableringsersattning",
    "forsorjningsstod", "ovriga",               "okand"};
constexpr const char* kTidOffentlig[7] = {"0-1", "1-3", "3-5", "5-9", "9-", "ingen", "okand"};
constexpr const char* kForandring[5] = {"lamnat", "kvar", "tillkommit", "utan", "okand"};

// The buckets with a count, in codes.md's order, then the population.
void writeBuckets(JsonOutput& json, const char* name,
                  const std::array<std::int64_t, kForsorjningBuckets>& counts,
                  const char* population, std::int64_t size) {
    json.key(name);
    json.writer().StartObject();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] != 0) {
            json.number(kBuckets[i], counts[i]);
        }
    }
    json.number(population, size);
    json.writer().EndObject();
}

// Every category, zeros too.
template <std::size_t N>
void writeAll(JsonOutput& json, const char* name, const char* const (&keys)[N],
              const std::array<std::int64_t, N>& counts) {
    json.key(name);
    json.writer().StartObject();
    for (std::size_t i = 0; i < N; ++i) {
        json.number(keys[i], counts[i]);
    }
    json.writer().EndObject();
}

void writeUtfall(JsonOutput& json, const char* name, const Matbarhet& m) {
    auto& w = json.writer();
    json.key(name);
    w.StartObject();
    json.key("matbarhet");
    w.StartObject();
    json.number("matbar", m.matbar);
    json.number("anonym", m.anonym);
    json.number("ej_lankad", m.ejLankad);
    json.number("ej_natt", m.ejNatt);
    w.EndObject();
    w.EndObject();
}

void writeYear(JsonOutput& json, const YearIndicators& y) {
    auto& w = json.writer();
    w.StartObject();
    json.number("deltagare", y.deltagare);
    json.number("deltagare_anonyma", y.deltagareAnonyma);
    json.number("nya_deltagare", y.nyaDeltagare);
    json.number("avslutade", y.avslutade);
    json.key("andel_arbete_studier");
    w.StartObject();
    json.number("numerator", y.arbeteStudier);
    json.number("denominator", y.avslutadeIdentifierade);
    w.EndObject();
    // Written by hand rather than with counts(): buckets in their natural order, not the map's.
    json.key("tid_i_insats");
    w.StartObject();
    const char* const durations[] = {"1-6", "7-12", "13-"};
    for (std::size_t i = 0; i < y.tidIInsats.size(); ++i) {
        json.number(durations[i], y.tidIInsats[i]);
    }
    w.EndObject();
    json.key("aldersgrupp_vid_start");
    w.StartObject();
    const char* const ages[] = {"16-29", "30-44", "45-59", "60-"};
    for (std::size_t i = 0; i < y.aldersgrupp.size(); ++i) {
        json.number(ages[i], y.aldersgrupp[i]);
    }
    w.EndObject();
    writeBuckets(json, "forsorjning_fore", y.forsorjningFore, "personer",
                 y.forsorjningForePersoner);
    writeAll(json, "tid_i_offentlig_forsorjning", kTidOffentlig, y.tidOffentligForsorjning);
    writeBuckets(json, "forsorjning_efter", y.forsorjningEfter, "deltaganden",
                 y.forsorjningEfterDeltaganden);
    writeAll(json, "forandring_offentlig_forsorjning", kForandring, y.forandring);
    writeUtfall(json, "utfall_6_manader", y.utfall6);
    writeUtfall(json, "utfall_12_manader", y.utfall12);
    w.EndObject();
}

}  // namespace

std::map<int, YearIndicators> indicatorsByYear(const World& world, const WorldOptions& options) {
    std::map<int, YearIndicators> years;
    for (int year = options.yearFrom; year <= options.yearTo; ++year) {
        years[year] = indicatorsFor(world, year);
    }
    return years;
}

std::string indicatorTruthJson(const World& world, const WorldOptions& options) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.text("forbund", "forbund-" + world.forbund.slug);
    json.text("profile", options.profile);
    json.key("years");
    w.StartObject();
    for (const auto& [year, indicators] : indicatorsByYear(world, options)) {
        json.key(std::to_string(year).c_str());
        writeYear(json, indicators);
    }
    w.EndObject();
    w.EndObject();
    return json.document();
}

}  // namespace finsam::generator
