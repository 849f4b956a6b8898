// core/store/entity_writer.cpp — generic upsert/retract over the canonical tables, change detection by hash.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/entity_writer.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "core/common/clock.h"
#include "core/common/hash.h"
#include "core/common/json.h"
#include "core/model/entity_spec.h"
#include "core/store/row_text.h"

namespace finsam::store {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void writeScalar(JsonWriter& json, const model::FieldSpec& field, const std::string& value) {
    switch (field.type) {
        case model::FieldType::kInteger:
        case model::FieldType::kYear:
            json.Int64(std::stoll(value));
            break;
        case model::FieldType::kBoolean:
            json.Bool(value == "true");
            break;
        default:
            json.String(value);
    }
}

}  // namespace

std::string payloadOf(const model::EntitySpec& spec, const model::WorkRecord& record, const std::string& personKey,
                      bool forFeed) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("entity_key");
    json.String(record.entityKey());
    json.Key("organisation");
    json.String(record.organisation);
    if (model::hasPerson(spec)) {
        json.Key("person_key");
        personKey.empty() ? json.Null() : json.String(personKey);
    }
    if (spec.name == "deltagande") {
        json.Key("anonymous");
        json.Bool(record.anonymous);
    }
    for (const auto& field : spec.fields) {
        auto it = record.values.find(std::string(field.name));
        if (!model::isStored(field) || (forFeed && !field.published) || it == record.values.end() ||
            it->second.empty()) {
            continue;
        }
        json.Key(field.name.data(), static_cast<rapidjson::SizeType>(field.name.size()));
        if (field.list) {
            json.StartArray();
            for (const auto& value : it->second) {
                writeScalar(json, field, value);
            }
            json.EndArray();
        } else {
            writeScalar(json, field, it->second.front());
        }
    }
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

namespace {

// Lists are stored as JSON arrays of strings; scalars as text. Absent values become NULL.
std::string columnText(const model::FieldSpec& field, const std::vector<std::string>& values) {
    if (!field.list) {
        return values.front();
    }
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartArray();
    for (const auto& value : values) {
        json.String(value);
    }
    json.EndArray();
    return buffer.GetString();
}

const model::EntitySpec& specOf(const std::string& entity) {
    const auto* spec = model::findEntity(entity);
    if (spec == nullptr) {
        throw std::logic_error("no canonical entity " + entity);
    }
    return *spec;
}

// The entity's own columns as `record` fills them: keys, person, then every stored field (NULL when absent).
void storedColumns(const model::EntitySpec& spec, const model::WorkRecord& record, const std::string& personKey,
                   std::vector<std::string>& columns, std::vector<std::optional<std::string>>& values) {
    columns = {"entity_key", "connector", "organisation"};
    values = {record.entityKey(), record.connector, record.organisation};
    if (model::hasPerson(spec)) {
        columns.push_back("person_key");
        values.push_back(personKey.empty() ? std::nullopt : std::optional<std::string>(personKey));
    }
    if (spec.name == "deltagande") {
        columns.push_back("anonymous");
        values.push_back(std::string(record.anonymous ? "1" : "0"));
    }
    for (const auto& field : spec.fields) {
        if (!model::isStored(field)) {
            continue;
        }
        auto it = record.values.find(std::string(field.name));
        bool present = it != record.values.end() && !it->second.empty();
        columns.emplace_back(field.name);
        values.push_back(present ? std::optional<std::string>(columnText(field, it->second)) : std::nullopt);
    }
}

// "UPDATE <table> SET c1 = :p1, … WHERE entity_key = :p0" for columns[0] == entity_key; rotates `values` so the
// key binds last, where the WHERE clause's placeholder sits.
std::string updateStatement(const std::string& table, const std::vector<std::string>& columns,
                            std::vector<std::optional<std::string>>& values) {
    std::string statement = "UPDATE " + table + " SET ";
    for (std::size_t i = 1; i < columns.size(); ++i) {
        statement += (i > 1 ? ", " : "") + columns[i] + " = :p" + std::to_string(i);
    }
    std::rotate(values.begin(), values.begin() + 1, values.end());
    return statement + " WHERE entity_key = :p0";
}

}  // namespace

