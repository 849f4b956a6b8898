// plugins/http-client/include/finsam/http_client/http_error.h — why a request finally failed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace finsam::http_client {

enum class FailureKind {
    kNetwork,            ///< connection refused/reset, empty reply, DNS (after retries)
    kTls,                ///< certificate verification or handshake failed (never retried)
    kTimeout,            ///< connect or whole-request timeout (after retries)
    kServerError,        ///< 5xx after retries, or an unusable answer (e.g. token response without a token)
    kAuthRefused,        ///< 401 after one credential refresh, or 403
    kClientError,        ///< a 4xx the client cannot proceed on (e.g. still 429 after RetryPolicy::max429 waits)
    kRetryAfterTooLong,  ///< the server asked to wait longer than RetryPolicy::maxRetryAfter
};

/// Short lower-case name, e.g. "tls", for log fields.
const char* failureKindName(FailureKind kind);

/// what() is already redacted (redaction.h): it never holds a token, a secret or a personnummer.
class HttpError : public std::runtime_error {
public:
    /// `message` is redacted here with `secrets` and the standard patterns.
    HttpError(FailureKind kind, long status, const std::string& message,
              const std::vector<std::string>& secrets = {});

    FailureKind kind() const { return kind_; }
    long status() const { return status_; }  ///< the last HTTP status, 0 if none

private:
    FailureKind kind_;
    long status_;
};

}  // namespace finsam::http_client
