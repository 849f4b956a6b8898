// plugins/http-client/src/token_response.cpp
// SPDX-License-Identifier: Apache-2.0
#include "token_response.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>

#include "json_depth.h"

namespace finsam::http_client::detail {

namespace {

std::string stringMember(const rapidjson::Value& object, const char* name) {
    const auto member = object.FindMember(name);
    return member != object.MemberEnd() && member->value.IsString() ? member->value.GetString() : "";
}

// A lifetime beyond a year is taken as a year: a server's 1e300 or 10^10 seconds would otherwise overflow the
// conversion to an integer or to the clock's nanoseconds.
constexpr double kLongestLifetimeSeconds = 365.0 * 24 * 3600;

// Some servers send expires_in as a string ("3600"); both are accepted. A negative or non-finite value is
// treated as absent.
std::optional<std::chrono::seconds> secondsMember(const rapidjson::Value& object, const char* name) {
    const auto member = object.FindMember(name);
    if (member == object.MemberEnd()) {
        return std::nullopt;
    }
    double seconds = -1;
    if (member->value.IsNumber()) {
        seconds = member->value.GetDouble();
    } else if (member->value.IsString()) {
        const std::string text = member->value.GetString();
        if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
            seconds = std::strtod(text.c_str(), nullptr);
        }
    }
    if (!(seconds >= 0)) {  // also NaN
        return std::nullopt;
    }
    return std::chrono::seconds(static_cast<std::int64_t>(std::min(seconds, kLongestLifetimeSeconds)));
}

}  // namespace

std::optional<TokenResponse> parseTokenResponse(const std::string& body) {
    rapidjson::Document document;
    if (sdk::toolkit::jsonTooDeepAt(body) || document.Parse(body.c_str(), body.size()).HasParseError() ||
        !document.IsObject()) {
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
