// connectors/kommun-api/src/fetch_failure.cpp
// SPDX-License-Identifier: Apache-2.0
#include "fetch_failure.h"

#include "finsam/http_client/redaction.h"

namespace finsam::connectors::kommun_api {

namespace {

constexpr std::size_t kExcerpt = 160;

std::string excerpt(const std::string& body) {
    std::string text = body.substr(0, kExcerpt);
    for (char& c : text) {
        c = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return http_client::redact(text) + (body.size() > kExcerpt ? "…" : "");
}

}  // namespace

sdk::Result resultOf(const FetchError& error, const std::string& endpoint) {
    const std::string what = error.what();
    switch (error.kind()) {
        case FetchError::Kind::kCredentialsRefused:
            return {sdk::Status::kInvalidConfig,
                    "kommun-api: the kommun refused the client credentials (" + what +
                        "); check client_id and client_secret"};
        case FetchError::Kind::kTokenRefused:
            return {sdk::Status::kInvalidConfig, "kommun-api: the kommun API refused the access token for " +
                                                     endpoint + " (" + what + "); check the client's scope"};
        case FetchError::Kind::kTls:
            return {sdk::Status::kInvalidConfig, "kommun-api: " + what};
        case FetchError::Kind::kUnavailable:
            break;
    }
    return {sdk::Status::kSourceUnavailable,
            "kommun-api: " + endpoint + " could not be read: " + what + "; its cursor is unchanged"};
}

sdk::Result resultOfStatus(long status, const std::string& url, const std::string& body) {
    const std::string message = "kommun-api: the kommun API answered HTTP " + std::to_string(status) + " for " +
                                http_client::redact(url) + (body.empty() ? "" : ": " + excerpt(body));
    if (status == 404) {
        return {sdk::Status::kInvalidConfig, message + " (check base_url)"};
    }
    return {sdk::Status::kSourceUnavailable, message + "; the cursor is unchanged"};
}

sdk::Result resultOfShape(const std::string& url, const std::string& why) {
    return {sdk::Status::kSourceUnavailable, "kommun-api: the answer for " + http_client::redact(url) +
                                                 " is not the documented JSON shape: " + why +
                                                 "; the page is not applied and its cursor is unchanged"};
}

}  // namespace finsam::connectors::kommun_api
