// plugins/http-client/src/token_response.cpp
// SPDX-License-Identifier: Apache-2.0
#include "token_response.h"

#include <rapidjson/document.h>

#include <cstdlib>

namespace finsam::http_client::detail {

namespace {

std::string stringMember(const rapidjson::Value& object, const char* name) {
    const auto member = object.FindMember(name);
    return member != object.MemberEnd() && member->value.IsString() ? member->value.GetString() : "";
}

// Some servers send expires_in as a string ("3600"); both are accepted.
std::optional<std::chrono::seconds> secondsMember(const rapidjson::Value& object, const char* name) {
    const auto member = object.FindMember(name);
    if (member == object.MemberEnd()) {
        return std::nullopt;
    }
    if (member->value.IsNumber()) {
        return std::chrono::seconds(static_cast<std::int64_t>(member->value.GetDouble()));
    }
    if (member->value.IsString()) {
        const std::string text = member->value.GetString();
        if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 12) {
            return std::chrono::seconds(std::strtoll(text.c_str(), nullptr, 10));
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<TokenResponse> parseTokenResponse(const std::string& body) {
    rapidjson::Document document;
    if (document.Parse(body.c_str(), body.size()).HasParseError() || !document.IsObject()) {
        return std::nullopt;
    }
    TokenResponse token;
    token.accessToken = stringMember(document, "access_token");
    token.tokenType = stringMember(document, "token_type");
    token.expiresIn = secondsMember(document, "expires_in");
    token.error = stringMember(document, "error");
    return token;
}

}  // namespace finsam::http_client::detail
