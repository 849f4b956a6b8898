// core/indicators/uppfoljning_finsam.cpp — participants counted by the indicator engine itself (deltagare and
// deltagare_anonyma by kön, per insats, unsuppressed: the figures go to the national follow-up, which applies its
// own disclosure control), joined with the register's insatser and budget years.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/uppfoljning_finsam.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <map>

#include "core/common/csv_field.h"
#include "core/indicators/indicator_engine.h"
#include "core/indicators/indicator_report.h"
#include "core/store/read_snapshot.h"
#include "core/store/row_text.h"

namespace finsam::indicators {
namespace {

struct Budget {
    std::string budgetKr;
    std::optional<std::int64_t> planeratAntal, kvinnor, man;
    std::optional<bool> esf;
};

std::optional<std::int64_t> integer(const soci::row& row, std::size_t i) {
    const std::string text = store::cellText(row, i);
    return text.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(text));
}

/// (insats, "deltagare"|"deltagare_anonyma", category of kon or "total") → count, for the förbund's year.
std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> countsByKon(
    const std::vector<ParticipationFacts>& facts, const std::string& forbund, int year) {
    std::vector<IndicatorDefinition> definitions;
    for (auto& d : loadIndicatorDefinitions()) {
        if (d.indicator == "deltagare" || d.indicator == "deltagare_anonyma") definitions.push_back(std::move(d));
    }
    IndicatorRequest request;
    const std::chrono::year y{year};
    request.periods = reportingPeriods(y / 1 / 1, y / 12 / 31, "year");
    request.forbund = forbund;
    request.disclosure.threshold = 1;  // no count is small: these are the förbund's own figures
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> counts;
    for (const auto& row : computeIndicators(facts, definitions, request)) {
        if (row.insats.empty() || !row.numerator) continue;
        if (row.dimension == "total" || row.dimension == "kon") {
            counts[{row.insats, row.indicator, row.category}] = *row.numerator;
        }
    }
    return counts;
}

}  // namespace

std::vector<UppfoljningFinsamRow> uppfoljningFinsam(store::Database& database,
                                                    const std::vector<ParticipationFacts>& facts,
                                                    const std::string& forbund, int year) {
    auto& sql = database.session();
    std::map<std::string, Budget> budgets;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT insats_id, budget_kr, planerat_antal, esf, antal_kvinnor, antal_man "
                            "FROM insats_budget WHERE state = 'active' AND organisation = :f AND budgetar = :y",
             soci::use(forbund), soci::use(static_cast<long long>(year)));
        for (const auto& row : rows) {
            const std::string esf = store::cellText(row, 3);
            budgets[store::cellText(row, 0)] = {store::cellText(row, 1), integer(row, 2), integer(row, 4),
                                                integer(row, 5),
                                                esf.empty() ? std::nullopt : std::optional<bool>(esf == "true")};
        }
    }
    const auto counts = countsByKon(facts, forbund, year);
    auto count = [&](const std::string& insats, const char* indicator, const char* category) -> std::int64_t {
        auto found = counts.find({insats, indicator, category});
        return found == counts.end() ? 0 : found->second;
    };
    const std::string first = std::to_string(year) + "-01-01", last = std::to_string(year) + "-12-31";
    std::vector<UppfoljningFinsamRow> result;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT insats_id, namn, inriktning, uppfoljningsmetod, huvudman, startdatum, slutdatum "
                        "FROM insats WHERE state = 'active' AND organisation = :f ORDER BY insats_id",
         soci::use(forbund));
    for (const auto& row : rows) {
        UppfoljningFinsamRow r;
        r.year = year;
        r.insatsId = store::cellText(row, 0);
        const auto budget = budgets.find(r.insatsId);
        const std::string start = store::cellText(row, 5), end = store::cellText(row, 6);
        const bool runs = !start.empty() && start <= last && (end.empty() || end >= first);  // ISO dates compare
        const bool hasParticipants = counts.count({r.insatsId, "deltagare", "total"}) > 0 ||
                                     counts.count({r.insatsId, "deltagare_anonyma", "total"}) > 0;
        if (!runs && budget == budgets.end() && !hasParticipants) continue;
        r.namn = store::cellText(row, 1);
        r.inriktning = store::cellText(row, 2);
        r.uppfoljningsmetod = store::cellText(row, 3);
        r.huvudman = store::cellText(row, 4);
        if (budget != budgets.end()) {
            r.budgetKr = budget->second.budgetKr;
            r.planeratAntal = budget->second.planeratAntal;
            r.esf = budget->second.esf;
        }
        if (r.inriktning == "individinriktad" && r.uppfoljningsmetod == "individ") {
            r.kalla = "deltaganden";
            r.kvinnor = count(r.insatsId, "deltagare", "kvinna") + count(r.insatsId, "deltagare_anonyma", "kvinna");
            r.man = count(r.insatsId, "deltagare", "man") + count(r.insatsId, "deltagare_anonyma", "man");
            r.annatOkant = count(r.insatsId, "deltagare", "annat") + count(r.insatsId, "deltagare", "okant") +
                           count(r.insatsId, "deltagare_anonyma", "annat") +
                           count(r.insatsId, "deltagare_anonyma", "okant");
            r.anonyma = count(r.insatsId, "deltagare_anonyma", "total");
            r.totalt = count(r.insatsId, "deltagare", "total") + *r.anonyma;
        } else {
            r.kalla = "registrerat_antal";
            if (budget != budgets.end()) {
                r.kvinnor = budget->second.kvinnor;
                r.man = budget->second.man;
                if (r.kvinnor || r.man) r.totalt = r.kvinnor.value_or(0) + r.man.value_or(0);
            }
        }
        result.push_back(std::move(r));
    }
    return result;
}

