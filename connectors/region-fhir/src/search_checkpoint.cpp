// connectors/region-fhir/src/search_checkpoint.cpp — a versioned JSON object, so a later format can
// migrate it.
// SPDX-License-Identifier: Apache-2.0
#include "search_checkpoint.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "fhir_json.h"

namespace finsam::connectors::region_fhir {

namespace {

constexpr int kFormatVersion = 1;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, const char* key, const std::string& value) {
    writer.Key(key);
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

bool parseCursor(const JsonValue& object, SearchCursor& cursor) {
    if (!object.IsObject()) {
        return false;
    }
    cursor.since = stringMember(object, "since").value_or("");
    cursor.next = stringMember(object, "next").value_or("");
    if (const JsonValue* seen = member(object, "seen")) {
        if (!seen->IsArray()) {
            return false;
        }
        for (const auto& key : seen->GetArray()) {
            if (!key.IsString()) {
                return false;
            }
            cursor.seen.emplace(key.GetString(), key.GetStringLength());
        }
    }
    if (const JsonValue* refused = member(object, "refused")) {
        auto url = stringMember(*refused, "url");
        auto code = stringMember(*refused, "code");
        if (!url || !code) {
            return false;
        }
        cursor.refusedUrl = *url;
        cursor.refusedCode = *code;
    }
    return true;
}

}  // namespace

std::string seenKey(const std::string& type, const std::string& id, const std::string& versionId) {
    return type + "/" + id + "/_history/" + versionId;
}

std::string Checkpoint::toString() const {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writer.StartObject();
    writer.Key("v");
    writer.Int(kFormatVersion);
    writer.Key("searches");
    writer.StartObject();
    for (const auto& [type, cursor] : searches) {
        writer.Key(type.c_str(), static_cast<rapidjson::SizeType>(type.size()));
        writer.StartObject();
        writeString(writer, "since", cursor.since);
        writer.Key("seen");
        writer.StartArray();
        for (const auto& key : cursor.seen) {
            writer.String(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
        }
        writer.EndArray();
        if (!cursor.next.empty()) {
            writeString(writer, "next", cursor.next);
        }
        if (!cursor.refusedUrl.empty()) {
            writer.Key("refused");
            writer.StartObject();
            writeString(writer, "url", cursor.refusedUrl);
            writeString(writer, "code", cursor.refusedCode);
            writer.EndObject();
        }
        writer.EndObject();
    }
    writer.EndObject();
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<Checkpoint> Checkpoint::parse(const std::string& text) {
    Checkpoint checkpoint;
    if (text.empty()) {
        return checkpoint;
    }
    rapidjson::Document document;
    if (document.Parse(text.c_str()).HasParseError() || !document.IsObject()) {
        return std::nullopt;
    }
    const JsonValue* version = member(document, "v");
    const JsonValue* searches = member(document, "searches");
    if (version == nullptr || !version->IsInt() || version->GetInt() != kFormatVersion || searches == nullptr ||
        !searches->IsObject()) {
        return std::nullopt;
    }
    for (const auto& search : searches->GetObject()) {
        SearchCursor cursor;
        if (!parseCursor(search.value, cursor)) {
            return std::nullopt;
        }
        checkpoint.searches.emplace(std::string(search.name.GetString(), search.name.GetStringLength()),
                                    std::move(cursor));
    }
    return checkpoint;
}

}  // namespace finsam::connectors::region_fhir
