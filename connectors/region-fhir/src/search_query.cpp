// connectors/region-fhir/src/search_query.cpp — query text and URL origins.
// SPDX-License-Identifier: Apache-2.0
#include "search_query.h"

#include <algorithm>
#include <cctype>

namespace finsam::connectors::region_fhir {

namespace {

std::string percentEncode(const std::string& text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

}  // namespace

std::string searchUrl(const std::string& baseUrl, const std::string& type, const std::string& since, int count) {
    std::string url = baseUrl + "/" + type + "?";
    if (!since.empty()) {
        url += "_lastUpdated=ge" + percentEncode(since) + "&";
    }
    return url + "_include=" + type + ":patient&_sort=_lastUpdated&_count=" + std::to_string(count);
}

std::optional<std::string> originOf(const std::string& url) {
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos) {
        return std::nullopt;
    }
    const std::string scheme = lower(url.substr(0, schemeEnd));
    if (scheme != "http" && scheme != "https") {
        return std::nullopt;
    }
    const auto authorityStart = schemeEnd + 3;
    const auto authorityEnd = url.find_first_of("/?#", authorityStart);
    std::string authority = lower(url.substr(authorityStart, authorityEnd - authorityStart));
    if (authority.empty() || authority.find('@') != std::string::npos) {
        return std::nullopt;  // no host, or credentials in the URL: neither is a server we send a token to
    }
    const auto colon = authority.rfind(':');
    const bool hasPort = colon != std::string::npos && authority.find(']', colon) == std::string::npos;
    if ((hasPort && colon == 0) || authority[0] == ':') {
        return std::nullopt;
    }
    if (!hasPort) {
        authority += scheme == "https" ? ":443" : ":80";
    } else if (colon + 1 == authority.size() ||
               authority.find_first_not_of("0123456789", colon + 1) != std::string::npos) {
        return std::nullopt;
    }
    return scheme + "://" + authority;
}

}  // namespace finsam::connectors::region_fhir
