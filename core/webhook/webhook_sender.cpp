// core/webhook/webhook_sender.cpp — the request: body, headers, signature; the project's libcurl client.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/webhook_sender.h"

#include <finsam/http_client/http_error.h>

#include <ctime>

#include "core/common/hash.h"
#include "core/feed/feed_json.h"
#include "core/webhook/error_text.h"
#include "core/webhook/signature.h"

namespace finsam::webhook {

namespace {

http_client::ClientOptions clientOptions(const config::WebhookConfig& config) {
    http_client::ClientOptions options;
    options.tls.caFile = config.caFile;
    options.connectTimeout = std::chrono::seconds(config.timeoutSeconds);
    options.timeout = std::chrono::seconds(config.timeoutSeconds);
    // One attempt per send(): a retry inside the client would hold the worker without recording the failure.
    options.retry.maxAttempts = 1;
    options.retry.max429 = 0;
    options.userAgent = "finsam-hub webhook";
    return options;
}

}  // namespace

WebhookSender::WebhookSender(const config::WebhookConfig& config, std::string secret)
    : id_(config.id), url_(config.url), secret_(std::move(secret)), client_(clientOptions(config)) {}

DeliveryOutcome WebhookSender::send(const std::vector<feed::FeedEvent>& events, std::int64_t after) {
    const std::string body = feed::toJsonPage(events, after);
    const std::string timestamp = std::to_string(static_cast<long long>(std::time(nullptr)));
    const std::vector<std::string> headers = {
        "X-Finsam-Subscriber: " + id_,
        "X-Finsam-Delivery: " + common::randomHex(16),
        "X-Finsam-Timestamp: " + timestamp,
        "X-Finsam-Signature: " + signatureOf(secret_, timestamp, body),
    };
    try {
        const auto response = client_.post(url_, body, "application/json", headers);
        if (response.status >= 200 && response.status < 300) {
            return {true, ""};
        }
        // The answer's body is the receiver's text: it is not stored, only the status.
        return {false, "POST " + redactedUrl(url_) + ": HTTP " + std::to_string(response.status)};
    } catch (const http_client::HttpError& error) {
        return {false, redactedError(error.what(), secret_)};
    } catch (const std::exception& error) {
        return {false, redactedError("POST " + url_ + ": " + error.what(), secret_)};
    }
}

}  // namespace finsam::webhook
