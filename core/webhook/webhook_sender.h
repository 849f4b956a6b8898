// core/webhook/webhook_sender.h — one signed POST of a batch of feed events to one subscriber.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <finsam/http_client/client.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "core/feed/feed_event.h"

namespace finsam::webhook {

struct DeliveryOutcome {
    bool delivered = false;  ///< the subscriber answered 2xx
    std::string error;       ///< why not, redacted (error_text.h): safe to log and to store
};

/// Sends exactly one attempt per call: the worker owns the long back-off. Keeps one connection to the
/// subscriber across calls. Used by one thread at a time.
class WebhookSender {
public:
    /// `secret` is the signing secret, already read (never logged, never in an error).
    WebhookSender(const config::WebhookConfig& config, std::string secret);

    /// POSTs feed::toJsonPage(events, after) with Content-Type, X-Finsam-Subscriber, X-Finsam-Delivery (new per
    /// attempt), X-Finsam-Timestamp (unix seconds) and X-Finsam-Signature (signature.h). Never throws for a
    /// failed delivery: a non-2xx answer, a refused connection or a timeout is an outcome.
    DeliveryOutcome send(const std::vector<feed::FeedEvent>& events, std::int64_t after);

private:
    std::string id_;
    std::string url_;
    std::string secret_;
    http_client::Client client_;
};

}  // namespace finsam::webhook
