// core/indicators/facts_loader.cpp — participations → facts; links → humans; partner periods → derived facts.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/facts_loader.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <rapidjson/document.h>

#include "core/common/clock.h"
#include "core/consent/follow_up_window.h"
#include "core/indicators/benefit_rules.h"
#include "core/store/row_text.h"

namespace finsam::indicators {
namespace {

using std::chrono::sys_days;

struct InsatsInfo {
    std::string forbund;
    std::string huvudman;
    bool counted = false;  ///< individinriktad with uppföljningsmetod individ
};

struct Row {
    std::string key, organisation, insats, person;
    bool anonymous = true;
    std::string kon, fodelsear, start, end, utbildning, fore, tid, avslut, efter, sysselsattningEfter;
};

std::vector<std::string> jsonList(const std::string& text) {
    std::vector<std::string> values;
    rapidjson::Document document;
    if (text.empty() || document.Parse(text.c_str()).HasParseError() || !document.IsArray()) {
        return values;
    }
    for (const auto& value : document.GetArray()) {
        if (value.IsString()) {
            values.emplace_back(value.GetString(), value.GetStringLength());
        }
    }
    return values;
}

/// Union–find over person keys: one human per group of persons joined by usable links.
class Humans {
public:
    std::string find(const std::string& key) {
        auto found = parent_.find(key);
        if (found == parent_.end() || found->second == key) {
            return key;
        }
        std::string root = find(found->second);
        parent_[key] = root;
        return root;
    }
    void join(const std::string& a, const std::string& b) {
        std::string ra = find(a), rb = find(b);
        if (ra == rb) return;
        if (rb < ra) std::swap(ra, rb);
        parent_[rb] = ra;  // the smallest key is the root, so a human's key does not depend on reading order
        parent_.emplace(ra, ra);
        linked_.insert(a);
        linked_.insert(b);
    }
    bool linked(const std::string& key) const { return linked_.count(key) > 0; }

private:
    std::unordered_map<std::string, std::string> parent_;
    std::unordered_set<std::string> linked_;
};

/// Links dissolved by a withdrawal (or a denial) take what was derived through them with them (architecture §4).
std::set<std::pair<std::string, std::string>> revokedPairs(soci::session& sql) {
    std::map<std::pair<std::string, std::string>, std::string> lastRule;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT person_a, person_b, rule FROM audit_log WHERE action = "
                                                   "'unlink' ORDER BY seq");
    for (const auto& row : rows) {
        lastRule[{store::cellText(row, 0), store::cellText(row, 1)}] = store::cellText(row, 2);
    }
    std::set<std::pair<std::string, std::string>> revoked;
    for (const auto& [pair, rule] : lastRule) {
        if (rule == "withdrawn" || rule == "denied") {
            revoked.insert(pair);
        }
    }
    return revoked;
}

/// Calls fn with a WHERE condition on person_key per chunk of `keys`. Past a few thousand keys one scan of the
/// table with the keys filtered here beats index lookups (a national report needs most persons); fn is then
/// called once with "1 = 1" and `wanted` says which rows to keep.
template <typename Fn>
void forPersonChunks(const std::vector<std::string>& keys, Fn&& fn) {
    constexpr std::size_t kChunk = 400, kScanAbove = 8000;
    if (keys.size() > kScanAbove) {
        const std::unordered_set<std::string> wanted(keys.begin(), keys.end());
        fn("1 = 1", [&](const std::string& key) { return wanted.count(key) > 0; });
        return;
    }
    for (std::size_t i = 0; i < keys.size(); i += kChunk) {
        const std::size_t n = std::min(kChunk, keys.size() - i);
        std::string in = "person_key IN (";
        for (std::size_t j = 0; j < n; ++j) {
            in += (j ? ",'" : "'") + keys[i + j] + "'";  // person keys are the hub's own [a-p] tokens
        }
        fn(in + ")", [](const std::string&) { return true; });
    }
}

}  // namespace

