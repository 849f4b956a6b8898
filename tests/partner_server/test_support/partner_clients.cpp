// tests/partner_server/test_support/partner_clients.cpp
// SPDX-License-Identifier: Apache-2.0
#include "partner_clients.h"

#include <gtest/gtest.h>

#include "tests/partner_server/json_text.h"
#include "tests/support/test_certificates.h"

namespace finsam::testing {

http::ClientOptions fastClientOptions(const PartnerServer& server) {
    http::ClientOptions options;
    options.retry.baseDelay = std::chrono::milliseconds(1);
    options.retry.maxDelay = std::chrono::milliseconds(5);
    options.retry.maxAttempts = 4;
    options.connectTimeout = std::chrono::seconds(5);
    options.timeout = std::chrono::seconds(10);
    if (server.options().tls) {
        options.tls.caFile = testCertificates().caFile;
    }
    return options;
}

std::unique_ptr<http::Client> regionClient(const PartnerServer& server, http::ClientOptions options) {
    return std::make_unique<http::Client>(std::move(options), http::bearerToken(server.options().regionToken));
}

std::unique_ptr<http::Client> regionClient(const PartnerServer& server) {
    return regionClient(server, fastClientOptions(server));
}

std::unique_ptr<http::Client> kommunClient(const PartnerServer& server, http::ClientOptions options,
                                           std::chrono::seconds skew) {
    auto auth = http::oauth2ClientCredentials(options, server.tokenUrl(), server.options().clientId,
                                              server.options().clientSecret, server.options().scope, skew);
    return std::make_unique<http::Client>(std::move(options), std::move(auth));
}

std::unique_ptr<http::Client> kommunClient(const PartnerServer& server) {
    return kommunClient(server, fastClientOptions(server));
}

const std::vector<std::string>& fhirHeaders() {
    static const std::vector<std::string> headers = {"Accept: application/fhir+json"};
    return headers;
}

std::string searchUrl(const PartnerServer& server, const std::string& type, std::optional<std::string> since,
                      int count) {
    std::string url = server.regionBaseUrl() + "/" + type + "?";
    if (since) {
        url += "_lastUpdated=ge" + *since + "&";
    }
    return url + "_include=" + type + ":patient&_sort=_lastUpdated&_count=" + std::to_string(count);
}

rapidjson::Document parsed(const std::string& body) { return partner::parseJson(body, "answer"); }

std::vector<rapidjson::Document> followSearch(http::Client& client, const std::string& url) {
    std::vector<rapidjson::Document> pages;
    std::string next = url;
    while (!next.empty()) {
        const http::Response response = client.get(next, fhirHeaders());
        EXPECT_EQ(response.status, 200) << next << ": " << response.body;
        if (response.status != 200 || pages.size() > 10000) {
            break;
        }
        pages.push_back(parsed(response.body));
        next = linkUrl(pages.back(), "next");
    }
    return pages;
}

std::vector<std::string> entryIds(const rapidjson::Value& bundle, const char* mode) {
    std::vector<std::string> ids;
    if (!bundle.HasMember("entry")) {
        return ids;
    }
    for (const auto& entry : bundle["entry"].GetArray()) {
        if (std::string(entry["search"]["mode"].GetString()) == mode) {
            ids.emplace_back(entry["resource"]["id"].GetString());
        }
    }
    return ids;
}

std::string linkUrl(const rapidjson::Value& bundle, const char* relation) {
    for (const auto& link : bundle["link"].GetArray()) {
        if (std::string(link["relation"].GetString()) == relation) {
            return link["url"].GetString();
        }
    }
    return {};
}

KommunRun drainKommun(http::Client& client, const PartnerServer& server, std::string_view endpoint, int limit,
                      std::optional<std::string> cursor) {
    KommunRun run;
    for (bool more = true; more && run.pages < 100000;) {
        std::string url = server.kommunBaseUrl() + std::string(endpoint) + "?limit=" + std::to_string(limit);
        if (cursor) {
            url += "&cursor=" + *cursor;
        }
        const http::Response response = client.get(url);
        EXPECT_EQ(response.status, 200) << url << ": " << response.body;
        if (response.status != 200) {
            break;
        }
        const rapidjson::Document page = parsed(response.body);
        ++run.pages;
        for (const auto& item : page["items"].GetArray()) {
            run.ids.emplace_back(item["id"].GetString());
        }
        cursor = page["next_cursor"].GetString();
        more = page["has_more"].GetBool();
    }
    run.cursor = cursor.value_or("");
    return run;
}

}  // namespace finsam::testing
