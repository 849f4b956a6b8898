// tests/partner_server/json_text.cpp — RapidJSON with the error messages a developer needs.
// SPDX-License-Identifier: Apache-2.0
#include "json_text.h"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace finsam::testing::partner {

rapidjson::Document readJsonFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + file.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return parseJson(text.str(), file.string());
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error(error.what());
    }
}

rapidjson::Document parseJson(std::string_view text, std::string_view what) {
    rapidjson::Document document;
    document.Parse(text.data(), text.size());
    if (document.HasParseError()) {
        throw std::invalid_argument(std::string(what) + ": not valid JSON at offset " +
                                    std::to_string(document.GetErrorOffset()) + ": " +
                                    rapidjson::GetParseError_En(document.GetParseError()));
    }
    return document;
}

std::string compactJson(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

std::string jsonString(std::string_view text) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    return {buffer.GetString(), buffer.GetSize()};
}

std::string stringMember(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) {
        return {};
    }
    const auto member = object.FindMember(name);
    if (member == object.MemberEnd() || !member->value.IsString()) {
        return {};
    }
    return {member->value.GetString(), member->value.GetStringLength()};
}

}  // namespace finsam::testing::partner