std::vector<ParticipationFacts> loadFacts(store::Database& database, const FactsScope& scope) {
    auto& sql = database.session();

    std::map<std::string, InsatsInfo> insatser;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT insats_id, organisation, huvudman, inriktning, uppfoljningsmetod FROM insats "
                            "WHERE state = 'active'");
        for (const auto& row : rows) {
            const std::string organisation = store::cellText(row, 1);
            if (organisation.rfind("forbund-", 0) != 0) continue;
            if (!scope.forbund.empty() && organisation != scope.forbund) continue;
            insatser[store::cellText(row, 0)] = {organisation, store::cellText(row, 2),
                                                 store::cellText(row, 3) != "strukturovergripande" &&
                                                     store::cellText(row, 4) != "endast_antal"};
        }
    }

    std::vector<Row> rows;
    std::map<std::string, std::string> reportedByKommun;  // canonical key → kommun that also reported it
    {
        soci::rowset<soci::row> result =
            (sql.prepare << "SELECT entity_key, organisation, insats_id, person_key, anonymous, kon, fodelsear, "
                            "startdatum, slutdatum, utbildningsniva, forsorjning_fore, tid_offentlig_forsorjning, "
                            "avslutsanledning, forsorjning_efter, sysselsattning_efter, duplicate_of FROM deltagande "
                            "WHERE state = 'active' ORDER BY entity_key");
        for (const auto& r : result) {
            const std::string organisation = store::cellText(r, 1);
            const std::string duplicateOf = store::cellText(r, 15);
            if (!duplicateOf.empty()) {
                if (organisation.rfind("kommun-", 0) == 0) reportedByKommun[duplicateOf] = organisation;
                continue;
            }
            auto insats = insatser.find(store::cellText(r, 2));
            if (insats == insatser.end() || !insats->second.counted) continue;
            if (store::cellText(r, 12) == "felregistrering") continue;  // an error: excluded from every count
            Row row;
            row.key = store::cellText(r, 0);
            row.organisation = organisation;
            row.insats = insats->first;
            row.person = store::cellText(r, 3);
            row.anonymous = store::cellText(r, 4) != "0" || row.person.empty();
            row.kon = store::cellText(r, 5);
            row.fodelsear = store::cellText(r, 6);
            row.start = store::cellText(r, 7);
            row.end = store::cellText(r, 8);
            row.utbildning = store::cellText(r, 9);
            row.fore = store::cellText(r, 10);
            row.tid = store::cellText(r, 11);
            row.avslut = store::cellText(r, 12);
            row.efter = store::cellText(r, 13);
            row.sysselsattningEfter = store::cellText(r, 14);
            if (common::parseIsoDate(row.start)) rows.push_back(std::move(row));
        }
    }

    // Usable links join persons into humans.
    Humans humans;
    {
        const auto revoked = revokedPairs(sql);
        soci::rowset<soci::row> links =
            (sql.prepare << "SELECT person_a, person_b, state FROM person_link WHERE purpose = 'uppfoljning'");
        for (const auto& link : links) {
            const std::string a = store::cellText(link, 0), b = store::cellText(link, 1);
            if (store::cellText(link, 2) == "active" || !revoked.count({a, b})) {
                humans.join(a, b);
            }
        }
    }

    // The persons whose periods a counted participation may see: each identified participant's whole group.
    std::unordered_map<std::string, std::vector<std::string>> membersOf;  // human → persons
    {
        std::unordered_set<std::string> roots;
        for (const auto& row : rows) {
            if (!row.anonymous) roots.insert(humans.find(row.person));
        }
        soci::rowset<soci::row> links =
            (sql.prepare << "SELECT person_a, person_b FROM person_link WHERE purpose = 'uppfoljning'");
        std::unordered_set<std::string> seen;
        auto add = [&](const std::string& person) {
            const std::string root = humans.find(person);
            if (roots.count(root) && seen.insert(person).second) membersOf[root].push_back(person);
        };
        for (const auto& row : rows) {
            if (!row.anonymous) add(row.person);
        }
        for (const auto& link : links) {
            add(store::cellText(link, 0));
            add(store::cellText(link, 1));
        }
    }
    std::vector<std::string> persons;
    for (const auto& [root, members] : membersOf) persons.insert(persons.end(), members.begin(), members.end());
    std::sort(persons.begin(), persons.end());

    std::unordered_map<std::string, std::vector<BenefitPeriod>> periodsOf;  // person → periods
    std::unordered_map<std::string, std::set<std::string>> organisationsOf;  // person → organisations
    forPersonChunks(persons, [&](const std::string& condition, const auto& wanted) {
        soci::rowset<soci::row> periods =
            (sql.prepare << "SELECT person_key, ersattningstyp, from_datum, tom_datum, organisation FROM "
                            "ersattningsperiod WHERE state = 'active' AND " + condition);
        for (const auto& p : periods) {
            if (!wanted(store::cellText(p, 0))) continue;
            auto from = common::parseIsoDate(store::cellText(p, 2));
            if (!from) continue;
            BenefitPeriod period{store::cellText(p, 1), sys_days{*from}, std::nullopt, store::cellText(p, 4)};
            if (auto to = common::parseIsoDate(store::cellText(p, 3))) period.to = sys_days{*to};
            periodsOf[store::cellText(p, 0)].push_back(std::move(period));
        }
        soci::rowset<soci::row> keys =
            (sql.prepare << "SELECT DISTINCT person_key, organisation FROM link_key WHERE " + condition);
        for (const auto& k : keys) {
            if (wanted(store::cellText(k, 0))) organisationsOf[store::cellText(k, 0)].insert(store::cellText(k, 1));
        }
    });

    const sys_days asOf{scope.asOf};
    std::vector<ParticipationFacts> facts;
    facts.reserve(rows.size());
    for (const auto& row : rows) {
        ParticipationFacts f;
        const InsatsInfo& insats = insatser.at(row.insats);
        f.deltagandeKey = row.key;
        f.forbund = insats.forbund;
        f.insats = row.insats;
        f.huvudman = insats.huvudman.empty() ? "okand" : insats.huvudman;
        if (row.organisation.rfind("kommun-", 0) == 0) {
            f.kommun = row.organisation;
        } else if (auto k = reportedByKommun.find(row.key); k != reportedByKommun.end()) {
            f.kommun = k->second;
        } else if (!scope.soleKommun.empty() && (scope.forbund.empty() || scope.forbund == f.forbund)) {
            f.kommun = scope.soleKommun;
        }
        f.anonymous = row.anonymous;
        const auto start = *common::parseIsoDate(row.start);
        f.start = start;
        if (auto end = common::parseIsoDate(row.end)) f.end = *end;
        if (!row.kon.empty()) f.kon = row.kon;
        std::optional<int> fodelsear;
        if (!row.fodelsear.empty()) fodelsear = std::stoi(row.fodelsear);
        f.aldersgrupp = aldersgrupp(static_cast<int>(start.year()), fodelsear);
        if (f.end) f.tidIInsats = tidIInsats(start, *f.end);
        if (f.anonymous) {
            // The SUS rule keeps kön, födelseår, insats and dates: nothing else is known.
            if (f.end) f.utfall6.matbarhet = f.utfall12.matbarhet = "anonym";
            facts.push_back(std::move(f));
            continue;
        }
        if (!row.utbildning.empty()) f.utbildningsniva = row.utbildning;
        if (!row.avslut.empty()) f.avslutsanledning = row.avslut;
        if (!row.sysselsattningEfter.empty()) f.sysselsattningEfter = row.sysselsattningEfter;
        f.forsorjningFore.values = jsonList(row.fore);
        f.tidOffentligForsorjning.values = {row.tid.empty() ? "okand" : row.tid};
        f.forsorjningEfter.values = jsonList(row.efter);

        const std::string root = humans.find(row.person);
        f.human = root;
        const bool linked = humans.linked(row.person);
        if (linked) {
            // What the consent lets the hub see: the group's periods inside the follow-up window.
            const sys_days windowFrom{consent::addYears(start, -scope.followUpYearsBefore)};
            // An ongoing participation's window is open-ended: the as-of date bounds what is known.
            const sys_days windowTo =
                f.end ? sys_days{consent::addMonths(*f.end, scope.followUpMonthsAfter)} : sys_days{scope.asOf};
            std::vector<BenefitPeriod> visible;
            std::set<std::string> organisations;
            for (const auto& person : membersOf[root]) {
                for (const auto& organisation : organisationsOf[person]) {
                    if (organisation.rfind("forbund-", 0) != 0) organisations.insert(organisation);
                }
                for (const auto& period : periodsOf[person]) {
                    if (period.from > windowTo || (period.to && *period.to < windowFrom)) continue;
                    BenefitPeriod clipped = period;
                    clipped.from = std::max(clipped.from, windowFrom);
                    if (!clipped.to || *clipped.to > windowTo) clipped.to = windowTo;
                    visible.push_back(std::move(clipped));
                }
            }
            std::string source = "partner:";
            for (const auto& organisation : organisations) {
                source += (source.size() > 8 ? "," : "") + organisation;
            }
            auto orIngen = [](std::vector<std::string> types) {
                return types.empty() ? std::vector<std::string>{"ingen"} : types;
            };
            const sys_days startDay{start};
            if (startDay <= asOf) {
                f.forsorjningFore = {orIngen(typesOverlapping(visible, startDay - std::chrono::days{29}, startDay)),
                                     source};
                f.tidOffentligForsorjning = {{tidIOffentligForsorjning(visible, startDay)}, source};
            }
            if (f.end && sys_days{*f.end} + std::chrono::days{29} <= asOf) {
                const sys_days endDay{*f.end};
                f.forsorjningEfter = {orIngen(typesOverlapping(visible, endDay, endDay + std::chrono::days{29})),
                                      source};
            }
            if (f.end) {
                for (auto [outcome, days] : {std::pair{&f.utfall6, 182}, std::pair{&f.utfall12, 365}}) {
                    const sys_days measured = sys_days{*f.end} + std::chrono::days{days};
                    if (measured > asOf) {
                        outcome->matbarhet = "ej_natt";
                    } else {
                        outcome->matbarhet = "matbar";
                        outcome->types = typesOverlapping(visible, measured, measured);
                    }
                }
            }
        } else if (f.end) {
            f.utfall6.matbarhet = f.utfall12.matbarhet = "ej_lankad";
        }
        facts.push_back(std::move(f));
    }
    return facts;
}

}  // namespace finsam::indicators
