// core/consent/consent_registry.cpp — samtycke/deltagande rows mapped to the policy's value types.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_registry.h"

#include <rapidjson/document.h>

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
    const std::string sql =
        "SELECT entity_key, organisation, person_key, galler_insats, parter, kategorier, andamal, giltigt_fran, "
        "giltigt_till, aterkallat FROM samtycke WHERE state = 'active' AND person_key IN ";
    forEachRow(database_, sql, personKeys, [&](const soci::row& row) {
        Consent consent;
        consent.key = store::cellText(row, 0);
        consent.forbund = store::cellText(row, 1);
        consent.sourceId = consent.key.substr(consent.key.find('/') + 1);
        consent.personKey = store::cellText(row, 2);
        consent.scopeInsats = store::cellText(row, 3);
        consent.status = ConsentStatus::kActive;
        consent.effect = ConsentEffect::kPermit;
        consent.parties = listColumn(row, 4);
        consent.categories = listColumn(row, 5);
        consent.purposes = listColumn(row, 6);
        consent.validFrom = dateColumn(row, 7);
        consent.validTo = dateColumn(row, 8);
        consent.withdrawnAt = dateColumn(row, 9);
        consents.push_back(std::move(consent));
    });
    return consents;
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
