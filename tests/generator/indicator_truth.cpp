// tests/generator/indicator_truth.cpp — truth/indicators.json: what the hub's indicator engine must
// report for the förbund when only its register (forbund/deltaganden.csv) is read.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/indicator_truth.h"

#include "tests/generator/json_output.h"

#include <set>

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

YearIndicators indicatorsFor(const World& world, int year) {
    const Date first = makeDate(year, 1, 1);
    const Date last = makeDate(year, 12, 31);
    YearIndicators y;
    std::set<std::size_t> people;
    for (const Deltagande& d : world.deltaganden) {
        if (!counted(world, d)) {
            continue;
        }
        const bool known = identified(world, d);
        if (d.start <= last && (!d.end || *d.end >= first)) {
            if (known) {
                people.insert(d.person);
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
            }
        }
    }
    y.deltagare = static_cast<std::int64_t>(people.size());
    return y;
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
