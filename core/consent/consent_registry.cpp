// core/consent/consent_registry.cpp — samtycke/deltagande rows mapped to the policy's value types.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_registry.h"

#include <rapidjson/document.h>

#include <array>
#include <map>

#include "core/common/clock.h"
#include "core/store/row_text.h"

namespace finsam::consent {

namespace {

// Lists are stored as JSON arrays of strings (store/entity_writer.cpp).
std::set<std::string> listColumn(const soci::row& row, std::size_t i) {
    std::set<std::string> out;
    rapidjson::Document document;
    document.Parse(store::cellText(row, i).c_str());
    if (document.IsArray()) {
        for (const auto& item : document.GetArray()) {
            if (item.IsString()) {
                out.insert(item.GetString());
            }
        }
    }
    return out;
}

std::optional<std::chrono::year_month_day> dateColumn(const soci::row& row, std::size_t i) {
    return common::parseIsoDate(store::cellText(row, i));
}

// "(:p0, :p1, ...)" and the keys as a vector, for IN lists bound by position.
std::string inList(std::size_t count) {
    std::string out = "(";
    for (std::size_t i = 0; i < count; ++i) {
        out += (i > 0 ? ", :p" : ":p") + std::to_string(i);
    }
    return out + ")";
}

template <typename OnRow>
void forEachRow(store::Database& database, const std::string& sql, const std::set<std::string>& keys,
                OnRow&& onRow) {
    if (keys.empty()) {
        return;
    }
    std::vector<std::string> values(keys.begin(), keys.end());
    soci::statement statement(database.session());
    soci::row row;
    for (auto& value : values) {
        statement.exchange(soci::use(value));
    }
    statement.exchange(soci::into(row));
    statement.alloc();
    statement.prepare(sql + inList(values.size()));
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) {
        onRow(row);
    }
}

// The samtycke columns a Consent is built from, in this order (row columns and payload members alike).
constexpr std::array<const char*, 9> kConsentColumns = {"galler_insats", "parter",       "kategorier",
                                                        "andamal",       "giltigt_fran", "giltigt_till",
                                                        "aterkallat",    "status",       "beslut"};

template <typename Text, typename List>
Consent consentFrom(const std::string& key, const std::string& organisation, const std::string& personKey,
                    Text&& text, List&& list) {
    Consent consent;
    consent.key = key;
    consent.forbund = organisation;
    consent.sourceId = key.substr(key.find('/') + 1);
    consent.personKey = personKey;
    consent.scopeInsats = text(0);
    consent.parties = list(1);
    consent.categories = list(2);
    consent.purposes = list(3);
    consent.validFrom = common::parseIsoDate(text(4));
    consent.validTo = common::parseIsoDate(text(5));
    consent.withdrawnAt = common::parseIsoDate(text(6));
    // No status or decision: a förbund register consent, which is an active permit.
    consent.status = text(7).empty() ? ConsentStatus::kActive
                                     : consentStatusFromFhir(text(7)).value_or(ConsentStatus::kDraft);
    consent.effect = text(8) == "deny" ? ConsentEffect::kDeny : ConsentEffect::kPermit;
    return consent;
}

}  // namespace

void ConsentRegistry::recordVersion(const store::EntityChange& change, std::int64_t batchId) {
    if (change.entity != "samtycke" || change.change == store::Change::kUnchanged) {
        return;
    }
    long long id = database_.allocate("samtycke_version", 1);
    long long batch = batchId;
    std::string now = common::nowUtcIso();
    std::string state = change.change == store::Change::kRetracted ? "retracted" : "active";
    database_.session() << "INSERT INTO samtycke_version (id, entity_key, recorded_at, state, payload, batch_id) "
                           "VALUES (:i, :k, :t, :s, :p, :b)",
        soci::use(id), soci::use(change.entityKey), soci::use(now), soci::use(state), soci::use(change.payload),
        soci::use(batch);
}

std::vector<Consent> ConsentRegistry::consentsOf(const std::set<std::string>& personKeys) {
    std::vector<Consent> consents;
    std::string sql = "SELECT entity_key, organisation, person_key";
    for (const char* column : kConsentColumns) {
        sql += std::string(", ") + column;
    }
    sql += " FROM samtycke WHERE state = 'active' AND person_key IN ";
    forEachRow(database_, sql, personKeys, [&](const soci::row& row) {
        consents.push_back(consentFrom(
            store::cellText(row, 0), store::cellText(row, 1), store::cellText(row, 2),
            [&](std::size_t i) { return store::cellText(row, 3 + i); },
            [&](std::size_t i) { return listColumn(row, 3 + i); }));
    });
    return consents;
}

std::vector<ConsentHistory> ConsentRegistry::historiesOf(const std::set<std::string>& personKeys) {
    // Versions are keyed by consent; the consents of these persons are those whose any version names them.
    std::set<std::string> consentKeys;
    forEachRow(database_, "SELECT entity_key FROM samtycke WHERE person_key IN ", personKeys,
               [&](const soci::row& row) { consentKeys.insert(store::cellText(row, 0)); });
    std::map<std::string, ConsentHistory> histories;
    forEachRow(database_, "SELECT entity_key, recorded_at, state, payload FROM samtycke_version WHERE entity_key IN ",
               consentKeys, [&](const soci::row& row) {
                   rapidjson::Document payload;
                   payload.Parse(store::cellText(row, 3).c_str());
                   if (!payload.IsObject()) {
                       return;
                   }
                   auto member = [&](const char* name) {
                       auto it = payload.FindMember(name);
                       return it != payload.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString())
                                                                                 : std::string();
                   };
                   auto text = [&](std::size_t i) { return member(kConsentColumns[i]); };
                   auto list = [&](std::size_t i) {
                       std::set<std::string> out;
                       auto it = payload.FindMember(kConsentColumns[i]);
                       if (it != payload.MemberEnd() && it->value.IsArray()) {
                           for (const auto& item : it->value.GetArray()) {
                               out.insert(item.GetString());
                           }
                       }
                       return out;
                   };
                   const std::string key = store::cellText(row, 0);
                   Consent consent = consentFrom(key, member("organisation"), member("person_key"), text, list);
                   if (store::cellText(row, 2) == "retracted") {
                       consent.status = ConsentStatus::kInactive;  // removed from the register from then on
                   }
                   histories[key].versions.emplace_back(store::cellText(row, 1), std::move(consent));
               });
    std::vector<ConsentHistory> out;
    for (auto& [key, history] : histories) {
        out.push_back(std::move(history));
    }
    return out;
}

std::vector<Participation> ConsentRegistry::participationsOf(const std::set<std::string>& personKeys) {
    std::vector<Participation> participations;
    const std::string sql = "SELECT entity_key, insats_id, organisation, startdatum, slutdatum, samtycke_ref "
                            "FROM deltagande WHERE state = 'active' AND person_key IN ";
    forEachRow(database_, sql, personKeys, [&](const soci::row& row) {
        auto start = dateColumn(row, 3);
        if (!start) {
            return;
        }
        participations.push_back(Participation{store::cellText(row, 0), store::cellText(row, 1), store::cellText(row, 2), *start,
                                               dateColumn(row, 4), store::cellText(row, 5)});
    });
    return participations;
}

std::string ConsentRegistry::personOfConsent(const std::string& entityKey) {
    std::string personKey;
    soci::indicator indicator = soci::i_null;
    database_.session() << "SELECT person_key FROM samtycke WHERE entity_key = :k", soci::use(entityKey),
        soci::into(personKey, indicator);
    return database_.session().got_data() && indicator == soci::i_ok ? personKey : std::string();
}

}  // namespace finsam::consent
