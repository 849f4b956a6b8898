// plugins/http-client/include/finsam/http_client/options.h — how a connector's HTTP client connects and retries.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace finsam::http_client {

struct TlsOptions {
    std::string caFile;  ///< PEM bundle of trusted CAs; empty = the system store
    bool verify = true;  ///< false skips peer and host verification (test servers only)
};

struct RetryPolicy {
    int maxAttempts = 5;                              ///< total attempts for 5xx / connection errors / timeouts
    std::chrono::milliseconds baseDelay{500};         ///< exponential back-off base, full jitter
    std::chrono::milliseconds maxDelay{30000};        ///< cap on one back-off wait
    std::chrono::milliseconds maxRetryAfter{300000};  ///< longest Retry-After honoured; longer -> fail
    int max429 = 20;                                  ///< 429s tolerated per request before failing
};

struct ClientOptions {
    TlsOptions tls;
    std::chrono::milliseconds connectTimeout{10000};
    std::chrono::milliseconds timeout{60000};  ///< whole request, one attempt
    RetryPolicy retry;
    std::string userAgent = "finsam-hub";
    /// The most bytes a response body may have after decoding: a server that streams without end, or a small
    /// gzip body that inflates to gigabytes, fails the request instead of exhausting the hub's memory.
    std::size_t maxResponseBytes = 256u << 20;
};

}  // namespace finsam::http_client
