// plugins/sdk/testkit/settings_schema.cpp — RapidJSON schema validation with reasons a person can
// act on.
// SPDX-License-Identifier: Apache-2.0
#include "settings_schema.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

namespace finsam::sdk::testkit {

namespace {

std::string pointerText(const rapidjson::Pointer& pointer) {
    rapidjson::StringBuffer buffer;
    pointer.StringifyUriFragment(buffer);
    std::string text = buffer.GetString();
    text = text.empty() ? "" : text.substr(1);  // drop the URI fragment's '#'
    return text.empty() ? "/" : text;
}

// RapidJSON 1.1 names only the keyword; say what it means for the two most common ones.
std::string reason(const std::string& keyword, const rapidjson::Value* schema,
                   const rapidjson::Value* instance) {
    if (keyword == "additionalProperties") {
        return "unknown property";  // the pointer already names it
    }
    if (keyword == "required" && schema != nullptr && instance != nullptr && instance->IsObject() &&
        schema->HasMember("required")) {
        std::string missing;
        for (const auto& name : (*schema)["required"].GetArray()) {
            if (!instance->HasMember(name)) {
                missing += (missing.empty() ? "" : ", ") + std::string(name.GetString());
            }
        }
        return "missing required property " + missing;
    }
    return "violates '" + keyword + "'";
}

}  // namespace

std::vector<std::string> validateSettings(const std::string& schemaJson,
                                          const std::string& settingsJson) {
    rapidjson::Document schemaDocument;
    if (schemaDocument.Parse(schemaJson.c_str()).HasParseError()) {
        return {std::string("schema: ") +
                rapidjson::GetParseError_En(schemaDocument.GetParseError())};
    }
    rapidjson::Document settings;
    if (settings.Parse(settingsJson.c_str()).HasParseError()) {
        return {
            "/: not JSON: " + std::string(rapidjson::GetParseError_En(settings.GetParseError())) +
            " at offset " + std::to_string(settings.GetErrorOffset())};
    }
    rapidjson::SchemaDocument schema(schemaDocument);
    rapidjson::SchemaValidator validator(schema);
    if (settings.Accept(validator)) {
        return {};
    }
    const auto documentPointer = validator.GetInvalidDocumentPointer();
    const auto schemaPointer = validator.GetInvalidSchemaPointer();
    const std::string keyword = validator.GetInvalidSchemaKeyword();
    return {pointerText(documentPointer) + ": " +
            reason(keyword, schemaPointer.Get(schemaDocument), documentPointer.Get(settings))};
}

std::vector<std::string> lintSettingsSchema(const std::string& schemaJson) {
    rapidjson::Document schema;
    if (schema.Parse(schemaJson.c_str()).HasParseError() || !schema.IsObject()) {
        return {"schema is not a JSON object"};
    }
    std::vector<std::string> problems;
    const auto dialect = schema.FindMember("$schema");
    if (dialect == schema.MemberEnd() || !dialect->value.IsString() ||
        std::string(dialect->value.GetString()).find("draft-04") == std::string::npos) {
        problems.emplace_back("$schema is not draft-04");
    }
    if (!schema.HasMember("additionalProperties") || !schema["additionalProperties"].IsFalse()) {
        problems.emplace_back("additionalProperties is not false");
    }
    if (!schema.HasMember("properties") || !schema["properties"].IsObject()) {
        problems.emplace_back("no properties");
        return problems;
    }
    for (const auto& property : schema["properties"].GetObject()) {
        const std::string name = property.name.GetString();
        for (const char* required : {"type", "description"}) {
            if (!property.value.IsObject() || !property.value.HasMember(required)) {
                problems.push_back("/properties/" + name + " has no " + required);
            }
        }
    }
    return problems;
}

}  // namespace finsam::sdk::testkit
