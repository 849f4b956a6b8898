// core/indicators/benefit_rules.cpp — codes.md, ersättningstyp table and the tid rules.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/benefit_rules.h"

#include <algorithm>
#include <map>
#include <set>

namespace finsam::indicators {
namespace {

struct TypeInfo {
    const char* bucket;
    bool offentlig;
};

const std::map<std::string, TypeInfo, std::less<>>& typeTable() {
    static const std::map<std::string, TypeInfo, std::less<>> table = {
        {"sjukpenning", {"sjukpenning", true}},
        {"rehabiliteringspenning", {"sjukpenning", true}},
        {"aktivitetsersattning", {"aktivitetsersattning", true}},
        {"sjukersattning", {"ovriga", true}},
        {"aktivitetsstod", {"aktivitetsstod", true}},
        {"utvecklingsersattning", {"aktivitetsstod", true}},
        {"etableringsersattning", {"etableringsersattning", true}},
        {"a_kassa", {"ovriga", true}},
        {"forsorjningsstod", {"forsorjningsstod", true}},
        {"studiemedel", {"ovriga", false}},
        {"lon", {"ovriga", false}},
        {"subventionerad_anstallning", {"ovriga", false}},
        {"eget_foretag", {"ovriga", false}},
        {"annan", {"ovriga", false}},
        {"ingen", {"ingen", false}},
        {"okand", {"okand", false}},
    };
    return table;
}

}  // namespace

bool isOffentligForsorjning(std::string_view type) {
    auto found = typeTable().find(type);
    return found != typeTable().end() && found->second.offentlig;
}

std::string nationalBucket(std::string_view type) {
    auto found = typeTable().find(type);
    return found == typeTable().end() ? "okand" : found->second.bucket;
}

std::vector<std::string> typesOverlapping(const std::vector<BenefitPeriod>& periods, Day from, Day to) {
    std::set<std::string> types;
    for (const auto& period : periods) {
        if (period.from <= to && (!period.to || *period.to >= from)) {
            types.insert(period.type);
        }
    }
    return {types.begin(), types.end()};
}

std::string tidIOffentligForsorjning(const std::vector<BenefitPeriod>& periods, Day start) {
    std::vector<const BenefitPeriod*> offentlig;
    for (const auto& period : periods) {
        if (isOffentligForsorjning(period.type)) {
            offentlig.push_back(&period);
        }
    }
    // Walk back from the day before start: join every period that reaches within 30 days of the spell's first day.
    const Day dayBefore = start - std::chrono::days{1};
    std::optional<Day> first;
    bool grown = true;
    while (grown) {
        grown = false;
        for (const auto* period : offentlig) {
            const Day reach = period->to ? *period->to : dayBefore;
            const bool covers = !first ? (period->from <= dayBefore && reach >= dayBefore)
                                       : (period->from < *first && reach >= *first - std::chrono::days{31});
            if (covers) {
                first = first ? std::min(*first, period->from) : period->from;
                grown = true;
            }
        }
    }
    if (!first) {
        return "ingen";
    }
    const auto length = (dayBefore - *first).count() + 1;
    if (length <= 365) return "0-1";
    if (length <= 1095) return "1-3";
    if (length <= 1825) return "3-5";
    if (length <= 3285) return "5-9";
    return "9-";
}

std::string tidIInsats(std::chrono::year_month_day start, std::chrono::year_month_day end) {
    const int months = (static_cast<int>(end.year()) - static_cast<int>(start.year())) * 12 +
                       static_cast<int>(static_cast<unsigned>(end.month())) -
                       static_cast<int>(static_cast<unsigned>(start.month())) + 1;
    if (months <= 6) return "1-6";
    if (months <= 12) return "7-12";
    return "13-";
}

std::string aldersgrupp(int startYear, std::optional<int> fodelsear) {
    if (!fodelsear) {
        return "okand";
    }
    const int age = startYear - *fodelsear;
    if (age <= 29) return "16-29";
    if (age <= 44) return "30-44";
    if (age <= 59) return "45-59";
    return "60-";
}

std::vector<std::string> outcomeCategories(const std::vector<std::string>& types) {
    std::vector<std::string> categories;
    auto any = [&](std::initializer_list<std::string_view> wanted) {
        return std::any_of(types.begin(), types.end(), [&](const std::string& type) {
            return std::find(wanted.begin(), wanted.end(), type) != wanted.end();
        });
    };
    if (std::none_of(types.begin(), types.end(), [](const std::string& t) { return isOffentligForsorjning(t); })) {
        categories.emplace_back("utan_offentlig_forsorjning");
    }
    if (any({"sjukpenning", "rehabiliteringspenning", "aktivitetsersattning", "sjukersattning"})) {
        categories.emplace_back("sjukpenning_aktivitetsersattning_sjukersattning");
    }
    if (any({"forsorjningsstod"})) {
        categories.emplace_back("forsorjningsstod");
    }
    if (any({"aktivitetsstod", "utvecklingsersattning", "etableringsersattning", "a_kassa"})) {
        categories.emplace_back("arbetsmarknadsstod");
    }
    return categories;
}

}  // namespace finsam::indicators
