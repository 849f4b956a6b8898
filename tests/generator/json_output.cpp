// tests/generator/json_output.cpp — the RapidJSON writer the truth files are written with.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/json_output.h"

namespace finsam::generator {

void writeText(CompactWriter& writer, const char* key, const std::string& value) {
    writer.Key(key);
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void writeOptionalText(CompactWriter& writer, const char* key, const std::optional<std::string>& value) {
    if (value) {
        writeText(writer, key, *value);
    } else {
        writer.Key(key);
        writer.Null();
    }
}

JsonOutput::JsonOutput() : writer_(buffer_) {
    writer_.SetIndent(' ', 2);
}

void JsonOutput::text(const char* name, const std::string& value) {
    writer_.Key(name);
    writer_.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void JsonOutput::number(const char* name, std::int64_t value) {
    writer_.Key(name);
    writer_.Int64(value);
}

void JsonOutput::flag(const char* name, bool value) {
    writer_.Key(name);
    writer_.Bool(value);
}

void JsonOutput::strings(const char* name, const std::vector<std::string>& values) {
    writer_.Key(name);
    writer_.StartArray();
    for (const std::string& value : values) {
        writer_.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    }
    writer_.EndArray();
}

void JsonOutput::counts(const char* name, const std::map<std::string, std::int64_t>& values) {
    writer_.Key(name);
    writer_.StartObject();
    for (const auto& [key, value] : values) {
        writer_.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
        writer_.Int64(value);
    }
    writer_.EndObject();
}

std::string JsonOutput::document() const {
    return std::string(buffer_.GetString(), buffer_.GetSize()) + "\n";
}

}  // namespace finsam::generator
