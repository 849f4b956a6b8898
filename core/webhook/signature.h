// core/webhook/signature.h — the X-Finsam-Signature of a webhook delivery (docs/webhooks.md).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::webhook {

/// "v1=" + lowercase hex HMAC-SHA256(secret, timestamp + "." + body). The timestamp is signed with the body so
/// a receiver can refuse replays of an old delivery.
std::string signatureOf(std::string_view secret, std::string_view timestamp, std::string_view body);

}  // namespace finsam::webhook
