// core/indicators/fact_fields.cpp — field names (config/schemas/indicator.schema.json) → fact values.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/fact_fields.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/indicators/benefit_rules.h"

namespace finsam::indicators {
namespace {

// A reported `ingen` (ingen ersättning, self-reported) is in the övriga bucket (codes.md); the `ingen` bucket says
// that the linked partners' data show no support at all (docs/indicators.md §5).
std::vector<std::string> buckets(const SourcedList& list) {
    if (list.values.empty()) return {"okand"};
    const bool reported = list.source == "forbund";
    std::set<std::string> out;
    for (const auto& type : list.values) out.insert(reported && type == "ingen" ? "ovriga" : nationalBucket(type));
    return {out.begin(), out.end()};
}

std::string change(const ParticipationFacts& f) {
    if (f.anonymous || f.forsorjningFore.values.empty() || f.forsorjningEfter.values.empty()) return "okand";
    auto offentlig = [](const std::vector<std::string>& types) {
        return std::any_of(types.begin(), types.end(), [](const std::string& t) { return isOffentligForsorjning(t); });
    };
    auto unknown = [](const std::vector<std::string>& types) {
        return std::find(types.begin(), types.end(), "okand") != types.end();
    };
    if (unknown(f.forsorjningFore.values) || unknown(f.forsorjningEfter.values)) return "okand";
    const bool before = offentlig(f.forsorjningFore.values), after = offentlig(f.forsorjningEfter.values);
    return before ? (after ? "kvar" : "lamnat") : (after ? "tillkommit" : "utan");
}

std::vector<std::string> outcome(const Outcome& o) {
    return o.matbarhet == "matbar" ? outcomeCategories(o.types) : std::vector<std::string>{};
}

}  // namespace

std::vector<std::string> fieldValues(const ParticipationFacts& f, std::string_view field) {
    if (field == "total") return {"total"};
    if (field == "kon") return {f.kon};
    if (field == "aldersgrupp") return {f.aldersgrupp};
    if (field == "utbildningsniva") return {f.utbildningsniva};
    if (field == "anonym") return {f.anonymous ? "ja" : "nej"};
    if (field == "huvudman") return {f.huvudman};
    if (field == "kommun") return {f.kommun};
    if (field == "avslutsanledning") return {f.end ? f.avslutsanledning : "ej_avslutad"};
    if (field == "sysselsattning_efter") return {f.end ? f.sysselsattningEfter : "ej_avslutad"};
    if (field == "tid_i_insats") return f.end ? std::vector<std::string>{f.tidIInsats} : std::vector<std::string>{};
    if (field == "forsorjning_fore") return f.anonymous ? std::vector<std::string>{"okand"} : buckets(f.forsorjningFore);
    if (field == "tid_i_offentlig_forsorjning")
        return {f.anonymous || f.tidOffentligForsorjning.values.empty() ? "okand" : f.tidOffentligForsorjning.values[0]};
    if (field == "forsorjning_efter")
        return f.end ? (f.anonymous ? std::vector<std::string>{"okand"} : buckets(f.forsorjningEfter))
                     : std::vector<std::string>{};
    if (field == "forandring_offentlig_forsorjning") return {change(f)};
    if (field == "matbarhet_6_manader") return {f.utfall6.matbarhet};
    if (field == "matbarhet_12_manader") return {f.utfall12.matbarhet};
    if (field == "utfall_6_manader") return outcome(f.utfall6);
    if (field == "utfall_12_manader") return outcome(f.utfall12);
    return {};
}

const std::vector<std::string>& fieldCategories(std::string_view field) {
    static const std::map<std::string, std::vector<std::string>, std::less<>> categories = {
        {"total", {"total"}},
        {"kon", {"kvinna", "man", "annat", "okant"}},
        {"aldersgrupp", {"16-29", "30-44", "45-59", "60-", "okand"}},
        {"utbildningsniva", {"grundskola", "gymnasium", "hogskola", "annan_eftergymnasial", "saknas_okand"}},
        {"anonym", {"nej", "ja"}},
        {"avslutsanledning",
         {"arbete", "studier", "arbetssokande", "overgang_annan_insats", "sjukdom", "flyttat", "avbrott",
          "samtycke_aterkallat", "annan", "okand"}},
        {"sysselsattning_efter",
         {"arbete", "subventionerat_arbete", "studier", "arbetssokande", "annan", "okand"}},
        {"tid_i_insats", {"1-6", "7-12", "13-"}},
        {"forsorjning_fore",
         {"forsorjningsstod", "sjukpenning", "aktivitetsersattning", "etableringsersattning", "aktivitetsstod",
          "ovriga", "ingen", "okand"}},
        {"forsorjning_efter",
         {"forsorjningsstod", "sjukpenning", "aktivitetsersattning", "etableringsersattning", "aktivitetsstod",
          "ovriga", "ingen", "okand"}},
        {"tid_i_offentlig_forsorjning", {"0-1", "1-3", "3-5", "5-9", "9-", "ingen", "okand"}},
        {"forandring_offentlig_forsorjning", {"lamnat", "kvar", "tillkommit", "utan", "okand"}},
        {"matbarhet_6_manader", {"matbar", "anonym", "ej_lankad", "ej_natt"}},
        {"matbarhet_12_manader", {"matbar", "anonym", "ej_lankad", "ej_natt"}},
        {"utfall_6_manader",
         {"utan_offentlig_forsorjning", "sjukpenning_aktivitetsersattning_sjukersattning", "forsorjningsstod",
          "arbetsmarknadsstod"}},
        {"utfall_12_manader",
         {"utan_offentlig_forsorjning", "sjukpenning_aktivitetsersattning_sjukersattning", "forsorjningsstod",
          "arbetsmarknadsstod"}},
    };
    static const std::vector<std::string> none;
    auto found = categories.find(field);
    return found == categories.end() ? none : found->second;
}

bool isListField(std::string_view field) {
    return field == "forsorjning_fore" || field == "forsorjning_efter" || field == "utfall_6_manader" ||
           field == "utfall_12_manader";
}

bool matches(const ParticipationFacts& facts, const Conditions& conditions) {
    for (const auto& condition : conditions) {
        const auto values = fieldValues(facts, condition.field);
        const bool any = std::any_of(values.begin(), values.end(), [&](const std::string& value) {
            return std::find(condition.values.begin(), condition.values.end(), value) != condition.values.end();
        });
        if (!any) return false;
    }
    return true;
}

}  // namespace finsam::indicators