EntityChange EntityWriter::upsert(const model::WorkRecord& record, const std::string& personKey) {
    const auto& spec = specOf(record.entity);
    const std::string table(spec.name);
    EntityChange result{Change::kUnchanged, record.entity, record.entityKey(),
                        payloadOf(spec, record, personKey, true)};
    const std::string hash = common::sha256Hex(payloadOf(spec, record, personKey, false));
    const bool isDeltagande = spec.name == "deltagande";

    // content_hash, state, then for a deltagande its end and report group (NULL otherwise).
    auto old = database_.queryRow("SELECT content_hash, state, " +
                                      std::string(isDeltagande ? "slutdatum, insats_id, startdatum"
                                                               : "NULL, NULL, NULL") +
                                      " FROM " + table + " WHERE entity_key = :p0",
                                  {result.entityKey}, 5);
    const bool exists = old.has_value();
    const std::string oldHash = exists ? (*old)[0].value_or("") : "";
    const std::string oldState = exists ? (*old)[1].value_or("") : "";
    const std::string oldEnd = exists ? (*old)[2].value_or("") : "";
    if (exists && oldHash == hash && oldState == "active") {
        return result;
    }
    if (isDeltagande) {
        result.reportGroups.emplace_back(record.value("insats_id"), record.value("startdatum"));
        if (exists && (*old)[3] && (*old)[4] &&
            result.reportGroups.front() != std::make_pair(*(*old)[3], *(*old)[4])) {
            result.reportGroups.emplace_back(*(*old)[3], *(*old)[4]);
        }
    }

    std::vector<std::string> columns;
    std::vector<std::optional<std::string>> values;
    storedColumns(spec, record, personKey, columns, values);
    if (isDeltagande) {
        columns.push_back("reported");  // a new delivery: no resolution has touched it yet
        values.push_back(std::nullopt);
    }
    columns.insert(columns.end(), {"state", "content_hash", "source_record_id", "updated_at"});
    values.insert(values.end(), {std::string("active"), hash, std::to_string(record.sourceRecordId),
                                 common::nowUtcIso()});

    std::string statement;
    if (exists) {
        statement = updateStatement(table, columns, values);
    } else {
        std::string names, params;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            names += (i > 0 ? ", " : "") + columns[i];
            params += (i > 0 ? ", :p" : ":p") + std::to_string(i);
        }
        statement = "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ")";
    }
    database_.execute(statement, values);

    result.change = !exists ? Change::kInserted : oldState != "active" ? Change::kReactivated : Change::kUpdated;
    result.endedNow = isDeltagande && !record.value("slutdatum").empty() &&
                      (oldEnd.empty() || result.change == Change::kReactivated);
    return result;
}

EntityChange EntityWriter::retract(const std::string& entity, const std::string& entityKey,
                                   std::int64_t sourceRecordId) {
    const auto& spec = specOf(entity);
    const std::string table(spec.name);
    EntityChange result{Change::kUnchanged, entity, entityKey, {}};
    auto& sql = database_.session();
    std::string state, insats, start;
    soci::indicator insatsInd = soci::i_null, startInd = soci::i_null;
    sql << "SELECT state, " << (spec.name == "deltagande" ? "insats_id, startdatum" : "NULL, NULL") << " FROM "
        << table << " WHERE entity_key = :k",
        soci::use(entityKey), soci::into(state), soci::into(insats, insatsInd), soci::into(start, startInd);
    if (!sql.got_data() || state != "active") {
        return result;
    }
    if (insatsInd == soci::i_ok && startInd == soci::i_ok) {
        result.reportGroups.emplace_back(insats, start);
    }
    std::string now = common::nowUtcIso();
    long long sourceId = sourceRecordId;
    sql << "UPDATE " << table
        << " SET state = 'retracted', source_record_id = :s, updated_at = :t WHERE entity_key = :k",
        soci::use(sourceId), soci::use(now), soci::use(entityKey);
    result.change = Change::kRetracted;
    result.payload = "{\"entity_key\":" + common::jsonQuote(entityKey) + ",\"reason\":\"removed_at_source\"}";
    return result;
}

std::vector<model::WorkRecord> EntityWriter::loadForPerson(const std::string& entity, const std::string& personKey) {
    std::vector<model::WorkRecord> records;
    for (auto& stored : loadWhere(entity, "person_key = :p0", {personKey})) {
        records.push_back(std::move(stored.record));
    }
    return records;
}

