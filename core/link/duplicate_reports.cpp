// core/link/duplicate_reports.cpp — group reports by (insats, start), pair them one-to-one, resolve by precedence.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/duplicate_reports.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <tuple>

#include "core/common/clock.h"
#include "core/common/json.h"
#include "core/consent/cited_consents.h"
#include "core/consent/consent_policy.h"
#include "core/consent/follow_up_window.h"
#include "core/link/link_engine.h"
#include "core/model/entity_spec.h"
#include "core/store/audit_log.h"
#include "core/store/row_text.h"

namespace finsam::link {

namespace {

constexpr const char* kForbund = "forbund";
constexpr const char* kHuvudman = "huvudman";
// Fields that are each report's own and never resolved: the group key and the report's own citation.
constexpr std::array<std::string_view, 3> kNotResolved = {"insats_id", "startdatum", "samtycke_ref"};

using Values = std::vector<std::string>;

struct Conflict {
    std::string field;
    std::string keptKey;
    std::string keptValue;
    std::string otherKey;
    std::string otherValue;
    std::string rule;
};

std::string joined(const Values& values) {
    std::string out;
    for (const auto& value : values) {
        out += (out.empty() ? "" : ";") + value;
    }
    return out;
}

std::string mergePayload(const std::string& secondary, const std::string& primary,
                         const std::vector<std::pair<std::string, std::string>>& sources) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("entity_key");
    json.String(secondary);
    json.Key("duplicate_of");
    json.String(primary);
    json.Key("sources");
    json.StartArray();
    for (const auto& [key, organisation] : sources) {
        json.StartObject();
        json.Key("entity_key");
        json.String(key);
        json.Key("organisation");
        json.String(organisation);
        json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    return buffer.GetString();
}

}  // namespace

std::string reportRole(const std::string& organisation) {
    return organisation.rfind("forbund-", 0) == 0 ? kForbund : kHuvudman;
}

const std::vector<std::string>& ReportPrecedence::orderFor(const std::string& field) const {
    auto it = fields.find(field);
    return it == fields.end() ? defaultOrder : it->second;
}

struct DuplicateReports::Report {
    store::StoredEntity stored;  ///< as the columns hold it now (resolved, when it is a canonical merge)
    model::WorkRecord delivered;  ///< what its own source delivered
    bool resolved = false;        ///< `reported` is set: the columns differ from the delivery
    std::string duplicateOf;
    std::string role;
    std::string kon;
    std::string fodelsear;

