// tests/generator/json_output.h — the RapidJSON writer the truth files are written with.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace finsam::generator {

/// Compact JSON, as the partners' APIs answer.
using CompactWriter = rapidjson::Writer<rapidjson::StringBuffer>;

/// "key": "value" with an explicit length (values may hold any UTF-8).
void writeText(CompactWriter& writer, const char* key, const std::string& value);

/// "key": "value", or "key": null when there is no value.
void writeOptionalText(CompactWriter& writer, const char* key, const std::optional<std::string>& value);

/// Pretty-printed JSON, keys in the order written, so truth files diff well between runs.
class JsonOutput {
public:
    JsonOutput();

    rapidjson::PrettyWriter<rapidjson::StringBuffer>& writer() { return writer_; }
    void key(const char* name) { writer_.Key(name); }
    void text(const char* name, const std::string& value);
    void number(const char* name, std::int64_t value);
    void flag(const char* name, bool value);
    void strings(const char* name, const std::vector<std::string>& values);
    void counts(const char* name, const std::map<std::string, std::int64_t>& values);

    /// The finished document followed by a newline.
    std::string document() const;

private:
    rapidjson::StringBuffer buffer_;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

}  // namespace finsam::generator
