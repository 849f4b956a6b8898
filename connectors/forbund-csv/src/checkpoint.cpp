// connectors/forbund-csv/src/checkpoint.cpp — a small versioned JSON object, so a later format can
// migrate it.
// SPDX-License-Identifier: Apache-2.0
#include "checkpoint.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::connectors::forbund_csv {

namespace {

constexpr int kFormatVersion = 1;

}  // namespace

std::string Checkpoint::toString() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("v");
    writer.Int(kFormatVersion);
    writer.Key("klar_mtime_ns");
    writer.Int64(markerTimeNs);
    writer.Key("sha256");
    writer.String(contentHash.c_str(), static_cast<rapidjson::SizeType>(contentHash.size()));
    writer.EndObject();
    return buffer.GetString();
}

std::optional<Checkpoint> Checkpoint::parse(const std::string& text) {
    if (text.empty()) {
        return Checkpoint{};
    }
    rapidjson::Document document;
    if (document.Parse(text.c_str()).HasParseError() || !document.IsObject()) {
        return std::nullopt;
    }
    const auto v = document.FindMember("v");
    const auto time = document.FindMember("klar_mtime_ns");
    const auto hash = document.FindMember("sha256");
    if (v == document.MemberEnd() || !v->value.IsInt() || v->value.GetInt() != kFormatVersion ||
        time == document.MemberEnd() || !time->value.IsInt64() || hash == document.MemberEnd() ||
        !hash->value.IsString()) {
        return std::nullopt;
    }
    return Checkpoint{time->value.GetInt64(), hash->value.GetString()};
}

}  // namespace finsam::connectors::forbund_csv
