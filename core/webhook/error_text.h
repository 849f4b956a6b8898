// core/webhook/error_text.h — what may be logged or stored about a subscriber: its URL without credentials and
// failure messages without the URL's userinfo or query, the secret, tokens or anything like a personnummer.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::webhook {

/// scheme://host[:port]/path of `url`: userinfo, query and fragment dropped ("[url]" when it cannot be parsed).
std::string redactedUrl(const std::string& url);

/// `text` with every http(s) URL in it replaced by redactedUrl(), then http_client::redact() with `secret`.
std::string redactedError(std::string_view text, const std::string& secret);

}  // namespace finsam::webhook