std::vector<StoredEntity> EntityWriter::loadWhere(const std::string& entity, const std::string& condition,
                                                  const std::vector<std::string>& params) {
    const auto& spec = specOf(entity);
    const bool hasPerson = model::hasPerson(spec);
    std::vector<const model::FieldSpec*> stored;
    std::string columns = "entity_key, connector, organisation, source_record_id";
    columns += hasPerson ? ", person_key" : ", NULL";
    columns += spec.name == "deltagande" ? ", anonymous" : ", 0";
    for (const auto& field : spec.fields) {
        if (model::isStored(field)) {
            stored.push_back(&field);
            columns += ", " + std::string(field.name);
        }
    }
    constexpr std::size_t kFirstField = 6;
    soci::statement statement(database_.session());
    std::string sql = "SELECT " + columns + " FROM " + std::string(spec.name) + " WHERE state = 'active' AND (" +
                      condition + ") ORDER BY entity_key";
    soci::row row;
    statement.exchange(soci::into(row));
    for (const auto& param : params) {
        statement.exchange(soci::use(param));
    }
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute(false);
    std::vector<StoredEntity> out;
    while (statement.fetch()) {
        StoredEntity item;
        model::WorkRecord& record = item.record;
        record.entity = entity;
        const std::string key = cellText(row, 0);
        record.connector = cellText(row, 1);
        record.organisation = cellText(row, 2);
        record.sourceKey = key.substr(record.organisation.size() + 1);
        record.sourceRecordId = std::stoll(cellText(row, 3));
        item.personKey = cellText(row, 4);
        record.anonymous = cellText(row, 5) == "1";
        for (std::size_t i = 0; i < stored.size(); ++i) {
            std::string value = cellText(row, kFirstField + i);
            if (value.empty()) {
                continue;
            }
            auto& values = record.values[std::string(stored[i]->name)];
            if (!stored[i]->list) {
                values.push_back(value);
                continue;
            }
            rapidjson::Document list;
            list.Parse(value.c_str());
            for (const auto& element : list.GetArray()) {
                values.emplace_back(element.GetString());
            }
        }
        out.push_back(std::move(item));
    }
    return out;
}

EntityChange EntityWriter::writeResolved(const model::WorkRecord& record, const std::string& personKey,
                                         const ReplacedValues& replaced) {
    const auto& spec = specOf(record.entity);
    std::vector<std::string> columns;
    std::vector<std::optional<std::string>> values;
    storedColumns(spec, record, personKey, columns, values);
    columns.insert(columns.end(), {"reported", "updated_at"});
    std::optional<std::string> replacedJson;
    if (!replaced.empty()) {
        rapidjson::StringBuffer buffer;
        JsonWriter json(buffer);
        json.StartObject();
        for (const auto& [field, was] : replaced) {
            json.Key(field.c_str());
            json.StartArray();
            for (const auto& value : was) {
                json.String(value);
            }
            json.EndArray();
        }
        json.EndObject();
        replacedJson = buffer.GetString();
    }
    values.insert(values.end(), {replacedJson, common::nowUtcIso()});
    database_.execute(updateStatement(std::string(spec.name), columns, values), values);
    return {Change::kUpdated, record.entity, record.entityKey(), payloadOf(spec, record, personKey, true)};
}

bool EntityWriter::exists(const std::string& entity, const std::string& entityKey) {
    return database_.queryRow("SELECT 1 FROM " + std::string(specOf(entity).name) + " WHERE entity_key = :p0",
                              {entityKey}, 1)
        .has_value();
}

std::set<std::string> EntityWriter::activeKeys(const std::string& entity, const std::string& connector) {
    const auto& spec = specOf(entity);
    std::vector<std::string> keys(1000);
    std::set<std::string> out;
    soci::statement statement = (database_.session().prepare
                                     << "SELECT entity_key FROM " << std::string(spec.name)
                                     << " WHERE connector = :c AND state = 'active'",
                                 soci::use(connector), soci::into(keys));
    statement.execute();
    while (statement.fetch()) {
        out.insert(keys.begin(), keys.end());
        keys.resize(1000);
    }
    return out;
}

}  // namespace finsam::store
