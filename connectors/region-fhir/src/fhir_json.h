// connectors/region-fhir/src/fhir_json.h — typed reads of FHIR JSON and the JSON pointers problems name.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

namespace finsam::connectors::region_fhir {

using JsonValue = rapidjson::Value;

/// An RFC 6901 JSON pointer, built segment by segment: Pointer() / "entry" / 3 / "resource" is
/// "/entry/3/resource". Problems name the pointer of the value at fault, so an operator finds it in the page.
class Pointer {
public:
    Pointer() = default;
    Pointer operator/(std::string_view key) const;
    Pointer operator/(std::size_t index) const;
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

/// The member `name` of `object`, or nullptr when `object` is not an object or has no such member.
const JsonValue* member(const JsonValue& object, const char* name);

/// The member as a string; nullopt when absent or not a string. Empty strings are returned as they are.
std::optional<std::string> stringMember(const JsonValue& object, const char* name);

/// The member when it is an array, else nullptr (absent or another type).
const JsonValue* arrayMember(const JsonValue& object, const char* name);

/// Compact JSON text of `value`.
std::string compactJson(const JsonValue& value);

}  // namespace finsam::connectors::region_fhir
