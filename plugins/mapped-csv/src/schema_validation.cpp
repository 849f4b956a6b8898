// plugins/mapped-csv/src/schema_validation.cpp — RapidJSON names only the failing keyword; this
// says what it asks for.
// SPDX-License-Identifier: Apache-2.0
#include "schema_validation.h"

#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <stdexcept>

#include "mapped_csv_schema.h"
#include "safe_message.h"

namespace finsam::connectors::mapped_csv {

namespace {

const rapidjson::Document& schemaDocument() {
    static const rapidjson::Document document = [] {
        rapidjson::Document d;
        const std::string text(settingsSchemaText());
        if (d.Parse(text.c_str()).HasParseError()) {
            throw std::logic_error("mapped-csv: the embedded schema.json is not JSON");
        }
        return d;
    }();
    return document;
}

const rapidjson::SchemaDocument& compiledSchema() {
    static const rapidjson::SchemaDocument schema(schemaDocument());
    return schema;
}

std::string pointerText(const rapidjson::Pointer& pointer) {
    rapidjson::StringBuffer buffer;
    pointer.Stringify(buffer);
    const std::string text = buffer.GetString();
    return text.empty() ? "/" : text;
}

std::string quotedScalar(const rapidjson::Value& value) {
    if (value.IsString()) {
        return sdk::toolkit::quoteForMessage(value.GetString());
    }
    if (value.IsInt64()) {
        return std::to_string(value.GetInt64());
    }
    return value.IsBool() ? (value.GetBool() ? "true" : "false") : "this value";
}

std::string joinedScalars(const rapidjson::Value& array) {
    std::string out;
    for (const auto& item : array.GetArray()) {
        out += (out.empty() ? "" : ", ") + quotedScalar(item);
    }
    return out;
}

std::string typeWords(const rapidjson::Value& type) {
    if (type.IsString()) {
        return std::string("a ") + type.GetString();
    }
    std::string out;
    for (const auto& item : type.GetArray()) {
        out += (out.empty() ? "a " : " or a ") + std::string(item.GetString());
    }
    return out;
}

std::string missingProperties(const rapidjson::Value& schema, const rapidjson::Value* instance) {
    std::string missing;
    for (const auto& name : schema["required"].GetArray()) {
        if (instance == nullptr || !instance->IsObject() || !instance->HasMember(name)) {
            missing += (missing.empty() ? "" : ", ") + std::string(name.GetString());
        }
    }
    return missing;
}

std::string reason(const std::string& keyword, const rapidjson::Value* schema,
                   const rapidjson::Value* instance) {
    if (keyword == "additionalProperties") {
        return "unknown property";
    }
    if (schema == nullptr || !schema->HasMember(keyword.c_str())) {
        return "violates '" + keyword + "'";
    }
    const auto& rule = (*schema)[keyword.c_str()];
    if (keyword == "required") {
        return "missing required property " + missingProperties(*schema, instance);
    }
    if (keyword == "enum") {
        const std::string got =
            instance != nullptr ? quotedScalar(*instance) + " is not valid; " : "";
        return got + "must be one of " + joinedScalars(rule);
    }
    if (keyword == "type") {
        return "must be " + typeWords(rule);
    }
    if (keyword == "minLength" || keyword == "maxLength") {
        const auto& min = schema->HasMember("minLength") ? (*schema)["minLength"] : rule;
        const auto& max = schema->HasMember("maxLength") ? (*schema)["maxLength"] : rule;
        if (min == max) {
            return "must be exactly " + std::to_string(min.GetInt()) + " character(s)";
        }
        return keyword == "minLength"
                   ? "must not be empty"
                   : "must be at most " + std::to_string(rule.GetInt()) + " characters";
    }
    if (keyword == "minimum") {
        return "must be at least " + std::to_string(rule.GetInt());
    }
    if (keyword == "maximum") {
        return "must be at most " + std::to_string(rule.GetInt());
    }
    if (keyword == "minItems") {
        return "needs at least " + std::to_string(rule.GetInt()) + " item(s)";
    }
    return "violates '" + keyword + "'";
}

}  // namespace

std::vector<std::string> validateAgainstSchema(const rapidjson::Value& settings) {
    rapidjson::SchemaValidator validator(compiledSchema());
    if (settings.Accept(validator)) {
        return {};
    }
    const auto documentPointer = validator.GetInvalidDocumentPointer();
    const auto schemaPointer = validator.GetInvalidSchemaPointer();
    const std::string keyword = validator.GetInvalidSchemaKeyword();
    return {pointerText(documentPointer) + ": " +
            reason(keyword, schemaPointer.Get(schemaDocument()), documentPointer.Get(settings))};
}

}  // namespace finsam::connectors::mapped_csv
