// connectors/kommun-api/src/checkpoint.cpp
// SPDX-License-Identifier: Apache-2.0
#include "checkpoint.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::connectors::kommun_api {

namespace {

constexpr int kVersion = 1;

}  // namespace

std::string Checkpoint::toJson() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("v");
    writer.Int(kVersion);
    writer.Key("key_check");
    writer.String(keyCheck.c_str());
    writer.Key("cursors");
    writer.StartObject();
    for (std::size_t i = 0; i < kEndpoints.size(); ++i) {
        writer.Key(kEndpoints[i].name);
        if (cursors[i]) {
            writer.String(cursors[i]->c_str(), static_cast<rapidjson::SizeType>(cursors[i]->size()));
        } else {
            writer.Null();
        }
    }
    writer.EndObject();
    writer.Key("ledger");
    writer.String(ledger.c_str(), static_cast<rapidjson::SizeType>(ledger.size()));
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<Checkpoint> Checkpoint::parse(const std::string& text) {
    Checkpoint checkpoint;
    if (text.empty()) {
        return checkpoint;
    }
    rapidjson::Document document;
    if (document.Parse(text.c_str(), text.size()).HasParseError() || !document.IsObject()) {
        return std::nullopt;
    }
    const auto version = document.FindMember("v");
    const auto keyCheck = document.FindMember("key_check");
    const auto cursors = document.FindMember("cursors");
    const auto ledger = document.FindMember("ledger");
    if (version == document.MemberEnd() || !version->value.IsInt() || version->value.GetInt() != kVersion ||
        keyCheck == document.MemberEnd() || !keyCheck->value.IsString() || cursors == document.MemberEnd() ||
        !cursors->value.IsObject() || ledger == document.MemberEnd() || !ledger->value.IsString()) {
        return std::nullopt;
    }
    checkpoint.keyCheck = keyCheck->value.GetString();
    checkpoint.ledger.assign(ledger->value.GetString(), ledger->value.GetStringLength());
    for (std::size_t i = 0; i < kEndpoints.size(); ++i) {
        const auto cursor = cursors->value.FindMember(kEndpoints[i].name);
        if (cursor == cursors->value.MemberEnd() || (!cursor->value.IsNull() && !cursor->value.IsString())) {
            return std::nullopt;
        }
        if (cursor->value.IsString()) {
            checkpoint.cursors[i] = std::string(cursor->value.GetString(), cursor->value.GetStringLength());
        }
    }
    return checkpoint;
}

}  // namespace finsam::connectors::kommun_api
