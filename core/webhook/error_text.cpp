// core/webhook/error_text.cpp — Poco::URI for the URL parts, the HTTP client's redact() for the rest.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/error_text.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <finsam/http_client/redaction.h>

#include <regex>

namespace finsam::webhook {

std::string redactedUrl(const std::string& url) {
    try {
        Poco::URI uri(url);
        Poco::URI safe;
        safe.setScheme(uri.getScheme());
        safe.setHost(uri.getHost());
        safe.setPort(uri.getPort());
        safe.setPath(uri.getPath());
        return safe.toString();
    } catch (const Poco::Exception&) {
        return "[url]";
    }
}

std::string redactedError(std::string_view text, const std::string& secret) {
    // A URL ends at whitespace or a quote; curl and the HTTP client quote URLs without either.
    static const std::regex url(R"(https?://[^\s"'<>]+)", std::regex::icase);
    std::string out;
    std::string input(text);
    auto last = input.cbegin();
    for (std::sregex_iterator it(input.begin(), input.end(), url), end; it != end; ++it) {
        out.append(last, it->prefix().second);
        out += redactedUrl(it->str());
        last = it->suffix().first;
    }
    out.append(last, input.cend());
    return http_client::redact(out, {secret});
}

}  // namespace finsam::webhook
