// core/common/json.cpp — RapidJSON parsing and schema validation with readable reasons.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "json_depth.h"

namespace finsam::common {

namespace {

std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string pointerText(const rapidjson::Pointer& pointer) {
    rapidjson::StringBuffer buffer;
    pointer.Stringify(buffer);
    std::string text = buffer.GetString();
    return text.empty() ? "/" : text;
}

std::string typeName(const rapidjson::Value& value) {
    switch (value.GetType()) {
        case rapidjson::kNullType: return "null";
        case rapidjson::kFalseType:
        case rapidjson::kTrueType: return "boolean";
        case rapidjson::kObjectType: return "object";
        case rapidjson::kArrayType: return "array";
        case rapidjson::kStringType: return "string";
        case rapidjson::kNumberType: return value.IsInt64() ? "integer" : "number";
    }
    return "value";
}

// RapidJSON 1.1 reports only the failing keyword; turn it into a reason an IT administrator can act on by
// looking at the schema and the instance at the failing places.
std::string explain(const std::string& keyword, const rapidjson::Value* schemaAt, const rapidjson::Value* at) {
    if (keyword == "required" && schemaAt && at && at->IsObject() && schemaAt->HasMember("required")) {
        std::string missing;
        for (const auto& name : (*schemaAt)["required"].GetArray()) {
            if (!at->HasMember(name)) {
                missing += (missing.empty() ? "" : ", ") + std::string(name.GetString());
            }
        }
        return "missing required property " + missing;
    }
    if (keyword == "additionalProperties" && schemaAt && at && at->IsObject() && schemaAt->HasMember("properties")) {
        std::string unknown;
        for (const auto& member : at->GetObject()) {
            if (!(*schemaAt)["properties"].HasMember(member.name)) {
                unknown += (unknown.empty() ? "" : ", ") + std::string(member.name.GetString());
            }
        }
        return "unknown property " + unknown;
    }
    if (keyword == "type" && schemaAt && schemaAt->HasMember("type") && at) {
        return "expected " + toJson((*schemaAt)["type"]) + ", found " + typeName(*at);
    }
    if (keyword == "enum" && schemaAt && schemaAt->HasMember("enum")) {
        return "must be one of " + toJson((*schemaAt)["enum"]);
    }
    if (keyword == "pattern" && schemaAt && schemaAt->HasMember("pattern")) {
        return "does not match pattern " + toJson((*schemaAt)["pattern"]);
    }
    if ((keyword == "minimum" || keyword == "maximum" || keyword == "minLength" || keyword == "maxLength" ||
         keyword == "minItems" || keyword == "maxItems") &&
        schemaAt && schemaAt->HasMember(keyword.c_str())) {
        return "violates " + keyword + " " + toJson((*schemaAt)[keyword.c_str()]);
    }
    return "violates schema keyword '" + keyword + "'";
}

}  // namespace

bool parseJson(std::string_view text, rapidjson::Document& out, JsonError& error) {
    if (const auto deep = sdk::toolkit::jsonTooDeepAt(text)) {
        std::tie(error.line, error.column) = lineAndColumn(text, *deep);
        error.reason = "nested deeper than " + std::to_string(sdk::toolkit::kMaxJsonDepth) + " levels";
        return false;
    }
    out.Parse(text.data(), text.size());
    if (!out.HasParseError()) {
        return true;
    }
    auto [line, column] = lineAndColumn(text, out.GetErrorOffset());
    error.line = line;
    error.column = column;
    error.reason = rapidjson::GetParseError_En(out.GetParseError());
    return false;
}

std::string readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path + ": cannot be read");
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

rapidjson::Document readJsonFile(const std::string& path) {
    // Config and mapping files are small: a device or a FIFO named by mistake (or through the validate endpoint,
    // /dev/zero) would be read forever, or would block the reading thread. (readTextFile also reads token files,
    // which may come through a pipe.)
    constexpr std::uintmax_t kMaxJsonFileBytes = 64u << 20;
    std::error_code unreadable;  // a missing file is reported by readTextFile
    const auto status = std::filesystem::status(path, unreadable);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        throw std::runtime_error(path + ": is not a regular file");
    }
    if (std::filesystem::exists(status) && std::filesystem::file_size(path, unreadable) > kMaxJsonFileBytes) {
        throw std::runtime_error(path + ": is larger than 64 MiB, more than any configuration needs");
    }
    std::string text = readTextFile(path);
    rapidjson::Document document;
    JsonError error;
    if (!parseJson(text, document, error)) {
        throw std::runtime_error(path + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) +
                                 ": " + error.reason);
    }
    return document;
}

namespace {

std::vector<SchemaViolation> firstViolation(const rapidjson::Value& schema, const rapidjson::Value& instance) {
    rapidjson::SchemaDocument schemaDocument(schema);
    rapidjson::SchemaValidator validator(schemaDocument);
    if (instance.Accept(validator)) {
        return {};
    }
    const rapidjson::Pointer instancePointer = validator.GetInvalidDocumentPointer();
    const rapidjson::Pointer schemaPointer = validator.GetInvalidSchemaPointer();
    const rapidjson::Value* at = instancePointer.Get(instance);
    const rapidjson::Value* schemaAt = schemaPointer.Get(schema);
    std::string keyword = validator.GetInvalidSchemaKeyword();
    return {SchemaViolation{pointerText(instancePointer), explain(keyword, schemaAt, at)}};
}

}  // namespace

std::vector<SchemaViolation> validateAgainstSchema(const rapidjson::Value& schema,
                                                   const rapidjson::Value& instance) {
    auto violations = firstViolation(schema, instance);
    if (violations.empty() || !schema.IsObject() || !instance.IsObject() || !schema.HasMember("properties")) {
        return violations;
    }
    // RapidJSON 1.1 stops at the first violation. For an object, check its own rules and then each property
    // against its subschema, so a person fixing a config sees every problem in one go.
    std::vector<SchemaViolation> all;
    const auto& properties = schema["properties"];
    if (schema.HasMember("required")) {
        for (const auto& name : schema["required"].GetArray()) {
            if (!instance.HasMember(name)) {
                all.push_back({"/", std::string("missing required property ") + name.GetString()});
            }
        }
    }
    const bool closed = schema.HasMember("additionalProperties") && schema["additionalProperties"].IsBool() &&
                        !schema["additionalProperties"].GetBool();
    for (const auto& member : instance.GetObject()) {
        const std::string name = member.name.GetString();
        if (!properties.HasMember(member.name)) {
            if (closed) {
                all.push_back({"/" + name, "unknown property " + name});
            }
            continue;
        }
        for (auto& violation : validateAgainstSchema(properties[member.name], member.value)) {
            violation.pointer = "/" + name + (violation.pointer == "/" ? "" : violation.pointer);
            all.push_back(std::move(violation));
        }
    }
    return all.empty() ? violations : all;
}

std::string toJson(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string jsonQuote(std::string_view text) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace finsam::common
