// core/link/person_explainer.cpp — read-only queries over person, link_key, entities, person_link, audit_log.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/person_explainer.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "core/link/eligibility.h"
#include "core/link/link_engine.h"
#include "core/store/audit_log.h"
#include "core/store/row_text.h"

namespace finsam::link {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void writeOptional(Writer& json, const char* key, const std::string& value) {
    json.Key(key);
    value.empty() ? json.Null() : json.String(value);
}

// Lineage of a participation reported twice: which report it is a duplicate of, which reports were merged
// into it, and the fields they disagreed on with the value the precedence kept.
void writeReports(Writer& json, store::Database& database, const std::string& key) {
    std::string duplicateOf;
    soci::indicator indicator = soci::i_null;
    database.session() << "SELECT duplicate_of FROM deltagande WHERE entity_key = :k", soci::use(key),
        soci::into(duplicateOf, indicator);
    writeOptional(json, "duplicate_of", indicator == soci::i_ok ? duplicateOf : "");
    json.Key("merged_reports");
    json.StartArray();
    soci::rowset<std::string> merged = (database.session().prepare
                                        << "SELECT entity_key FROM deltagande WHERE duplicate_of = :k AND "
                                           "state = 'active' ORDER BY entity_key",
                                        soci::use(key));
    for (const auto& report : merged) {
        json.String(report);
    }
    json.EndArray();
    json.Key("conflicts");
    json.StartArray();
    soci::rowset<soci::row> conflicts = (database.session().prepare
                                         << "SELECT field, kept_key, kept_value, other_key, other_value, rule "
                                            "FROM deltagande_conflict WHERE deltagande_key = :k ORDER BY field",
                                         soci::use(key));
    for (const auto& row : conflicts) {
        json.StartObject();
        json.Key("field"); json.String(store::cellText(row, 0));
        json.Key("kept"); json.String(store::cellText(row, 1));
        json.Key("kept_value"); json.String(store::cellText(row, 2));
        json.Key("other"); json.String(store::cellText(row, 3));
        json.Key("other_value"); json.String(store::cellText(row, 4));
        json.Key("rule"); json.String(store::cellText(row, 5));
        json.EndObject();
    }
    json.EndArray();
}

void writeRecords(Writer& json, store::Database& database, const std::string& personKey) {
    json.Key("records");
    json.StartArray();
    for (const char* table : {"deltagande", "samtycke", "ersattningsperiod"}) {
        soci::rowset<soci::row> rows =
            (database.session().prepare << "SELECT t.entity_key, t.state, t.connector, s.source, s.line, s.batch_id, "
                                           "s.received_at FROM " << table << " t LEFT JOIN source_record s ON "
                                           "s.id = t.source_record_id WHERE t.person_key = :p ORDER BY t.entity_key",
             soci::use(personKey));
        for (const auto& row : rows) {
            json.StartObject();
            json.Key("entity"); json.String(table);
            json.Key("key"); json.String(store::cellText(row, 0));
            json.Key("state"); json.String(store::cellText(row, 1));
            json.Key("connector"); json.String(store::cellText(row, 2));
            writeOptional(json, "source", store::cellText(row, 3));
            writeOptional(json, "line", store::cellText(row, 4));
            writeOptional(json, "batch", store::cellText(row, 5));
            writeOptional(json, "received_at", store::cellText(row, 6));
            if (std::string(table) == "deltagande") {
                writeReports(json, database, store::cellText(row, 0));
            }
            json.EndObject();
        }
    }
    json.EndArray();
}

void writeLinks(Writer& json, store::Database& database, const std::string& personKey) {
    json.Key("links");
    json.StartArray();
    soci::rowset<soci::row> rows =
        (database.session().prepare << "SELECT person_a, person_b, purpose, consent_key, valid_from, valid_to, state, "
                                       "created_at, dissolved_at, method, match_probability FROM person_link "
                                       "WHERE person_a = :a OR person_b = :b ORDER BY created_at",
         soci::use(personKey), soci::use(personKey));
    for (const auto& row : rows) {
        json.StartObject();
        json.Key("other_person"); json.String(store::cellText(row, 0) == personKey ? store::cellText(row, 1) : store::cellText(row, 0));
        json.Key("purpose"); json.String(store::cellText(row, 2));
        json.Key("consent"); json.String(store::cellText(row, 3));
        json.Key("valid_from"); json.String(store::cellText(row, 4));
        writeOptional(json, "valid_to", store::cellText(row, 5));
        json.Key("state"); json.String(store::cellText(row, 6));
        json.Key("created_at"); json.String(store::cellText(row, 7));
        writeOptional(json, "dissolved_at", store::cellText(row, 8));
        json.Key("method"); json.String(store::cellText(row, 9));
        json.Key("match_probability");
        row.get_indicator(10) == soci::i_ok ? json.Double(row.get<double>(10)) : json.Null();
        json.EndObject();
    }
    json.EndArray();
}

// Probabilistic matches of the person (probabilistic_linker.h): which fields agreed, never their values.
void writeMatches(Writer& json, store::Database& database, const std::string& personKey) {
    json.Key("matches");
    json.StartArray();
    soci::rowset<soci::row> rows =
        (database.session().prepare << "SELECT id, person_a, person_b, probability, evidence, status, "
                                       "COALESCE(decided_by, '') FROM person_match WHERE person_a = :a OR "
                                       "person_b = :b ORDER BY id",
         soci::use(personKey), soci::use(personKey));
    for (const auto& row : rows) {
        json.StartObject();
        json.Key("id"); json.Int64(static_cast<std::int64_t>(row.get<long long>(0)));
        json.Key("other_person");
        json.String(row.get<std::string>(1) == personKey ? row.get<std::string>(2) : row.get<std::string>(1));
        json.Key("probability"); json.Double(row.get<double>(3));
        rapidjson::Document evidence;
        evidence.Parse(row.get<std::string>(4).c_str());
        json.Key("evidence");
        if (evidence.IsObject()) {
            evidence.Accept(json);
        } else {
            json.Null();
        }
        json.Key("status"); json.String(row.get<std::string>(5));
        writeOptional(json, "decided_by", row.get<std::string>(6));
        json.EndObject();
    }
    json.EndArray();
}

void writeAudit(Writer& json, store::Database& database, const std::string& personKey) {
    json.Key("audit");
    json.StartArray();
    for (const auto& entry : store::AuditLog(database).forPerson(personKey)) {
        json.StartObject();
        json.Key("at"); json.String(entry.at);
        json.Key("action"); json.String(entry.action);
        writeOptional(json, "other_person", entry.personA == personKey ? entry.personB : entry.personA);
        writeOptional(json, "consent", entry.consentKey);
        json.Key("rule"); json.String(entry.rule);
        json.Key("detail"); json.String(entry.detail);
        json.EndObject();
    }
    json.EndArray();
}

}  // namespace

