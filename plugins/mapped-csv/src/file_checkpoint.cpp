// plugins/mapped-csv/src/file_checkpoint.cpp — a small versioned JSON object, so a later format can
// migrate it.
// SPDX-License-Identifier: Apache-2.0
#include "file_checkpoint.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::connectors::mapped_csv {

namespace {

constexpr int kFormatVersion = 1;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, const std::string& text) {
    writer.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}

bool isString(const rapidjson::Value& object, const char* name) {
    return object.HasMember(name) && object[name].IsString();
}

bool isInt64(const rapidjson::Value& object, const char* name) {
    return object.HasMember(name) && object[name].IsInt64();
}

std::optional<FilePosition> parsePosition(const rapidjson::Value& value) {
    if (!value.IsObject() || !isString(value, "file") || !isString(value, "sha256") ||
        !isInt64(value, "offset") || !isInt64(value, "line") || value["offset"].GetInt64() < 0) {
        return std::nullopt;
    }
    return FilePosition{value["file"].GetString(), value["sha256"].GetString(),
                        value["offset"].GetInt64(), value["line"].GetInt64()};
}

}  // namespace

bool FileCheckpoint::isApplied(const std::string& file, const std::string& sha256) const {
    const auto it = applied.find(file);
    return it != applied.end() && it->second == sha256;
}

std::string FileCheckpoint::toString() const {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writer.StartObject();
    writer.Key("v");
    writer.Int(kFormatVersion);
    writer.Key("applied");
    writer.StartObject();
    for (const auto& [file, sha256] : applied) {
        writeString(writer, file);
        writeString(writer, sha256);
    }
    writer.EndObject();
    if (reading) {
        writer.Key("reading");
        writer.StartObject();
        writer.Key("file");
        writeString(writer, reading->file);
        writer.Key("sha256");
        writeString(writer, reading->sha256);
        writer.Key("offset");
        writer.Int64(reading->offset);
        writer.Key("line");
        writer.Int64(reading->line);
        writer.EndObject();
    }
    writer.EndObject();
    return buffer.GetString();
}

std::optional<FileCheckpoint> FileCheckpoint::parse(const std::string& text) {
    if (text.empty()) {
        return FileCheckpoint{};
    }
    rapidjson::Document document;
    if (document.Parse(text.c_str()).HasParseError() || !document.IsObject() ||
        !document.HasMember("v") || !document["v"].IsInt() ||
        document["v"].GetInt() != kFormatVersion || !document.HasMember("applied") ||
        !document["applied"].IsObject()) {
        return std::nullopt;
    }
    FileCheckpoint checkpoint;
    for (const auto& entry : document["applied"].GetObject()) {
        if (!entry.value.IsString()) {
            return std::nullopt;
        }
        checkpoint.applied.emplace(entry.name.GetString(), entry.value.GetString());
    }
    if (document.HasMember("reading")) {
        checkpoint.reading = parsePosition(document["reading"]);
        if (!checkpoint.reading) {
            return std::nullopt;
        }
    }
    return checkpoint;
}

}  // namespace finsam::connectors::mapped_csv
