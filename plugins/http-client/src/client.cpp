// plugins/http-client/src/client.cpp — the retry policy around single exchanges (client.h states the rules).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/http_client/client.h"

#include <algorithm>
#include <ctime>
#include <random>
#include <thread>

#include "backoff.h"
#include "curl_failure.h"
#include "curl_session.h"
#include "finsam/http_client/http_error.h"
#include "retry_after.h"

namespace finsam::http_client {

using std::chrono::milliseconds;

struct Client::Impl {
    ClientOptions options;
    std::unique_ptr<Authenticator> auth;
    detail::CurlSession session;
    Timing timing;
    std::function<void(milliseconds)> sleeper = [](milliseconds wait) { std::this_thread::sleep_for(wait); };
    std::mt19937_64 random{std::random_device{}()};

    Impl(ClientOptions clientOptions, std::unique_ptr<Authenticator> authenticator)
        : options(std::move(clientOptions)), auth(std::move(authenticator)), session(options) {}

    std::vector<std::string> secrets() const { return auth ? auth->secrets() : std::vector<std::string>{}; }

    [[noreturn]] void fail(FailureKind kind, long status, const std::string& message) const {
        throw HttpError(kind, status, message, secrets());
    }

    void wait(milliseconds delay) {
        timing.waiting += delay;
        sleeper(delay);
    }

    detail::Exchange attempt(const detail::Request& request) {
        detail::Exchange exchange;
        if (auth) {
            detail::Request authorised = request;
            authorised.headers.push_back("Authorization: " + auth->authorization());
            exchange = session.perform(authorised);
        } else {
            exchange = session.perform(request);
        }
        ++timing.requests;
        timing.network += exchange.elapsed;
        timing.bytes += static_cast<std::int64_t>(exchange.response.body.size());
        return exchange;
    }

    Response send(const detail::Request& request);
};

Response Client::Impl::send(const detail::Request& request) {
    const std::string what = (request.post ? "POST " : "GET ") + request.url;
    const int maxAttempts = std::max(1, options.retry.maxAttempts);
    int failedAttempts = 0;  // 5xx, connection errors and timeouts
    int waitsFor429 = 0;
    bool refreshed = false;  // refresh() is asked once per request
    bool renewed = false;    // ... and said it obtained a new credential
    for (bool first = true;; first = false) {
        if (!first) {
            ++timing.retries;
        }
        detail::Exchange exchange = attempt(request);
        const long status = exchange.response.status;

        if (exchange.code != CURLE_OK) {
            const auto failure = detail::classifyCurlError(exchange.code);
            if (failure.kind == FailureKind::kTls) {
                fail(FailureKind::kTls, 0,
                     std::string(failure.verification ? "TLS verification of " : "TLS connection to ") +
                         detail::originOf(request.url) + " failed: " + exchange.error + " (check tls.ca_file)");
            }
            ++failedAttempts;
            if (!failure.retryable) {
                fail(failure.kind, 0, what + " failed: " + exchange.error);
            }
            if (failedAttempts >= maxAttempts) {
                fail(failure.kind, 0,
                     what + (failure.kind == FailureKind::kTimeout ? " timed out" : " failed") + " after " +
                         std::to_string(failedAttempts) + " attempts: " + exchange.error);
            }
            wait(detail::backoffDelay(options.retry, failedAttempts, random));
            continue;
        }

        if (status >= 500) {
            ++failedAttempts;
            if (failedAttempts >= maxAttempts) {
                fail(FailureKind::kServerError, status,
                     what + " failed after " + std::to_string(failedAttempts) + " attempts: HTTP " +
                         std::to_string(status));
            }
            wait(detail::backoffDelay(options.retry, failedAttempts, random));
            continue;
        }

        if (status == 429) {
            ++waitsFor429;
            if (waitsFor429 > options.retry.max429) {
                fail(FailureKind::kClientError, status,
                     what + " is still rate limited (HTTP 429) after " + std::to_string(waitsFor429 - 1) + " waits");
            }
            const auto asked = detail::parseRetryAfter(exchange.response.header("Retry-After"), std::time(nullptr));
            const milliseconds delay = asked ? *asked : detail::backoffDelay(options.retry, waitsFor429, random);
            if (delay > options.retry.maxRetryAfter) {
                fail(FailureKind::kRetryAfterTooLong, status,
                     what + ": the server asked to wait " + std::to_string(delay.count() / 1000) +
                         " s (HTTP 429 Retry-After), longer than the " +
                         std::to_string(options.retry.maxRetryAfter.count() / 1000) + " s allowed");
            }
            wait(delay);
            continue;
        }

        if (status == 401 || status == 403) {
            if (status == 401 && auth && !refreshed) {
                refreshed = true;
                renewed = auth->refresh();
                if (renewed) {
                    continue;
                }
            }
            if (!auth) {
                fail(FailureKind::kAuthRefused, status,
                     what + ": the server requires a credential (HTTP " + std::to_string(status) +
                         ") and none is configured");
            }
            fail(FailureKind::kAuthRefused, status,
                 what + ": the credential was refused (HTTP " + std::to_string(status) +
                     (status == 403 ? ", not allowed" : renewed ? ", also after renewing it" : "") + ")");
        }
        return std::move(exchange.response);
    }
}

Client::Client(ClientOptions options, std::unique_ptr<Authenticator> auth)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(auth))) {}

Client::~Client() = default;

Response Client::get(const std::string& url, const std::vector<std::string>& headers) {
    return impl_->send({false, url, {}, headers});
}

Response Client::post(const std::string& url, const std::string& body, const std::string& contentType,
                      const std::vector<std::string>& headers) {
    detail::Request request{true, url, body, headers};
    request.headers.push_back("Content-Type: " + contentType);
    return impl_->send(request);
}

const Timing& Client::timing() const { return impl_->timing; }

void Client::setSleeper(std::function<void(std::chrono::milliseconds)> sleeper) {
    impl_->sleeper = std::move(sleeper);
}

}  // namespace finsam::http_client