    std::string key() const { return stored.record.entityKey(); }
};

std::vector<store::EntityChange> DuplicateReports::reconcile(const std::vector<store::EntityChange>& changes,
                                                             std::int64_t batchId) {
    groups_.clear();
    for (const auto& change : changes) {
        if (change.entity == "deltagande" && change.change == store::Change::kRetracted) {
            database_.execute("DELETE FROM deltagande_conflict WHERE deltagande_key = :p0", {change.entityKey});
        }
        // The writes say which groups they touched: the one a report is in now and the one it left.
        groups_.insert(change.reportGroups.begin(), change.reportGroups.end());
        // A link made or dissolved changes which identified reports are one person's.
        if (change.entity == "person_link" && change.change != store::Change::kUnchanged) {
            rapidjson::Document payload;
            payload.Parse(change.payload.c_str());
            if (payload.IsObject() && payload.HasMember("persons") && payload["persons"].IsArray()) {
                for (const auto& person : payload["persons"].GetArray()) {
                    addGroupsOf("SELECT insats_id, startdatum FROM deltagande WHERE person_key = :k AND "
                                "state = 'active'",
                                person.GetString());
                }
            }
        }
    }
    std::vector<store::EntityChange> out;
    for (const auto& [insatsId, startdatum] : groups_) {
        if (!settled(insatsId, startdatum)) {
            resolveGroup(insatsId, startdatum, batchId, out);
        }
    }
    return out;
}

bool DuplicateReports::settled(const std::string& insatsId, const std::string& startdatum) {
    // One report and no trace of an earlier merge (the common case): nothing to pair, nothing to undo.
    auto row = database_.queryRow(
        "SELECT COUNT(*), COUNT(duplicate_of), COUNT(reported), (SELECT COUNT(*) FROM deltagande_conflict c JOIN "
        "deltagande o ON o.entity_key = c.deltagande_key WHERE o.insats_id = :p0 AND o.startdatum = :p1) FROM "
        "deltagande WHERE insats_id = :p2 AND startdatum = :p3 AND state = 'active'",
        {insatsId, startdatum, insatsId, startdatum}, 4);
    auto number = [&](std::size_t i) { return std::stoll(row->at(i).value_or("0")); };
    const long long reports = number(0), merged = number(1), resolved = number(2), conflicts = number(3);
    return reports < 2 && merged == 0 && resolved == 0 && conflicts == 0;
}

void DuplicateReports::addGroupsOf(const std::string& sql, const std::string& param) {
    soci::rowset<soci::row> rows = (database_.session().prepare << sql, soci::use(param));
    for (const auto& row : rows) {
        groups_.emplace(store::cellText(row, 0), store::cellText(row, 1));
    }
}

void DuplicateReports::resolveGroup(const std::string& insatsId, const std::string& startdatum, std::int64_t batchId,
                                    std::vector<store::EntityChange>& out) {
    std::vector<Report> reports;
    for (auto& stored : writer_.loadWhere("deltagande", "insats_id = :p0 AND startdatum = :p1",
                                          {insatsId, startdatum})) {
        Report report;
        report.stored = std::move(stored);
        report.delivered = report.stored.record;
        report.role = reportRole(report.stored.record.organisation);
        const std::string key = report.key();
        std::string duplicateOf, reported;
        soci::indicator duplicateInd = soci::i_null, reportedInd = soci::i_null;
        database_.session() << "SELECT duplicate_of, reported FROM deltagande WHERE entity_key = :k", soci::use(key),
            soci::into(duplicateOf, duplicateInd), soci::into(reported, reportedInd);
        report.duplicateOf = duplicateInd == soci::i_ok ? duplicateOf : "";
        report.resolved = reportedInd == soci::i_ok;
        if (report.resolved) {
            rapidjson::Document replaced;
            replaced.Parse(reported.c_str());
            for (const auto& member : replaced.GetObject()) {
                Values was;
                for (const auto& value : member.value.GetArray()) {
                    was.emplace_back(value.GetString());
                }
                was.empty() ? void(report.delivered.values.erase(member.name.GetString()))
                            : void(report.delivered.values[member.name.GetString()] = std::move(was));
            }
        }
        report.kon = report.delivered.value("kon");
        report.fodelsear = report.delivered.value("fodelsear");
        if (!report.stored.personKey.empty()) {
            std::string kon, year;
            soci::indicator konInd = soci::i_null, yearInd = soci::i_null;
            database_.session() << "SELECT kon, fodelsear FROM person WHERE person_key = :p",
                soci::use(report.stored.personKey), soci::into(kon, konInd), soci::into(year, yearInd);
            report.kon = konInd == soci::i_ok ? kon : report.kon;
            report.fodelsear = yearInd == soci::i_ok ? year : report.fodelsear;
        }
        reports.push_back(std::move(report));
    }

    // Candidates across roles; only a pair that is each other's single candidate merges.
    std::map<std::size_t, std::vector<std::size_t>> candidates;
    for (std::size_t f = 0; f < reports.size(); ++f) {
        for (std::size_t h = 0; h < reports.size(); ++h) {
            if (reports[f].role == kForbund && reports[h].role == kHuvudman && samePerson(reports[f], reports[h])) {
                candidates[f].push_back(h);
                candidates[h].push_back(f);
            }
        }
    }
    std::set<std::size_t> merged;
    for (const auto& [f, matches] : candidates) {
        if (reports[f].role != kForbund || matches.size() != 1 || candidates[matches.front()].size() != 1) {
            continue;
        }
        const std::size_t h = matches.front();
        const bool forbundFirst = precedence_.defaultOrder.front() == kForbund;
        merge(reports[forbundFirst ? f : h], reports[forbundFirst ? h : f], batchId, out);
        merged.insert({f, h});
    }
    for (std::size_t i = 0; i < reports.size(); ++i) {
        if (merged.count(i) == 0) {
            standAlone(reports[i], batchId, out);
        }
    }
}

bool DuplicateReports::samePerson(const Report& a, const Report& b) {
    const std::string& personA = a.stored.personKey;
    const std::string& personB = b.stored.personKey;
    if (!personA.empty() && !personB.empty()) {
        if (personA == personB) {
            return true;
        }
        // Identified at both: one person only where a consent allowed joining them when the participation
        // started. Without that they are two people to the hub, and merging their reports would join them
        // through the back door.
        std::string low = std::min(personA, personB), high = std::max(personA, personB);
        if (database_.queryRow("SELECT 1 FROM person_link WHERE person_a = :p0 AND person_b = :p1 AND "
                               "state = 'active'",
                               {low, high}, 1)) {
            return true;
        }
        // A link that ended by the consent's normal expiry still makes the reports one participation; one that
        // ended by withdrawal, a deny or protected identity does not.
        LinkEngine engine(database_, window_);
        if (engine.counterparts(personA).count(personB) == 0) {
            return false;
        }
        const auto now = engine.allowedOn(personA, personB, consent::formatIsoDate(common::todayInSweden()));
        if (now.rule == consent::rule::kWithdrawn || now.rule == consent::rule::kDenied ||
            now.rule == consent::rule::kProtectedIdentity) {
            return false;
        }
        return engine.allowedOn(personA, personB, a.delivered.value("startdatum")).allowed;
    }
    return !a.kon.empty() && a.kon == b.kon && !a.fodelsear.empty() && a.fodelsear == b.fodelsear;
}

void DuplicateReports::merge(Report& primary, Report& secondary, std::int64_t batchId,
                             std::vector<store::EntityChange>& out) {
    const auto* spec = model::findEntity("deltagande");
    model::WorkRecord resolved = primary.delivered;
    store::ReplacedValues replaced;
    std::vector<Conflict> conflicts;
    static const Values kNone;
    for (const auto& fieldSpec : spec->fields) {
        const std::string field(fieldSpec.name);
        if (!model::isStored(fieldSpec) ||
            std::find(kNotResolved.begin(), kNotResolved.end(), fieldSpec.name) != kNotResolved.end() ||
            (primary.delivered.anonymous && !consent::keptWhenAnonymous(field))) {
            continue;  // an anonymous canonical record takes nothing the SUS rule does not keep
        }
        auto valuesOf = [&](const Report& report) -> const Values& {
            auto it = report.delivered.values.find(field);
            return it == report.delivered.values.end() ? kNone : it->second;
        };
        const Report* winner = nullptr;
        for (const auto& role : precedence_.orderFor(field)) {
            const Report& candidate = primary.role == role ? primary : secondary;
            if (!valuesOf(candidate).empty()) {
                winner = &candidate;
                break;
            }
        }
        if (winner == nullptr) {
            continue;
        }
        const Report& loser = winner == &primary ? secondary : primary;
        if (!valuesOf(loser).empty() && valuesOf(loser) != valuesOf(*winner)) {
            conflicts.push_back({field, winner->key(), joined(valuesOf(*winner)), loser.key(),
                                 joined(valuesOf(loser)), "precedence:" + winner->role});
        }
        if (winner == &secondary) {
            replaced[field] = valuesOf(primary);
            resolved.values[field] = valuesOf(secondary);
        }
    }
    if (resolved.values != primary.stored.record.values) {
        auto change = writer_.writeResolved(resolved, primary.stored.personKey, replaced);
        change.endedNow = !resolved.value("slutdatum").empty() && primary.stored.record.value("slutdatum").empty();
        out.push_back(std::move(change));
    }
    if (secondary.resolved) {
        writer_.writeResolved(secondary.delivered, secondary.stored.personKey, {});  // no longer canonical
    }

    store::AuditLog audit(database_);
    const std::string primaryKey = primary.key(), secondaryKey = secondary.key();
    if (secondary.duplicateOf != primaryKey) {
        database_.execute("UPDATE deltagande SET duplicate_of = :p0 WHERE entity_key = :p1",
                          {primaryKey, secondaryKey});
        out.push_back({store::Change::kInserted, "deltagande_duplicate", secondaryKey,
                       mergePayload(secondaryKey, primaryKey,
                                    {{primaryKey, primary.stored.record.organisation},
                                     {secondaryKey, secondary.stored.record.organisation}})});
        audit.append({0, "", "merge", primary.stored.personKey, secondary.stored.personKey, "", "duplicate_report",
                      secondaryKey + " is a report of " + primaryKey, batchId});
    }

    // Conflicts: the table holds the current ones; the audit gets each new one once.
    std::set<std::tuple<std::string, std::string, std::string, std::string>> before;
    soci::rowset<soci::row> rows = (database_.session().prepare
                                    << "SELECT field, other_key, kept_value, other_value FROM deltagande_conflict "
                                       "WHERE deltagande_key = :k",
                                    soci::use(primaryKey));
    for (const auto& row : rows) {
        before.emplace(store::cellText(row, 0), store::cellText(row, 1), store::cellText(row, 2),
                       store::cellText(row, 3));
    }
    database_.execute("DELETE FROM deltagande_conflict WHERE deltagande_key = :p0", {primaryKey});
    const std::string now = common::nowUtcIso();
    for (const auto& conflict : conflicts) {
        database_.execute("INSERT INTO deltagande_conflict (deltagande_key, field, kept_key, kept_value, other_key, "
                          "other_value, rule, recorded_at, batch_id) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, "
                          ":p7, :p8)",
                          {primaryKey, conflict.field, conflict.keptKey, conflict.keptValue, conflict.otherKey,
                           conflict.otherValue, conflict.rule, now, std::to_string(batchId)});
        if (before.count({conflict.field, conflict.otherKey, conflict.keptValue, conflict.otherValue}) == 0) {
            audit.append({0, now, "conflict", primary.stored.personKey, secondary.stored.personKey, "",
                          conflict.rule,
                          conflict.field + ": kept " + conflict.keptKey + " over " + conflict.otherKey, batchId});
        }
    }
}

void DuplicateReports::standAlone(Report& report, std::int64_t batchId, std::vector<store::EntityChange>& out) {
    const std::string key = report.key();
    if (!report.duplicateOf.empty()) {
        // Unmerged: consumers dropped it on deltagande.merged, so the event carries its whole state again.
        database_.execute("UPDATE deltagande SET duplicate_of = NULL WHERE entity_key = :p0", {key});
        auto change = writer_.writeResolved(report.delivered, report.stored.personKey, {});
        change.entity = "deltagande_duplicate";
        change.change = store::Change::kRetracted;
        out.push_back(std::move(change));
        store::AuditLog(database_).append({0, "", "unmerge", report.stored.personKey, "", "", "duplicate_report",
                                           key + " is no longer a report of " + report.duplicateOf, batchId});
    } else if (report.resolved) {
        out.push_back(writer_.writeResolved(report.delivered, report.stored.personKey, {}));
    }
    database_.execute("DELETE FROM deltagande_conflict WHERE deltagande_key = :p0", {key});
}

}  // namespace finsam::link
