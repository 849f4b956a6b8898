// core/indicators/indicator_report.cpp — parameters, one consistent read, and the published forms.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/indicator_report.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <regex>

#include "core/common/clock.h"
#include "core/store/read_snapshot.h"

namespace finsam::indicators {
namespace {

constexpr int kMaxReportYears = 50;  // FINSAM began in 2004

std::chrono::year_month_day date(const std::string& name, const std::string& text) {
    auto parsed = common::parseIsoDate(text);
    if (!parsed) throw ReportParameterError(name, "must be a date YYYY-MM-DD, got \"" + text + "\"");
    return *parsed;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

/// The only member kommun of the förbund, which its participants then belong to unless reported otherwise.
std::string soleKommun(const config::HubConfig& config) {
    std::string found;
    for (const auto& member : config.forbund.members) {
        if (member.rfind("kommun-", 0) == 0) {
            if (!found.empty()) return "";
            found = member;
        }
    }
    return found;
}

}  // namespace

ReportParameters parseReportParameters(const std::vector<std::pair<std::string, std::string>>& pairs) {
    ReportParameters p;
    bool hasForbund = false, hasFrom = false, hasTo = false;
    for (const auto& [name, value] : pairs) {
        if (name == "forbund") p.forbund = value, hasForbund = true;
        else if (name == "from") p.from = value, hasFrom = true;
        else if (name == "to") p.to = value, hasTo = true;
        else if (name == "period") p.period = value;
        else if (name == "as_of") p.asOf = value;
        else if (name == "format") p.format = value;
        else throw ReportParameterError(name, "is not a parameter of indicators");
    }
    if (!hasForbund || !std::regex_match(p.forbund, std::regex("forbund-[a-z0-9-]+"))) {
        throw ReportParameterError("forbund", "must name a förbund, forbund-<slug>");
    }
    if (!hasFrom) throw ReportParameterError("from", "is required");
    if (!hasTo) throw ReportParameterError("to", "is required");
    // Each period rescans every fact, so a span of centuries would make one request compute for hours.
    if (date("to", p.to) >= date("from", p.from) + std::chrono::years(kMaxReportYears)) {
        throw ReportParameterError("to", "must be less than " + std::to_string(kMaxReportYears) +
                                             " years after from");
    }
    if (!p.asOf.empty()) date("as_of", p.asOf);
    if (p.period != "year" && p.period != "half" && p.period != "tertial") {
        throw ReportParameterError("period", "must be year, half or tertial");
    }
    if (p.format != "csv" && p.format != "json") throw ReportParameterError("format", "must be csv or json");
    return p;
}

FactsScope reportScope(const config::HubConfig& config, const std::string& forbund,
                       std::chrono::year_month_day asOf) {
    FactsScope scope;
    scope.asOf = asOf;
    scope.followUpYearsBefore = config.followUpYearsBefore;
    scope.followUpMonthsAfter = config.followUpMonthsAfter;
    if (config.forbund.id == forbund) scope.soleKommun = soleKommun(config);
    return scope;
}

std::vector<IndicatorRow> runReport(store::Database& database, const config::HubConfig& config,
                                    const ReportParameters& p) {
    IndicatorRequest request;
    try {
        request.periods = reportingPeriods(date("from", p.from), date("to", p.to), p.period);
    } catch (const std::invalid_argument& e) {
        throw ReportParameterError("period", e.what());
    }
    request.forbund = p.forbund;
    request.disclosure.threshold = config.suppressionThreshold;
    // Every förbund's facts: the others are the reference population of the comparisons.
    const auto scope = reportScope(config, p.forbund, p.asOf.empty() ? common::todayInSweden() : date("as_of", p.asOf));
    std::vector<ParticipationFacts> facts;
    store::inReadSnapshot(database, [&] { facts = loadFacts(database, scope); });
    const auto definitions = loadIndicatorDefinitions(config.indicatorsLocalDir);
    if (!config.indicatorsReferenceFile.empty()) {
        request.reference = loadReferenceRates(config.indicatorsReferenceFile, definitions);
    }
    return computeIndicators(facts, definitions, request);
}

void writeCsv(const std::vector<IndicatorRow>& rows, std::ostream& out) {
    out << "indicator,version,forbund,insats,period,dimension,category,numerator,denominator,value,suppressed,"
           "observed,expected,ratio,ci_low,ci_high\r\n";
    auto integer = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
    auto real = [](const std::optional<double>& v) { return v ? number(*v) : std::string(); };
    for (const auto& r : rows) {
        // Codes and ids hold no comma, quote or line break: fields need no quoting.
        out << r.indicator << ',' << r.version << ',' << r.forbund << ',' << r.insats << ',' << r.period << ','
            << r.dimension << ',' << r.category << ',' << integer(r.numerator) << ',' << integer(r.denominator) << ','
            << real(r.value) << ',' << (r.suppressed ? "true" : "false") << ',' << integer(r.observed) << ','
            << real(r.expected) << ',' << real(r.ratio) << ',' << real(r.ciLow) << ',' << real(r.ciHigh) << "\r\n";
    }
}

void writeJson(const std::vector<IndicatorRow>& rows, std::ostream& out) {
    rapidjson::OStreamWrapper stream(out);
    rapidjson::Writer<rapidjson::OStreamWrapper> json(stream);
    auto integer = [&](const char* key, const std::optional<std::int64_t>& v) {
        json.Key(key);
        v ? json.Int64(*v) : json.Null();
    };
    auto real = [&](const char* key, const std::optional<double>& v) {
        json.Key(key);
        v ? json.Double(*v) : json.Null();
    };
    json.StartObject();
    json.Key("rows");
    json.StartArray();
    for (const auto& r : rows) {
        json.StartObject();
        json.Key("indicator"), json.String(r.indicator);
        json.Key("version"), json.Int(r.version);
        json.Key("forbund"), json.String(r.forbund);
        json.Key("insats"), json.String(r.insats);
        json.Key("period"), json.String(r.period);
        json.Key("dimension"), json.String(r.dimension);
        json.Key("category"), json.String(r.category);
        integer("numerator", r.numerator);
        integer("denominator", r.denominator);
        real("value", r.value);
        json.Key("suppressed"), json.Bool(r.suppressed);
        if (r.comparison) {
            integer("observed", r.observed);
            real("expected", r.expected);
            real("ratio", r.ratio);
            real("ci_low", r.ciLow);
            real("ci_high", r.ciHigh);
        }
        json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    out << '\n';
}

}  // namespace finsam::indicators
