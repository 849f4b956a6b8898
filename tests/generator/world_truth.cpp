// tests/generator/world_truth.cpp — truth/world.json: who is who and what happened, across formats.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/world_truth.h"

#include "tests/generator/af_catalogue.h"
#include "tests/generator/af_snapshot_plan.h"
#include "tests/generator/benefit_generator.h"
#include "tests/generator/json_output.h"
#include "tests/generator/kommun_items.h"
#include "tests/generator/region_resources.h"

#include <algorithm>
#include <map>

namespace finsam::generator {
namespace {

void writePersons(JsonOutput& json, const World& world, const std::vector<PersonKind>& kinds) {
    std::map<std::string, std::vector<std::string>> numbers;
    for (const PersonKind kind : {PersonKind::kConsenting, PersonKind::kAnonymous,
                                  PersonKind::kProtected, PersonKind::kWithdrawing}) {
        numbers[toString(kind)];
    }
    for (std::size_t p = 0; p < world.people.size(); ++p) {
        numbers[toString(kinds[p])].push_back(world.people[p].personnummer);
    }
    auto& w = json.writer();
    json.key("persons");
    w.StartObject();
    json.number("total", static_cast<std::int64_t>(world.people.size()));
    for (const auto& [kind, list] : numbers) {
        json.number(kind.c_str(), static_cast<std::int64_t>(list.size()));
    }
    json.key("numbers");
    w.StartObject();
    for (const auto& [kind, list] : numbers) {
        json.strings(kind.c_str(), list);
    }
    w.EndObject();
    w.EndObject();
}

void writeDeltaganden(JsonOutput& json, const World& world, const GeneratorOptions& options,
                      const std::vector<PersonKind>& kinds) {
    // AF reports a deltagande when its INS row is in at least one regular snapshot: ones that
    // ended more than 13 months before the first never reach the files.
    const std::vector<Date> dates = af::snapshotDates(world, options.af);
    const af::Catalogue catalogue = af::buildCatalogue(world, options.world.seed, dates);
    std::map<std::size_t, std::string> afRow;
    for (const af::CatalogueRow& row : catalogue.rows) {
        const bool reported = std::any_of(dates.begin(), dates.end(),
                                          [&](Date date) { return af::presentOn(row, date); });
        if (row.deltagande && reported) {
            afRow[*row.deltagande] = row.radId;
        }
    }
    // The kommun API serves its whole change log: every participation it runs is reported.
    const std::map<std::string, std::string> kommunItem = kommun::participationIds(world);
    // The region's FINSAM episodes, unless entered in error (then they report nothing).
    std::map<std::string, std::string> regionEpisode;
    for (const region::Resource& r : region::buildHoldings(world, options.world.seed).episodes) {
        if (r.deltagandeId && r.status != "entered-in-error") {
            regionEpisode[*r.deltagandeId] = r.id;
        }
    }
    auto& w = json.writer();
    json.key("deltaganden");
    w.StartObject();
    json.number("distinct", static_cast<std::int64_t>(world.deltaganden.size()));
    json.number("reported_by_forbund", static_cast<std::int64_t>(world.deltaganden.size()));
    json.number("reported_by_af", static_cast<std::int64_t>(afRow.size()));
    json.number("reported_by_kommun", static_cast<std::int64_t>(kommunItem.size()));
    json.number("reported_by_region", static_cast<std::int64_t>(regionEpisode.size()));
    json.number("reported_twice",
                static_cast<std::int64_t>(afRow.size() + kommunItem.size() + regionEpisode.size()));
    json.key("items");
    w.StartArray();
    for (std::size_t i = 0; i < world.deltaganden.size(); ++i) {
        const Deltagande& d = world.deltaganden[i];
        w.StartObject();
        json.text("deltagande_id", d.id);
        json.text("insats", world.insatser[d.insats].id);
        json.text("personnummer", world.people[d.person].personnummer);
        json.text("kind", toString(kinds[d.person]));
        json.text("start", formatIsoDate(d.start));
        json.text("end", d.end ? formatIsoDate(*d.end) : "");
        json.key("sources");
        w.StartObject();
        json.text("forbund", d.id);
        if (const auto row = afRow.find(i); row != afRow.end()) {
            json.text("af", row->second);
        }
        if (const auto item = kommunItem.find(d.id); item != kommunItem.end()) {
            json.text("kommun", item->second);
        }
        if (const auto episode = regionEpisode.find(d.id); episode != regionEpisode.end()) {
            json.text("region", episode->second);
        }
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void writeBenefits(JsonOutput& json, const World& world) {
    std::map<std::string, std::int64_t> byPayer = {{"af", 0}, {"fk", 0}, {"kommun", 0}};
    for (const BenefitPeriod& p : world.benefits) {
        switch (*payerOf(p.ersattning)) {
            case Payer::kAf:
                ++byPayer["af"];
                break;
            case Payer::kFk:
                ++byPayer["fk"];
                break;
            case Payer::kKommun:
                ++byPayer["kommun"];
                break;
        }
    }
    json.counts("benefit_periods_by_payer", byPayer);
}

}  // namespace

std::vector<PersonKind> kindsOf(const World& world) {
    std::vector<PersonKind> kinds(world.people.size(), PersonKind::kAnonymous);
    for (const Consent& consent : world.consents) {
        PersonKind& kind = kinds[consent.person];
        if (consent.withdrawn) {
            kind = PersonKind::kWithdrawing;
        } else if (kind == PersonKind::kAnonymous) {
            kind = PersonKind::kConsenting;
        }
    }
    for (std::size_t p = 0; p < world.people.size(); ++p) {
        if (world.people[p].skyddad) {
            kinds[p] = PersonKind::kProtected;
        }
    }
    return kinds;
}

const char* toString(PersonKind kind) {
    switch (kind) {
        case PersonKind::kConsenting:
            return "consenting";
        case PersonKind::kAnonymous:
            return "anonymous";
        case PersonKind::kProtected:
            return "protected";
        case PersonKind::kWithdrawing:
            return "withdrawing";
    }
    return "";
}

std::string worldTruthJson(const World& world, const GeneratorOptions& options) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.key("seed");
    w.Uint64(options.world.seed);
    json.key("forbund");
    w.StartObject();
    json.text("slug", world.forbund.slug);
    json.text("organisationsnummer", world.forbund.organisationsnummer);
    json.text("region", world.forbund.regionId);
    json.text("kommun", world.forbund.kommunId);
    w.EndObject();
    json.text("as_of", formatIsoDate(world.asOf));
    const std::vector<PersonKind> kinds = kindsOf(world);
    writePersons(json, world, kinds);
    writeDeltaganden(json, world, options, kinds);
    writeBenefits(json, world);
    w.EndObject();
    return json.document();
}

}  // namespace finsam::generator