std::vector<UppfoljningFinsamRow> runUppfoljningFinsam(store::Database& database, const config::HubConfig& config,
                                                       const std::string& forbund, int year,
                                                       std::chrono::year_month_day asOf) {
    auto scope = reportScope(config, forbund, asOf);
    scope.forbund = forbund;  // no comparison: the förbund's own participations suffice
    std::vector<UppfoljningFinsamRow> rows;
    store::inReadSnapshot(database,
                          [&] { rows = uppfoljningFinsam(database, loadFacts(database, scope), forbund, year); });
    return rows;
}

void writeUppfoljningFinsamCsv(const std::vector<UppfoljningFinsamRow>& rows, std::ostream& out) {
    out << "ar,insats_id,insats_namn,inriktning,uppfoljningsmetod,huvudman,deltagare_kvinnor,deltagare_man,"
           "deltagare_annat_okant,deltagare_totalt,varav_anonyma,budget_kr,planerat_antal,esf,kalla\r\n";
    auto integer = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
    for (const auto& r : rows) {
        out << r.year << ',' << common::csvField(r.insatsId) << ',' << common::csvField(r.namn) << ',' << r.inriktning
            << ',' << r.uppfoljningsmetod << ',' << r.huvudman << ',' << integer(r.kvinnor) << ',' << integer(r.man)
            << ',' << integer(r.annatOkant) << ',' << integer(r.totalt) << ',' << integer(r.anonyma) << ','
            << r.budgetKr << ',' << integer(r.planeratAntal) << ',' << (r.esf ? (*r.esf ? "ja" : "nej") : "") << ','
            << r.kalla << "\r\n";
    }
}

void writeUppfoljningFinsamJson(const std::vector<UppfoljningFinsamRow>& rows, std::ostream& out) {
    rapidjson::OStreamWrapper stream(out);
    rapidjson::Writer<rapidjson::OStreamWrapper> json(stream);
    auto integer = [&](const char* key, const std::optional<std::int64_t>& v) {
        json.Key(key);
        v ? json.Int64(*v) : json.Null();
    };
    auto text = [&](const char* key, const std::string& v) {
        json.Key(key);
        v.empty() ? json.Null() : json.String(v);
    };
    json.StartObject();
    json.Key("rows");
    json.StartArray();
    for (const auto& r : rows) {
        json.StartObject();
        json.Key("ar"), json.Int(r.year);
        text("insats_id", r.insatsId);
        text("insats_namn", r.namn);
        text("inriktning", r.inriktning);
        text("uppfoljningsmetod", r.uppfoljningsmetod);
        text("huvudman", r.huvudman);
        integer("deltagare_kvinnor", r.kvinnor);
        integer("deltagare_man", r.man);
        integer("deltagare_annat_okant", r.annatOkant);
        integer("deltagare_totalt", r.totalt);
        integer("varav_anonyma", r.anonyma);
        text("budget_kr", r.budgetKr);  // decimal text as registered: money is never rounded through a double
        integer("planerat_antal", r.planeratAntal);
        json.Key("esf");
        r.esf ? json.Bool(*r.esf) : json.Null();
        text("kalla", r.kalla);
        json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    out << '\n';
}

}  // namespace finsam::indicators
