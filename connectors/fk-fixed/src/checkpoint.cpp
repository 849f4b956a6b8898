// connectors/fk-fixed/src/checkpoint.cpp — a versioned JSON object, so a later format can migrate
// it and a status endpoint can read last_batch and missing_batches.
// SPDX-License-Identifier: Apache-2.0
#include "checkpoint.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::connectors::fk_fixed {

namespace {

constexpr int kFormatVersion = 1;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using Value = rapidjson::Value;

void writeString(Writer& writer, const char* key, const std::string& value) {
    writer.Key(key);
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void writeInt(Writer& writer, const char* key, std::int64_t value) {
    writer.Key(key);
    writer.Int64(value);
}

void writeUint(Writer& writer, const char* key, std::uint64_t value) {
    writer.Key(key);
    writer.Uint64(value);
}

// Typed member access: false when the member is absent or of another type.
bool getString(const Value& object, const char* key, std::string& out) {
    const auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsString()) {
        return false;
    }
    out.assign(it->value.GetString(), it->value.GetStringLength());
    return true;
}

bool getInt(const Value& object, const char* key, std::int64_t& out) {
    const auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsInt64()) {
        return false;
    }
    out = it->value.GetInt64();
    return true;
}

bool getUint(const Value& object, const char* key, std::uint64_t& out) {
    const auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsUint64()) {
        return false;
    }
    out = it->value.GetUint64();
    return true;
}

bool parseRanges(const Value& array, std::vector<BatchRange>& out) {
    if (!array.IsArray()) {
        return false;
    }
    for (const auto& item : array.GetArray()) {
        if (!item.IsArray() || item.Size() != 2 || !item[0].IsInt64() || !item[1].IsInt64() ||
            item[0].GetInt64() > item[1].GetInt64()) {
            return false;
        }
        out.push_back({item[0].GetInt64(), item[1].GetInt64()});
    }
    return true;
}

bool parseFile(const Value& object, HandledFile& out) {
    return object.IsObject() && getString(object, "path", out.path) &&
           getUint(object, "size", out.size) && getInt(object, "mtime_ns", out.mtimeNs) &&
           getInt(object, "batch", out.batch) && getString(object, "outcome", out.outcome);
}

bool parseCurrent(const Value& object, FileInProgress& out) {
    return object.IsObject() && getString(object, "path", out.path) &&
           getUint(object, "size", out.size) && getInt(object, "mtime_ns", out.mtimeNs) &&
           getString(object, "sha256", out.sha256) && getInt(object, "batch", out.batch) &&
           getInt(object, "next_line", out.nextLine) &&
           getUint(object, "next_offset", out.nextOffset);
}

}  // namespace

std::string Checkpoint::toString() const {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    writer.StartObject();
    writeInt(writer, "v", kFormatVersion);
    writeInt(writer, "last_batch", lastBatch);
    writer.Key("missing_batches");
    writer.StartArray();
    for (const auto& range : missingBatches) {
        writer.StartArray();
        writer.Int64(range.first);
        writer.Int64(range.last);
        writer.EndArray();
    }
    writer.EndArray();
    writer.Key("files");
    writer.StartArray();
    for (const auto& file : files) {
        writer.StartObject();
        writeString(writer, "path", file.path);
        writeUint(writer, "size", file.size);
        writeInt(writer, "mtime_ns", file.mtimeNs);
        writeInt(writer, "batch", file.batch);
        writeString(writer, "outcome", file.outcome);
        writer.EndObject();
    }
    writer.EndArray();
    if (current) {
        writer.Key("current");
        writer.StartObject();
        writeString(writer, "path", current->path);
        writeUint(writer, "size", current->size);
        writeInt(writer, "mtime_ns", current->mtimeNs);
        writeString(writer, "sha256", current->sha256);
        writeInt(writer, "batch", current->batch);
        writeInt(writer, "next_line", current->nextLine);
        writeUint(writer, "next_offset", current->nextOffset);
        writer.EndObject();
    }
    writer.EndObject();
    return buffer.GetString();
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
    std::int64_t version = 0;
    if (!getInt(document, "v", version) || version != kFormatVersion ||
        !getInt(document, "last_batch", checkpoint.lastBatch)) {
        return std::nullopt;
    }
    const auto missing = document.FindMember("missing_batches");
    const auto files = document.FindMember("files");
    if (missing == document.MemberEnd() ||
        !parseRanges(missing->value, checkpoint.missingBatches) || files == document.MemberEnd() ||
        !files->value.IsArray()) {
        return std::nullopt;
    }
    for (const auto& item : files->value.GetArray()) {
        HandledFile file;
        if (!parseFile(item, file)) {
            return std::nullopt;
        }
        checkpoint.files.push_back(std::move(file));
    }
    const auto current = document.FindMember("current");
    if (current != document.MemberEnd()) {
        FileInProgress progress;
        if (!parseCurrent(current->value, progress)) {
            return std::nullopt;
        }
        checkpoint.current = std::move(progress);
    }
    return checkpoint;
}

}  // namespace finsam::connectors::fk_fixed
