// plugins/http-client/src/curl_failure.cpp
// SPDX-License-Identifier: Apache-2.0
#include "curl_failure.h"

#include <memory>

namespace finsam::http_client::detail {

CurlFailure classifyCurlError(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
            return {FailureKind::kTimeout, true, false};
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return {FailureKind::kNetwork, true, false};
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CRL_BADFILE:
            return {FailureKind::kTls, false, true};
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_USE_SSL_FAILED:
            return {FailureKind::kTls, false, false};
        default:
            // Malformed URL, unsupported protocol, out of memory...: the same request would fail again.
            return {FailureKind::kNetwork, false, false};
    }
}

std::string originOf(const std::string& url) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), &curl_url_cleanup);
    if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        return url;
    }
    auto part = [&](CURLUPart which, unsigned int flags) {
        char* text = nullptr;
        std::string value;
        if (curl_url_get(parsed.get(), which, &text, flags) == CURLUE_OK && text != nullptr) {
            value = text;
        }
        curl_free(text);
        return value;
    };
    return part(CURLUPART_SCHEME, 0) + "://" + part(CURLUPART_HOST, 0) + ":" +
           part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
}

}  // namespace finsam::http_client::detail
