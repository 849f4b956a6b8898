// core/feed/event_schemas.cpp — compiles the embedded event schemas once; validates the event as the feed writes it.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/event_schemas.h"

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "core/common/embedded_file.h"
#include "core/common/json.h"
#include "core/feed/feed_json.h"

namespace finsam::feed {

namespace {

constexpr std::string_view kSuffix = ".schema.json";

std::string pointerText(const rapidjson::Pointer& pointer) {
    rapidjson::StringBuffer buffer;
    pointer.Stringify(buffer);
    std::string text = buffer.GetString();
    return text.empty() ? "/" : text;
}

// RapidJSON drops a "pattern" it cannot compile and then accepts any string: refuse such a schema instead.
void requireCompilablePatterns(const rapidjson::Value& schema, const std::string& file) {
    if (schema.IsObject()) {
        for (const auto& member : schema.GetObject()) {
            if (std::string_view(member.name.GetString()) == "pattern" && member.value.IsString() &&
                !rapidjson::internal::Regex(member.value.GetString()).IsValid()) {
                throw std::logic_error(file + ": pattern " + member.value.GetString() +
                                       " is not one RapidJSON's regex engine supports");
            }
            requireCompilablePatterns(member.value, file);
        }
    } else if (schema.IsArray()) {
        for (const auto& item : schema.GetArray()) {
            requireCompilablePatterns(item, file);
        }
    }
}

// "required (a, b)": the missing names come from the schema, so no value of the event is ever quoted.
std::string describe(const std::string& keyword, const rapidjson::Value* schemaAt, const rapidjson::Value* at) {
    if (keyword != "required" || schemaAt == nullptr || at == nullptr || !at->IsObject() ||
        !schemaAt->HasMember("required")) {
        return keyword;
    }
    std::string missing;
    for (const auto& name : (*schemaAt)["required"].GetArray()) {
        if (!at->HasMember(name)) {
            missing += (missing.empty() ? "" : ", ") + std::string(name.GetString());
        }
    }
    return keyword + " (" + missing + ")";
}

}  // namespace

struct EventSchemas::Compiled {
    explicit Compiled(rapidjson::Document parsed) : source(std::move(parsed)), schema(source) {}

    rapidjson::Document source;  // kept: violations are described from the schema text
    rapidjson::SchemaDocument schema;
    // RapidJSON 1.1's regex keeps its scratch state in the compiled pattern: validations of one schema must not
    // overlap.
    std::mutex validating;
};

EventSchemas::EventSchemas() {
    for (const auto& file : common::embeddedEventSchemas()) {
        const std::string name(file.name);
        if (name.size() <= kSuffix.size() || name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
            continue;
        }
        rapidjson::Document parsed;
        common::JsonError error;
        if (!common::parseJson(file.content, parsed, error)) {
            throw std::logic_error(name + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) +
                                   ": " + error.reason);
        }
        requireCompilablePatterns(parsed, name);
        schemas_.emplace(name.substr(0, name.size() - kSuffix.size()), std::make_unique<Compiled>(std::move(parsed)));
    }
}

EventSchemas::~EventSchemas() = default;

const EventSchemas& EventSchemas::embedded() {
    static const EventSchemas schemas;
    return schemas;
}

std::vector<std::string> EventSchemas::types() const {
    std::vector<std::string> out;
    for (const auto& entry : schemas_) {
        out.push_back(entry.first);
    }
    return out;
}

std::optional<std::string> EventSchemas::validate(const FeedEvent& event) const {
    auto found = schemas_.find(event.type);
    if (found == schemas_.end()) {
        return "no schema for event type " + event.type;
    }
    // Validated as consumers receive it: the one writer of the feed's event objects.
    rapidjson::Document instance;
    common::JsonError error;
    if (!common::parseJson(toNdjson({event}), instance, error)) {
        return "/payload: not a JSON object";
    }
    Compiled& compiled = *found->second;
    std::lock_guard<std::mutex> lock(compiled.validating);
    rapidjson::SchemaValidator validator(compiled.schema);
    if (instance.Accept(validator)) {
        return std::nullopt;
    }
    const rapidjson::Pointer at = validator.GetInvalidDocumentPointer();
    const rapidjson::Pointer schemaAt = validator.GetInvalidSchemaPointer();
    return pointerText(at) + ": " +
           describe(validator.GetInvalidSchemaKeyword(), schemaAt.Get(compiled.source), at.Get(instance));
}

bool eventValidationSwitchedOn() {
    static const bool on = [] {
        const char* value = std::getenv("FINSAM_VALIDATE_FEED_EVENTS");
        return value != nullptr && std::string_view(value) == "1";
    }();
    return on;
}

}  // namespace finsam::feed