std::optional<std::string> PersonExplainer::explain(const std::string& personKey, const std::string& date) {
    auto& sql = database_.session();
    std::string kon;
    long long fodelsear = 0;
    int protectedFlag = 0;
    soci::indicator konInd = soci::i_ok, yearInd = soci::i_ok;
    sql << "SELECT kon, fodelsear, protected FROM person WHERE person_key = :p", soci::use(personKey),
        soci::into(kon, konInd), soci::into(fodelsear, yearInd), soci::into(protectedFlag);
    if (!sql.got_data()) {
        return std::nullopt;
    }
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.SetIndent(' ', 2);
    json.StartObject();
    json.Key("person_key"); json.String(personKey);
    writeOptional(json, "kon", konInd == soci::i_null ? "" : kon);
    json.Key("fodelsear");
    yearInd == soci::i_null ? json.Null() : json.Int64(fodelsear);
    json.Key("protected"); json.Bool(protectedFlag != 0);
    json.Key("identities");
    json.StartArray();
    soci::rowset<soci::row> keys = (sql.prepare << "SELECT organisation, kind, key_id FROM link_key WHERE "
                                                   "person_key = :p ORDER BY organisation, kind",
                                    soci::use(personKey));
    for (const auto& row : keys) {
        json.StartObject();
        json.Key("organisation"); json.String(store::cellText(row, 0));
        json.Key("kind"); json.String(store::cellText(row, 1));
        json.Key("key_id"); json.String(store::cellText(row, 2));
        json.EndObject();
    }
    json.EndArray();
    writeRecords(json, database_, personKey);
    writeLinks(json, database_, personKey);
    writeMatches(json, database_, personKey);
    writeAudit(json, database_, personKey);
    if (!date.empty()) {
        auto parties = aktuellHos(database_, personKey, date);
        json.Key("date"); json.String(date);
        json.Key("aktuell_hos");
        json.StartArray();
        for (const auto& party : parties) {
            json.String(party);
        }
        json.EndArray();
        json.Key("finsam_eligible"); json.Bool(eligible(parties));
        // "Was this link allowed on D?" for every candidate, from the consents as they stood that day.
        LinkEngine engine(database_, window_);
        json.Key("links_on_date");
        json.StartArray();
        for (const auto& other : engine.counterparts(personKey)) {
            auto decision = engine.allowedOn(personKey, other, date);
            json.StartObject();
            json.Key("other_person"); json.String(other);
            json.Key("allowed"); json.Bool(decision.allowed);
            json.Key("rule"); json.String(decision.rule);
            writeOptional(json, "consent", decision.consentKey);
            json.Key("detail"); json.String(decision.detail);
            json.EndObject();
        }
        json.EndArray();
    }
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace finsam::link
