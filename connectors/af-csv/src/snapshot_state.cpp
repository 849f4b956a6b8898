// connectors/af-csv/src/snapshot_state.cpp — checkpoint JSON with RapidJSON; rows as {"id": "E2019-05-02"}.
// SPDX-License-Identifier: Apache-2.0
#include "snapshot_state.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace finsam::connectors::af_csv {

bool SnapshotState::wasApplied(const FileRef& file) const {
    return std::find(applied.begin(), applied.end(), file) != applied.end();
}

void SnapshotState::markApplied(FileRef file) {
    applied.push_back(std::move(file));
    if (applied.size() > kAppliedKept) {
        applied.erase(applied.begin(), applied.begin() + static_cast<long>(applied.size() - kAppliedKept));
    }
}

std::string SnapshotState::toJson() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    auto writeFile = [&](const FileRef& file) {
        json.StartObject();
        json.Key("name");
        json.String(file.name);
        json.Key("sha256");
        json.String(file.sha256);
        json.EndObject();
    };
    json.StartObject();
    json.Key("af_csv");
    json.Int(1);
    json.Key("date");
    json.String(date);
    json.Key("applied");
    json.StartArray();
    for (const auto& file : applied) {
        writeFile(file);
    }
    json.EndArray();
    if (held) {
        json.Key("held");
        writeFile(*held);
    }
    json.Key("rows");
    json.StartObject();
    for (const auto& [id, row] : rows) {
        json.Key(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
        json.String(std::string(1, row.kind) + row.end);
    }
    json.EndObject();
    json.EndObject();
    return buffer.GetString();
}

std::optional<SnapshotState> SnapshotState::parse(const std::string& text) {
    if (text.empty()) {
        return SnapshotState{};
    }
    rapidjson::Document document;
    if (document.Parse(text.c_str()).HasParseError() || !document.IsObject() || !document.HasMember("af_csv") ||
        !document.HasMember("rows") || !document["rows"].IsObject() || !document.HasMember("applied") ||
        !document["applied"].IsArray() || !document.HasMember("date") || !document["date"].IsString()) {
        return std::nullopt;
    }
    auto fileOf = [](const rapidjson::Value& value) -> std::optional<FileRef> {
        if (!value.IsObject() || !value.HasMember("name") || !value["name"].IsString() ||
            !value.HasMember("sha256") || !value["sha256"].IsString()) {
            return std::nullopt;
        }
        return FileRef{value["name"].GetString(), value["sha256"].GetString()};
    };
    SnapshotState state;
    state.date = document["date"].GetString();
    for (const auto& value : document["applied"].GetArray()) {
        auto file = fileOf(value);
        if (!file) {
            return std::nullopt;
        }
        state.applied.push_back(std::move(*file));
    }
    if (document.HasMember("held")) {
        state.held = fileOf(document["held"]);
    }
    for (const auto& member : document["rows"].GetObject()) {
        if (!member.value.IsString() || member.value.GetStringLength() == 0) {
            return std::nullopt;
        }
        const std::string value = member.value.GetString();
        state.rows[member.name.GetString()] = RowState{value[0], value.substr(1)};
    }
    return state;
}

}  // namespace finsam::connectors::af_csv
