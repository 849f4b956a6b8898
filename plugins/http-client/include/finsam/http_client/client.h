// plugins/http-client/include/finsam/http_client/client.h — GET and POST with retries, back-off and auth.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "authenticator.h"
#include "options.h"
#include "response.h"
#include "timing.h"

namespace finsam::http_client {

/// One per connector run; used by one thread at a time. Keeps one CURL easy handle, so consecutive requests
/// to the same server reuse the connection.
///
/// Every request is retried the same way:
/// - 5xx, connection errors and timeouts: exponential back-off with full jitter (a wait drawn uniformly from
///   [0, min(maxDelay, baseDelay * 2^n)] before retry n+1), up to retry.maxAttempts attempts in all; then
///   HttpError kServerError / kNetwork / kTimeout. TLS failures are not retried (kTls).
/// - 429: waits Retry-After (delta-seconds or HTTP-date; back-off when absent), at most retry.max429 times;
///   a Retry-After above retry.maxRetryAfter fails at once (kRetryAfterTooLong).
/// - 401: auth->refresh() once and repeat; a second 401, or a 403, throws kAuthRefused.
/// - other 4xx, 2xx and 3xx are returned (redirects are not followed).
/// Header strings are "Name: value".
class Client {
public:
    explicit Client(ClientOptions options, std::unique_ptr<Authenticator> auth = nullptr);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    Response get(const std::string& url, const std::vector<std::string>& headers = {});
    Response post(const std::string& url, const std::string& body, const std::string& contentType,
                  const std::vector<std::string>& headers = {});

    const Timing& timing() const;
    /// Replaces std::this_thread::sleep_for for back-off and Retry-After waits (tests observe them).
    void setSleeper(std::function<void(std::chrono::milliseconds)> sleeper);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace finsam::http_client
