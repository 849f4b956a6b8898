// tests/partner_server/json_text.h — reading the generator's JSON files and writing compact JSON.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace finsam::testing::partner {

/// The parsed file; throws std::runtime_error naming the file and the parse error.
rapidjson::Document readJsonFile(const std::filesystem::path& file);

/// Parses `text`; throws std::invalid_argument naming `what` and the parse error.
rapidjson::Document parseJson(std::string_view text, std::string_view what);

/// `value` as compact JSON text.
std::string compactJson(const rapidjson::Value& value);

/// `text` as a JSON string literal, quotes included.
std::string jsonString(std::string_view text);

/// The string member `name` of `object`, or "" when it is absent or not a string.
std::string stringMember(const rapidjson::Value& object, const char* name);

}  // namespace finsam::testing::partner
