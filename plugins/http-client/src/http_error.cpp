// plugins/http-client/src/http_error.cpp — failures carry a redacted message, so no caller can leak one.
// SPDX-License-Identifier: Apache-2.0
#include "finsam/http_client/http_error.h"

#include "finsam/http_client/redaction.h"

namespace finsam::http_client {

const char* failureKindName(FailureKind kind) {
    switch (kind) {
        case FailureKind::kNetwork: return "network";
        case FailureKind::kTls: return "tls";
        case FailureKind::kTimeout: return "timeout";
        case FailureKind::kServerError: return "server_error";
        case FailureKind::kAuthRefused: return "auth_refused";
        case FailureKind::kClientError: return "client_error";
        case FailureKind::kRetryAfterTooLong: return "retry_after_too_long";
    }
    return "unknown";
}

HttpError::HttpError(FailureKind kind, long status, const std::string& message,
                     const std::vector<std::string>& secrets)
    : std::runtime_error(redact(message, secrets)), kind_(kind), status_(status) {}

}  // namespace finsam::http_client
