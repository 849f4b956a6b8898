// plugins/http-client/src/curl_session.cpp
// SPDX-License-Identifier: Apache-2.0
#include "curl_session.h"

#include <memory>
#include <mutex>
#include <stdexcept>

namespace finsam::http_client::detail {

namespace {

struct BodyBuffer {
    std::string* text;
    std::size_t limit;
    bool overflowed = false;
};

void initialiseCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw std::runtime_error("libcurl could not be initialised");
        }
    });
}

// Returning less than it was given makes curl abort the transfer (CURLE_WRITE_ERROR).
size_t appendBody(char* data, size_t size, size_t count, void* target) {
    auto& body = *static_cast<BodyBuffer*>(target);
    if (body.text->size() + size * count > body.limit) {
        body.overflowed = true;
        return 0;
    }
    body.text->append(data, size * count);
    return size * count;
}

// Keeps the header fields of the last response only: an interim "100 Continue" starts a new one.
size_t collectHeader(char* data, size_t size, size_t count, void* target) {
    auto& headers = *static_cast<std::vector<std::pair<std::string, std::string>>*>(target);
    std::string_view line(data, size * count);
    if (line.rfind("HTTP/", 0) == 0) {
        headers.clear();
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        auto value = line.substr(colon + 1);
        const auto first = value.find_first_not_of(" \t");
        const auto last = value.find_last_not_of(" \t\r\n");
        value = first == std::string_view::npos ? std::string_view() : value.substr(first, last - first + 1);
        headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    }
    return size * count;
}

struct HeaderList {
    curl_slist* list = nullptr;
    ~HeaderList() { curl_slist_free_all(list); }
    void add(const std::string& header) {
        if (curl_slist* grown = curl_slist_append(list, header.c_str())) {
            list = grown;
        } else {
            throw std::bad_alloc();
        }
    }
};

}  // namespace

CurlSession::CurlSession(const ClientOptions& options) : maxResponseBytes_(options.maxResponseBytes) {
    initialiseCurlOnce();
    handle_ = curl_easy_init();
    if (handle_ == nullptr) {
        throw std::runtime_error("libcurl could not create a handle");
    }
    curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: the hub is multi-threaded
    curl_easy_setopt(handle_, CURLOPT_ERRORBUFFER, errorText_);
    curl_easy_setopt(handle_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle_, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connectTimeout.count()));
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(handle_, CURLOPT_USERAGENT, options.userAgent.c_str());
    curl_easy_setopt(handle_, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode (gzip: FHIR bundles)
    curl_easy_setopt(handle_, CURLOPT_SSL_VERIFYPEER, options.tls.verify ? 1L : 0L);
    curl_easy_setopt(handle_, CURLOPT_SSL_VERIFYHOST, options.tls.verify ? 2L : 0L);
    if (!options.tls.caFile.empty()) {
        curl_easy_setopt(handle_, CURLOPT_CAINFO, options.tls.caFile.c_str());
    }
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, &collectHeader);
}

CurlSession::~CurlSession() { curl_easy_cleanup(handle_); }

Exchange CurlSession::perform(const Request& request) {
    Exchange exchange;
    HeaderList headers;
    for (const auto& header : request.headers) {
        headers.add(header);
    }
    curl_easy_setopt(handle_, CURLOPT_URL, request.url.c_str());
    if (request.post) {
        headers.add("Expect:");  // no 100-continue round trip for large bodies
        curl_easy_setopt(handle_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, request.body.data());
    } else {
        curl_easy_setopt(handle_, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, headers.list);
    BodyBuffer body{&exchange.response.body, maxResponseBytes_};
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, &exchange.response.headers);
    errorText_[0] = '\0';

    const auto started = std::chrono::steady_clock::now();
    exchange.code = curl_easy_perform(handle_);
    exchange.elapsed = std::chrono::steady_clock::now() - started;
    // The handle outlives this call; the list and the body it points at do not.
    curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, nullptr);

    if (body.overflowed) {
        exchange.error = "the response is larger than " + std::to_string(maxResponseBytes_) +
                         " bytes, the most the hub reads";
        exchange.response.headers.clear();
        exchange.response.body.clear();
        return exchange;
    }
    if (exchange.code != CURLE_OK) {
        exchange.error = errorText_[0] != '\0' ? errorText_ : curl_easy_strerror(exchange.code);
        exchange.response.headers.clear();
        return exchange;
    }
    curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &exchange.response.status);
    if (char* contentType = nullptr;
        curl_easy_getinfo(handle_, CURLINFO_CONTENT_TYPE, &contentType) == CURLE_OK && contentType != nullptr) {
        exchange.response.contentType = contentType;
    }
    if (char* url = nullptr; curl_easy_getinfo(handle_, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK && url != nullptr) {
        exchange.response.url = url;
    }
    return exchange;
}

}  // namespace finsam::http_client::detail
